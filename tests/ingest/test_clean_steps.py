"""The cleaning pipeline as a whole: steps per layout, and robustness on any text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.ingest.clean import clean
from quizgen.ingest.clean.steps import STEPS, steps_for

from .conftest import raw_text


def test_every_layout_has_steps_and_pdf_text_gets_the_page_repairs():
    assert set(STEPS) == {"pdf", "plain", "markdown", "html"}
    names = [step.__name__ for step in steps_for("pdf")]
    # Footnotes out before reversed pages are looked for; references read in reading order.
    assert (
        names.index("move_footnotes")
        < names.index("restore_reversed")
        < names.index("mark_references")
    )
    assert (
        names.index("mark_references")
        < names.index("join_page_breaks")
        < names.index("find_headings")
    )


def test_markdown_document(cleaned):
    doc = cleaned(
        "# The Towers\n\nThe towers were tall.\n\n## Keepers\n\nKeepers lived there. They\nwrote logs.\n",
        "markdown",
    )
    assert [(p.kind, p.text, p.heading) for p in doc.paragraphs] == [
        ("heading", "The Towers", None),
        ("body", "The towers were tall.", "The Towers"),
        ("heading", "Keepers", None),
        ("body", "Keepers lived there. They wrote logs.", "Keepers"),
    ]
    assert [s.text for s in doc.paragraphs[3].sentences] == [
        "Keepers lived there.",
        "They wrote logs.",
    ]


def test_web_article(cleaned):
    text = (
        "ANN LEE: Towers of the north\n\nBY | 03-07-2019\n(Coast Weekly)\n\nThe towers were tall.\n\n"
        "Safety at sea\nShips came home safely , thanks to the lights.\u00a0\u00a0\n\n"
        "Ann Lee is a writer on maritime history."
    )
    doc = cleaned(text, "plain")
    assert doc.metadata["author"] == "Ann Lee" and doc.metadata["date"] == "2019-03-07"
    assert [(p.kind, p.text) for p in doc.paragraphs] == [
        ("body", "The towers were tall."),
        ("heading", "Safety at sea"),
        ("body", "Ships came home safely, thanks to the lights."),
    ]


LINE = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80),
    st.sampled_from(
        [
            "",
            " ",
            "1 Ibid.",
            "2 “A Title,” Press, 2001, http://x.org/",
            "Heading Here",
            "the end of a line,",
            "A sentence.3",
            " and then 4more text",
            "“Quoted text",
            "# Title",
            "BY | 13-45-2020",
            "(Paper)",
            "x.”5",
            "2021.1",
            "\u00a0\u00a0",
        ]
    ),
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(LINE, max_size=40), layout=st.sampled_from(sorted(STEPS)))
def test_any_text_cleans_without_error(lines, layout):
    text = "\n".join(lines)
    doc = clean(raw_text(text, layout))
    total = text.count("\n") + 1
    for paragraph in doc.paragraphs:
        assert 1 <= paragraph.line <= total
        for sentence in paragraph.sentences:
            assert sentence.text and 1 <= sentence.line <= total and sentence.offset >= 0
