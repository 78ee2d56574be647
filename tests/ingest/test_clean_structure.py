"""Emphasis marks, list items and block quotations, per reader (tables of lines of our own)."""
from __future__ import annotations

import pytest

from quizgen.ingest.clean import clean
from quizgen.ingest.readers.markdown import MarkdownReader
from quizgen.ingest.readers.text import TextReader
from quizgen.ingest.clean.markdown import emphasis_to_marks
from quizgen.ingest.clean.lines import without_markers
from quizgen.ingest.segment import take_marks


def markdown(text: str):
    return clean(MarkdownReader().read("sample.md", text.encode(), None))


def plain(text: str):
    return clean(TextReader().read("sample.txt", text.encode(), None))


def marked(document) -> list[tuple[str, str]]:
    return [(s.text[m.start:m.end], m.kind) for s in document.sentences for m in s.marks]


@pytest.mark.parametrize("text, marks, sentence", [
    ("The **council** met.", [("council", "strong")], "The council met."),
    ("The __council__ met.", [("council", "strong")], "The council met."),
    ("The *council* met.", [("council", "em")], "The council met."),
    ("The _council_ met.", [("council", "em")], "The council met."),
    ("A ***bold italic*** word.", [("bold italic", "strong"), ("bold italic", "em")], "A bold italic word."),
    ("**Tariffs** are taxes on imports.", [("Tariffs", "strong")], "Tariffs are taxes on imports."),
    ("The snake_case_name stays.", [], "The snake_case_name stays."),
    ("Two *3* 4 and 2*3*4 stay.", [("3", "em")], "Two 3 4 and 2*3*4 stay."),
    ("A `code *span*` stays.", [], "A `code *span*` stays."),
    ("A literal \\*star\\* stays.", [], "A literal \\*star\\* stays."),
])
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
    assert [s.text for s in document.sentences] == ["The first ends here.", "Second starts bold.", "Third too."]
    assert marked(document) == [("Second", "strong"), ("Third", "em")]


@pytest.mark.parametrize("raw, text, marks", [
    ("plain", "plain", []),
    ("\ue002bold\ue003 rest", "bold rest", [(0, 4, "strong")]),
    ("  \ue004lead\ue005", "lead", [(0, 4, "em")]),
    ("stray\ue003 close", "stray close", []),
    ("\ue002 spaced \ue003x", "spaced x", [(0, 6, "strong")]),
])
def test_take_marks(raw, text, marks):
    got, found = take_marks(raw, {})
    assert got == text
    assert [(m.start, m.end, m.kind) for m in found] == marks


def test_emphasis_to_marks_keeps_line_breaks():
    assert emphasis_to_marks("a **b\nc** d").count("\n") == 1
    assert without_markers(emphasis_to_marks("a **b\nc** d")) == "a b\nc d"


@pytest.mark.parametrize("source, items", [
    ("Intro:\n\n- one\n- two\n", [("one", "-"), ("two", "-")]),
    ("Intro:\n* one\n* two\n", [("one", "*"), ("two", "*")]),
    ("+ one\n+ two\n", [("one", "+"), ("two", "+")]),
    ("1. one\n2. two\n", [("one", "1."), ("two", "2.")]),
    ("1) one\n2) two\n", [("one", "1)"), ("two", "2)")]),
    ("a) one\nb) two\n", [("one", "a)"), ("two", "b)")]),
    ("- one goes\n  on here\n- two\n", [("one goes on here", "-"), ("two", "-")]),
])
def test_markdown_list_items_are_paragraphs_of_their_own(source, items):
    document = markdown(source)
    assert [(p.text, p.list_item) for p in document.paragraphs if p.list_item] == items


def test_a_lone_numbered_line_is_a_heading_not_a_list():
    document = markdown("2. The second part of the book\n\nThe part opens with a long paragraph of text.\n")
    assert document.paragraphs[0].list_item is None
    assert document.paragraphs[0].kind == "heading"


@pytest.mark.parametrize("source, quoted", [
    ("Before.\n\n> Quoted words that\n> go on.\n\nAfter.\n", ["Quoted words that go on."]),
    ("> > Nested quote.\n", ["Nested quote."]),
    ("> Lazy quote\ncontinued.\n", ["Lazy quote continued."]),
])
def test_markdown_block_quotes(source, quoted):
    document = markdown(source)
    assert [p.text for p in document.paragraphs if p.block_quote] == quoted


def test_setext_heading_and_thematic_break():
    document = markdown("The Title\n=========\n\nText of it.\n\n***\n\nSub part\n--------\n\nMore text.\n")
    assert [(p.kind, p.text) for p in document.paragraphs] == [
        ("heading", "The Title"), ("body", "Text of it."), ("heading", "Sub part"), ("body", "More text.")]


@pytest.mark.parametrize("source, items", [
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
])
def test_plain_text_list_items(source, items):
    document = plain(source)
    assert [(p.text, p.list_item) for p in document.paragraphs if p.list_item] == items


def test_plain_text_list_ends_at_an_unindented_capitalised_line():
    document = plain("• one\n• two\nThe list ended here.\n")
    assert document.paragraphs[-1].text == "The list ended here." and document.paragraphs[-1].list_item is None


@pytest.mark.parametrize("source, quoted", [
    ("Flush text here.\n\n    An indented block\n    of two lines.\n\nFlush again.\n", ["An indented block of two lines."]),
    ("Flush text here.\n\n  Two spaces only.\n\nFlush again.\n", []),
    ("    Every paragraph\nhas a first-line indent.\n\n    And so\ndoes this one.\n", []),
])
def test_plain_text_indented_block_is_a_quotation(source, quoted):
    document = plain(source)
    assert [p.text for p in document.paragraphs if p.block_quote] == quoted
