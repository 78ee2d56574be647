import pytest

from quizgen.ingest.clean import note_marker
from quizgen.ingest.clean.segment import build_paragraphs, reflow, split_sentences
from quizgen.ingest.source import Line
from quizgen.models import FlaggedRegion

from .conftest import make_draft


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The keeper came on Sept. 22 and left. He was tired.",
            ["The keeper came on Sept. 22 and left.", "He was tired."],
        ),
        (
            "Ships from the U.S. Navy came. They stayed.",
            ["Ships from the U.S. Navy came.", "They stayed."],
        ),
        ("See No.1 of the series. It is short.", ["See No.1 of the series.", "It is short."]),
        (
            "Towers, lamps, etc.; they all count. Then more.",
            ["Towers, lamps, etc.; they all count.", "Then more."],
        ),
        ("As J. Smith wrote, it was so. Yes.", ["As J. Smith wrote, it was so.", "Yes."]),
        ("Mary K. Jones agreed. So did others.", ["Mary K. Jones agreed.", "So did others."]),
        (
            "She said, “The light is on.” Then she left.",
            ["She said, “The light is on.”", "Then she left."],
        ),
        ("Was it lit? “Yes,” he said.", ["Was it lit?", "“Yes,” he said."]),
        (
            "2. Keep the light burning. The keepers did.",
            ["2. Keep the light burning.", "The keepers did."],
        ),
        (
            "It grew by 4.1 percent in 2019. Then it fell.",
            ["It grew by 4.1 percent in 2019.", "Then it fell."],
        ),
        (
            f"The tower fell.{note_marker(3)} It was rebuilt.",
            [f"The tower fell.{note_marker(3)}", "It was rebuilt."],
        ),
        (
            f"He said “we stay.”{note_marker(4)} They stayed.",
            [f"He said “we stay.”{note_marker(4)}", "They stayed."],
        ),
    ],
)
def test_split_sentences(text, expected):
    assert sentences(text) == expected


def test_reflow_keeps_compound_hyphens_at_line_ends():
    text, pieces = reflow(
        [Line(1, "a hard-to-"), Line(2, "reach harbour on the Anglo-"), Line(3, "Saxon coast")]
    )
    assert text == "a hard-to-reach harbour on the Anglo-Saxon coast"
    assert [p.start for p in pieces] == [0, 10, 37]


PAGE = """ The towers of the coast were built in a hard-to-

reach place for safety.1 Keepers lived in them with
their families.2 The log of
each tower was kept for many years.

1 “Towers,” Coast Press, 2001.
2 Ibid.

Conclusion

The towers remain.
"""


def test_sentences_know_their_lines_offsets_and_footnotes(cleaned):
    doc = cleaned(PAGE)
    body = [p for p in doc.paragraphs if p.kind == "body"]
    first = body[0].sentences
    assert [s.text for s in first] == [
        "The towers of the coast were built in a hard-to-reach place for safety.",
        "Keepers lived in them with their families.",
        "The log of each tower was kept for many years.",
    ]
    assert [(s.line, s.end_line, s.footnotes) for s in first] == [
        (1, 3, (1,)),
        (3, 4, (2,)),
        (4, 5, ()),
    ]
    original = PAGE.split("\n")
    for s in doc.sentences:
        line_start = sum(len(t) + 1 for t in original[: s.line - 1])
        assert PAGE[s.offset :].startswith(s.text.split()[0]), s
        assert line_start <= s.offset < line_start + len(original[s.line - 1])
    assert [f.number for f in doc.footnotes] == [1, 2]
    headings = [p for p in doc.paragraphs if p.kind == "heading"]
    assert [h.text for h in headings] == ["Conclusion"]
    assert body[-1].heading == "Conclusion" and body[0].heading is None


def test_unrestored_regions_make_sentences_unreliable():
    draft = make_draft("The first tower.\n\nThe second tower.\n")
    draft.regions.append(FlaggedRegion(3, 3, "lines may be out of order", restored=False))
    first, second = build_paragraphs(draft)
    assert not first.unreliable and not first.sentences[0].unreliable
    assert second.unreliable and second.sentences[0].unreliable


def test_offset_of_a_sentence_that_repeats_an_earlier_phrase(cleaned):
    text = "The tower. The tower. The tower stood.\n"
    doc = cleaned(text, "plain")
    assert [text[s.offset : s.offset + len(s.text)] for s in doc.sentences] == [
        "The tower.",
        "The tower.",
        "The tower stood.",
    ]


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("word " * 300 + "and, then " + "more " * 400, 5),  # the second piece ends at the comma
        ("x" * 2500, 3),  # no space at all: cut at the bound
        ("A short one. Another here.", 2),
    ],
)
def test_text_without_sentence_punctuation_is_cut_into_bounded_pieces(text, pieces):
    from quizgen.ingest.clean.segment import MAX_SENTENCE_CHARS, split_sentences

    spans = split_sentences(text.strip())
    assert len(spans) == pieces
    assert all(end - start <= MAX_SENTENCE_CHARS for start, end in spans)
    assert "".join(text.strip()[a:b] for a, b in spans).replace(" ", "") == text.strip().replace(
        " ", ""
    )
