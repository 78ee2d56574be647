import pytest

from quizgen.ingest.clean.headings import find_headings

from .conftest import make_draft, texts

BODY = "the keepers of the towers trimmed the wicks and wound the clock"  # a typical wrapped line


def headings_of(text: str) -> list[str]:
    draft = find_headings(make_draft(text))
    return [ln.text for ln in draft.lines if ln.no in draft.headings]


@pytest.mark.parametrize(
    "text, expected",
    [
        # Sentence-case heading followed directly by its first paragraph.
        (
            f"Ships as a source of trade\nThe first ships came in spring, and\n{BODY}.",
            ["Ships as a source of trade"],
        ),
        # Title Case heading wrapped over two lines, standing alone.
        (
            f"{BODY}.\n\nThe Keepers of the Northern Lights and\nTheir Families\n\nThe towers were tall.",
            ["The Keepers of the Northern Lights and", "Their Families"],
        ),
        # A single word between blank lines.
        (f"{BODY}.\n\nConclusion\n\nThe towers remain.", ["Conclusion"]),
        # Markdown heading, and a numbered heading line.
        ("## Towers and keepers\n\nThe towers remain.", ["Towers and keepers"]),
        (
            "3. Keep the light burning through the night, in storms and in fog\n\nThe towers remain.",
            ["3. Keep the light burning through the night, in storms and in fog"],
        ),
    ],
)
def test_headings(text, expected):
    assert headings_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        f"{BODY}.\n\nThe towers were tall and\nthe keepers lived in them.",  # a paragraph's first line
        f"{BODY}.\n\nA keeper counted the flashes of the light from the United\nStates, and wrote them down.",
        f"{BODY}.\n\nThe towers were tall.\n\n{BODY}.",  # a short sentence is not a heading
        f"{BODY}.\n\nIn the north, the towers\nThe towers were tall.",  # a comma: a clause, not a title
        f"{BODY}.\n\n“We keep the light,” she said\n\n{BODY}.",  # a quotation
        f"{BODY} and\n\n{BODY}.",  # not after a blank line
    ],
)
def test_not_headings(text):
    assert headings_of(text) == []


def test_markdown_marks_are_removed():
    assert texts(find_headings(make_draft("# The Towers #\n\nText.")))[0] == "The Towers"
