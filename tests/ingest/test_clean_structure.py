"""Emphasis marks, list items and block quotations, per reader (tables of lines of our own)."""

from __future__ import annotations

import pytest

from quizgen.ingest.clean import clean
from quizgen.ingest.clean.lines import without_markers
from quizgen.ingest.clean.markdown import emphasis_to_marks
from quizgen.ingest.clean.segment import take_marks
from quizgen.ingest.readers.markdown import MarkdownReader
from quizgen.ingest.readers.text import TextReader


def markdown(text: str):
    return clean(MarkdownReader().read("sample.md", text.encode(), None))


def plain(text: str):
    return clean(TextReader().read("sample.txt", text.encode(), None))


def marked(document) -> list[tuple[str, str]]:
    return [(s.text[m.start : m.end], m.kind) for s in document.sentences for m in s.marks]


@pytest.mark.parametrize(
    "text, marks, sentence",
    [
        ("The **council** met.", [("council", "strong")], "The council met."),
        ("The __council__ met.", [("council", "strong")], "The council met."),
        ("The *council* met.", [("council", "em")], "The council met."),
        ("The _council_ met.", [("council", "em")], "The council met."),
        (
            "A ***bold italic*** word.",
            [("bold italic", "strong"), ("bold italic", "em")],
            "A bold italic word.",
        ),
        (
            "**Tariffs** are taxes on imports.",
            [("Tariffs", "strong")],
            "Tariffs are taxes on imports.",
        ),
        ("The snake_case_name stays.", [], "The snake_case_name stays."),
        ("Two *3* 4 and 2*3*4 stay.", [("3", "em")], "Two 3 4 and 2*3*4 stay."),
        ("A `code *span*` stays.", [], "A code *span* stays."),
        ("A literal \\*star\\* stays.", [], "A literal *star* stays."),
    ],
)
def test_markdown_emphasis_leaves_the_text_and_becomes_marks(text, marks, sentence):
    document = markdown(text + "\n")
    assert document.sentences[0].text == sentence
    assert sorted(marked(document)) == sorted(marks)


def test_emphasis_across_a_sentence_end_marks_both_sentences():
    document = markdown("It said **the first thing. And the second** and more.\n")
    assert marked(document) == [("the first thing.", "strong"), ("And the second", "strong")]


def test_emphasis_across_a_line_break_stays_on_the_right_words():
    document = markdown("The treaty named **the three\nguarantors** of the peace.\n")
    assert marked(document) == [("the three guarantors", "strong")]


def test_emphasis_opening_a_sentence_does_not_hide_the_sentence_end():
    document = markdown("The first ends here. **Second** starts bold. *Third* too.\n")
    assert [s.text for s in document.sentences] == [
        "The first ends here.",
        "Second starts bold.",
        "Third too.",
    ]
    assert marked(document) == [("Second", "strong"), ("Third", "em")]


@pytest.mark.parametrize(
    "raw, text, marks",
    [
        ("plain", "plain", []),
        ("\ue002bold\ue003 rest", "bold rest", [(0, 4, "strong")]),
        ("  \ue004lead\ue005", "lead", [(0, 4, "em")]),
        ("stray\ue003 close", "stray close", []),
        ("\ue002 spaced \ue003x", "spaced x", [(0, 6, "strong")]),
    ],
)
def test_take_marks(raw, text, marks):
    got, found = take_marks(raw, {})
    assert got == text
    assert [(m.start, m.end, m.kind) for m in found] == marks


def test_emphasis_to_marks_keeps_line_breaks():
    assert emphasis_to_marks("a **b\nc** d").count("\n") == 1
    assert without_markers(emphasis_to_marks("a **b\nc** d")) == "a b\nc d"


@pytest.mark.parametrize(
    "source, items",
    [
        ("Intro:\n\n- one\n- two\n", [("one", "-"), ("two", "-")]),
        ("Intro:\n* one\n* two\n", [("one", "*"), ("two", "*")]),
        ("+ one\n+ two\n", [("one", "+"), ("two", "+")]),
        ("1. one\n2. two\n", [("one", "1."), ("two", "2.")]),
        ("1) one\n2) two\n", [("one", "1)"), ("two", "2)")]),
        ("a) one\nb) two\n", [("one", "a)"), ("two", "b)")]),
        ("- one goes\n  on here\n- two\n", [("one goes on here", "-"), ("two", "-")]),
    ],
)
def test_markdown_list_items_are_paragraphs_of_their_own(source, items):
    document = markdown(source)
    assert [(p.text, p.list_item) for p in document.paragraphs if p.list_item] == items


def test_a_lone_numbered_line_is_a_heading_not_a_list():
    document = markdown(
        "2. The second part of the book\n\nThe part opens with a long paragraph of text.\n"
    )
    assert document.paragraphs[0].list_item is None
    assert document.paragraphs[0].kind == "heading"


@pytest.mark.parametrize(
    "source, quoted",
    [
        ("Before.\n\n> Quoted words that\n> go on.\n\nAfter.\n", ["Quoted words that go on."]),
        ("> > Nested quote.\n", ["Nested quote."]),
        ("> Lazy quote\ncontinued.\n", ["Lazy quote continued."]),
    ],
)
def test_markdown_block_quotes(source, quoted):
    document = markdown(source)
    assert [p.text for p in document.paragraphs if p.block_quote] == quoted


def test_setext_heading_and_thematic_break():
    document = markdown(
        "The Title\n=========\n\nText of it.\n\n***\n\nSub part\n--------\n\nMore text.\n"
    )
    assert [(p.kind, p.text) for p in document.paragraphs] == [
        ("heading", "The Title"),
        ("body", "Text of it."),
        ("heading", "Sub part"),
        ("body", "More text."),
    ]


@pytest.mark.parametrize(
    "source, items",
    [
        ("Kinds:\n• one\n• two\n", [("one", "•"), ("two", "•")]),
        ("Kinds:\n- one\n- two\n", [("one", "-"), ("two", "-")]),
        ("Kinds:\n1. one\n2. two\n", [("one", "1."), ("two", "2.")]),
        ("Kinds:\n(a) one\n(b) two\n", [("one", "(a)"), ("two", "(b)")]),
        ("Kinds:\n(i) one\n(ii) two\n", [("one", "(i)"), ("two", "(ii)")]),
        ("• a single bullet\n", [("a single bullet", "•")]),
        ("Text.\n- a lone dash line\nMore text.\n", []),
        ("Text.\n3. A line opening with a number.\n", []),
        ("1. one\n3. three\n", []),
        ("• one goes\n  on\n• two\n", [("one goes on", "•"), ("two", "•")]),
        ("• one goes\non lowercase\n• two\n", [("one goes on lowercase", "•"), ("two", "•")]),
        ("• one\n• two\nThe list ended here.\n", [("one", "•"), ("two", "•")]),
    ],
)
def test_plain_text_list_items(source, items):
    document = plain(source)
    assert [(p.text, p.list_item) for p in document.paragraphs if p.list_item] == items


def test_plain_text_list_ends_at_an_unindented_capitalised_line():
    document = plain("• one\n• two\nThe list ended here.\n")
    assert (
        document.paragraphs[-1].text == "The list ended here."
        and document.paragraphs[-1].list_item is None
    )


@pytest.mark.parametrize(
    "source, quoted",
    [
        (
            "Flush text here.\n\n    An indented block\n    of two lines.\n\nFlush again.\n",
            ["An indented block of two lines."],
        ),
        ("Flush text here.\n\n  Two spaces only.\n\nFlush again.\n", []),
        ("    Every paragraph\nhas a first-line indent.\n\n    And so\ndoes this one.\n", []),
    ],
)
def test_plain_text_indented_block_is_a_quotation(source, quoted):
    document = plain(source)
    assert [p.text for p in document.paragraphs if p.block_quote] == quoted


@pytest.mark.parametrize(
    "source, sentence",
    [
        (
            'See [the harbour report](http://example.org/report "Report") for more.',
            "See the harbour report for more.",
        ),
        ("See [the report][1] for more.\n\n[1]: http://example.org", "See the report for more."),
        ("Mail <https://example.org/lights> today.", "Mail https://example.org/lights today."),
        ("Salt &amp; pepper &mdash; and&nbsp;more.", "Salt & pepper — and\u00a0more."),
        ('Water<sup>2</sup> and <span class="x">oil</span>.', "Water2 and oil."),
        ("The <b>keeper</b> and <i>his</i> <dfn>lamp</dfn>.", "The keeper and his lamp."),
    ],
)
def test_markdown_links_entities_and_inline_html(source, sentence):
    assert markdown(source + "\n").sentences[0].text == sentence


def test_markdown_html_emphasis_becomes_marks():
    assert marked(markdown("The <b>keeper</b> and his <dfn>lamp</dfn>.\n")) == [
        ("keeper", "strong"),
        ("lamp", "dfn"),
    ]


def test_markdown_image_and_the_line_under_it_are_a_caption():
    document = markdown(
        "The light was lit in 1850.\n\n![The tower](tower.png)\n\nThe tower in 1900, from the sea\n\n"
        "It burned whale oil.\n"
    )
    assert [(p.kind, p.text, p.unreliable) for p in document.paragraphs] == [
        ("body", "The light was lit in 1850.", False),
        ("body", "It burned whale oil.", False),
        ("aside", "The tower", True),
        ("aside", "The tower in 1900, from the sea", True),
    ]
    assert {r.reason for r in document.regions} == {"caption"}


def test_unwrapped_text_has_a_paragraph_per_line():
    long = "The keepers kept the light burning through every storm of the winter, and wrote each night in the log."
    document = plain(f"{long}\n{long}\n{long} And they\nwent on.\n")
    assert [p.text for p in document.paragraphs] == [long, long, f"{long} And they went on."]


@pytest.mark.parametrize(
    "source",
    [
        "1. Introduction\n\nThe keepers kept the light.\n\n2. The towers\n\nThe towers were tall.\n",
    ],
)
def test_numbered_lines_with_paragraphs_between_are_headings_not_items(source):
    for document in (plain(source), markdown(source)):
        assert [p.list_item for p in document.paragraphs] == [None] * 4
        assert [p.kind for p in document.paragraphs] == ["heading", "body", "heading", "body"]


def test_markdown_items_all_numbered_one():
    document = markdown("1. one\n1. two\n")
    assert [(p.text, p.list_item) for p in document.paragraphs] == [("one", "1."), ("two", "1.")]


PAGE = """<!doctype html><html><head><title>Lights</title></head><body><article>
<h1>The lights of the coast</h1>
<p>The <b>harbour light</b> was lit in 1850 and <em>burned</em> whale oil for twenty years before the change.</p>
<p>A <dfn>lamp room</dfn> is the glazed room at the top of a lighthouse that holds the lamp and its lens.</p>
<ul><li>The first keeper stayed for ten years.</li><li>The second <strong>keeper</strong> stayed for thirty.</li></ul>
<ol><li>Light the lamp.</li><li>Wind the clock.</li></ol>
<blockquote><p>The light must never go out, whatever the weather and whatever the cost to the keeper.</p></blockquote>
<figure><img src="tower.png"><figcaption>The tower in 1900.</figcaption></figure>
<p>The tower was closed in 1971 when an automatic beacon was built on the breakwater.</p>
</article></body></html>"""


def test_html_marks_list_items_quotes_and_figure_captions():
    from quizgen.ingest.readers.html import HtmlReader

    document = clean(HtmlReader().read("lights.html", PAGE.encode(), None))
    assert marked(document) == [
        ("harbour light", "strong"),
        ("burned", "em"),
        ("lamp room", "dfn"),
        ("keeper", "strong"),
    ]
    assert [(p.text, p.list_item) for p in document.paragraphs if p.list_item] == [
        ("The first keeper stayed for ten years.", "•"),
        ("The second keeper stayed for thirty.", "•"),
        ("Light the lamp.", "1."),
        ("Wind the clock.", "2."),
    ]
    assert [p.text for p in document.paragraphs if p.block_quote] == [
        "The light must never go out, whatever the weather and whatever the cost to the keeper."
    ]
    assert [(p.kind, p.text, p.unreliable) for p in document.paragraphs if p.kind == "aside"] == [
        ("aside", "The tower in 1900.", True)
    ]


def test_numbered_paragraphs_with_a_nested_dash_list():
    source = (
        "1. THE BOARD MET ON MONDAY AND DISCUSSED THE FUTURE OF THE NORTH LIGHT AT\nLENGTH WITH THE GOV-\n"
        "ERNMENT. THE GOVERNMENT SAID LITTLE.\n\n2. THE CHAIRMAN NOTED THREE PROBLEMS:\n-- THE LAMP IS OLD;\n"
        "-- THE TOWER NEEDS REPAIR.\n\n3. THE BOARD WILL MEET AGAIN.\n"
    )
    document = plain(source)
    assert [p.list_item for p in document.paragraphs] == ["1.", "2.", "--", "--", "3."]
    assert "WITH THE GOVERNMENT. THE" in document.paragraphs[0].text


def test_a_text_file_written_in_markdown_is_read_as_markdown():
    document = plain(
        "# The lights\n\nThe **harbour light** was lit in 1850.\n\n- See [the log](https://example.org).\n"
        "- See **the map**.\n"
    )
    assert [(p.kind, p.text, p.list_item) for p in document.paragraphs] == [
        ("heading", "The lights", None),
        ("body", "The harbour light was lit in 1850.", None),
        ("body", "See the log.", "-"),
        ("body", "See the map.", "-"),
    ]


def test_a_text_file_with_a_star_or_two_stays_plain():
    document = plain("The light* was lit in 1850.\n\n* Restored in 1990.\n")
    assert document.paragraphs[0].text == "The light* was lit in 1850."


def test_markdown_html_comments_go():
    document = markdown(
        "The light<!-- a note --> was lit.\n\n<!-- a comment\nover lines -->\n\nIt burned oil.\n"
    )
    assert [p.text for p in document.paragraphs] == ["The light was lit.", "It burned oil."]


def test_html_headings_keep_their_levels_and_reference_sections_go():
    from quizgen.ingest.readers.html import HtmlReader

    body = "<p>The keepers kept the light burning through every storm of the long northern winter nights.</p>"
    page = (
        f"<!doctype html><html><body><article><h1>Lights</h1>{body}<h2>References</h2><ul><li>Smith, J. (2004). "
        f"Lights.</li><li>Doe, A. (1999). Towers.</li></ul><h3>Archives</h3><p>Harbour Board papers.</p>"
        f"<h2>Legacy</h2>{body}</article></body></html>"
    )
    document = clean(HtmlReader().read("lights.html", page.encode(), None))
    assert [(p.kind, p.text[:12]) for p in document.paragraphs] == [
        ("heading", "Lights"),
        ("body", "The keepers "),
        ("heading", "Legacy"),
        ("body", "The keepers "),
    ]
