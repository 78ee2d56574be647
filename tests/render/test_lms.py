"""What the LMS exports share (quizgen/render/lms.py): cloze parsing, identifiers, answers,
escaping, and which questions a format can take at all."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from quizgen.bank import Bank, DocumentInfo
from quizgen.models import Blank as BlankPart
from quizgen.models import Question, Source
from quizgen.render.lms import (
    Blank,
    accepted_answers,
    accepted_variants,
    answer_variants,
    category_path,
    citation,
    cloze_parts,
    cloze_shown,
    feedback,
    moodle_cloze_escape,
    moodle_shortanswer_escape,
    ordering_as_matching,
    title_of,
    titled_bank,
    usable,
    xml_id,
)


def question(qtype: str, **fields) -> Question:
    base = dict(
        id="q-1",
        type=qtype,
        prompt="What is it?",
        answer="it",
        explanation="It is it.",
        sources=(Source(document="d.md", line=3, sentence="It is it."),),
        kind="definition",
    )
    return Question(**{**base, **fields})


@pytest.mark.parametrize(
    "cloze, parts",
    [
        (("No blanks here.",), ["No blanks here."]),
        (("A ", BlankPart("cat"), " sat."), ["A ", Blank(1, "cat"), " sat."]),
        (
            (BlankPart("First"), " and ", BlankPart("second", "a hint")),
            [Blank(1, "First"), " and ", Blank(2, "second", "a hint")],
        ),
        (("Not markup: {{x}} {{c1::y}}.",), ["Not markup: {{x}} {{c1::y}}."]),
    ],
)
def test_cloze_parts_are_numbered_in_reading_order(cloze, parts):
    assert cloze_parts(question("cloze", cloze=cloze)) == parts


def test_cloze_shown():
    shown = question(
        "cloze", cloze=("A ", BlankPart("cat"), " and a ", BlankPart("dog", "animal"), ".")
    )
    assert cloze_shown(shown) == "A _____ and a _____."


@pytest.mark.parametrize(
    "qid, identifier",
    [
        ("mc-3fa9c0d1e2b4", "mc-3fa9c0d1e2b4"),
        ("1abc", "q_1abc"),
        ("-x", "q_-x"),
        ("a b/c:d", "a_b_c_d"),
        ("_ok.1", "_ok.1"),
    ],
)
def test_xml_id_is_an_ncname(qid, identifier):
    assert xml_id(qid) == identifier


@pytest.mark.parametrize(
    "answer, accepted, expected",
    [
        ("the council", (), ["the council"]),
        ("the council", ("council", "The Council", " the  council "), ["the council", "council"]),
        ("x", ("", "y"), ["x", "y"]),
    ],
)
def test_accepted_answers_once_each(answer, accepted, expected):
    assert accepted_answers(question("short_answer", answer=answer, accepted=accepted)) == expected


@pytest.mark.parametrize(
    "q, ok",
    [
        (question("basic"), True),
        (question("basic", prompt="  "), False),
        (question("short_answer", answer=""), False),
        (question("cloze", cloze=("No blank.",)), False),
        (question("cloze", cloze=("A ", BlankPart("cat"), ".")), True),
        (question("cloze", cloze=("A ", BlankPart(" "), ".")), False),
        (question("multiple_choice", choices=("it", "that")), True),
        (question("multiple_choice", choices=("this", "that")), False),
        (question("multiple_choice", choices=("it", "it")), False),
        (question("true_false", answer="True"), True),
        (question("true_false", answer="yes"), False),
        (question("matching", pairs=(("a", "1"), ("b", "2"))), True),
        (question("matching", pairs=(("a", "1"),)), False),
        (question("matching", pairs=(("a", "1"), ("a", "2"))), False),
        (question("ordering", sequence=("a", "b")), True),
        (question("ordering", sequence=("a", "a")), False),
        (question("essay"), False),
    ],
)
def test_usable(q, ok):
    assert usable(q) is ok


@pytest.mark.parametrize(
    "raw, escaped",
    [
        ("a}b", r"a\}b"),
        ("1#2", r"1\#2"),
        ("x~y", r"x\~y"),
        ("a/b", r"a\/b"),
        ('"q"', r"\"q\""),
        ("back\\slash", r"back\\slash"),
        ("wild*card", r"wild\*card"),
        ("{open", "{open"),
    ],
)
def test_moodle_cloze_escape(raw, escaped):
    assert moodle_cloze_escape(raw) == escaped


def test_moodle_shortanswer_escape_only_the_wildcard():
    assert moodle_shortanswer_escape("a*b {c} #d") == r"a\*b {c} #d"


def test_citation_names_title_author_date_then_line_and_footnote():
    source = Source(
        document="d.md",
        line=7,
        sentence="s",
        title="T",
        author="A",
        date="2020",
        footnote="3 Ibid.",
    )
    assert (
        citation(question("basic", sources=(source,)))
        == "Source: T (A, 2020), d.md line 7, note 3 Ibid."
    )
    assert citation(question("basic", sources=())) == ""


def test_feedback_is_the_source_sentence_then_the_citation():
    source = Source(
        document="000_c1ec01a15002abb6.txt", line=7, sentence="It  is\nit.", title="The Title"
    )
    assert feedback(question("basic", sources=(source,))) == (
        "It is it. — Source: The Title, 000_c1ec01a15002abb6.txt line 7"
    )


@pytest.mark.parametrize(
    "answer, variants",
    [
        ("the environment", ["the environment", "environment"]),
        ("An apple a day", ["An apple a day", "apple a day"]),
        ("The U.S.", ["The U.S.", "U.S.", "The US", "US"]),
        (
            "peace, development and cooperation",
            ["peace, development and cooperation", "peace development and cooperation"],
        ),
        ("globalization of commodities", ["globalization of commodities"]),
        ("A", ["A"]),
        ("the", ["the"]),
        ("50%", ["50%"]),
    ],
)
def test_answer_variants(answer, variants):
    assert answer_variants(answer) == variants


def test_accepted_variants_keep_the_bank_alternatives_first():
    q = question("short_answer", answer="the council", accepted=("the town council",))
    assert accepted_variants(q) == ["the council", "the town council", "council", "town council"]


def test_titles_come_from_the_bank_documents_and_make_the_category():
    untitled = Source(document="000_c1ec01a15002abb6.txt", line=3, sentence="s")
    bank = Bank(
        title="b",
        questions=(question("basic", sources=(untitled,)),),
        documents=(
            DocumentInfo(
                name="000_c1ec01a15002abb6.txt",
                path="p",
                checksum="0",
                title="Building a New Model",
            ),
        ),
    )
    titled = titled_bank(bank).questions[0]
    assert title_of(titled) == "Building a New Model"
    assert category_path("$course$/quizgen/", titled) == "$course$/quizgen/Building a New Model"
    assert (
        category_path("$course$", replace(titled, sources=(replace(untitled, title="A/B"),)))
        == "$course$/A//B"
    )
    assert title_of(question("basic", sources=(untitled,))) == "000 c1ec01a15002abb6"


def test_ordering_as_matching_of_positions():
    q = question("ordering", sequence=("first", "second", "third"))
    matching = ordering_as_matching(q, random.Random(1))
    assert matching.type == "matching" and usable(matching)
    assert dict(matching.pairs) == {"first": "1", "second": "2", "third": "3"}
    assert [a for a, _ in matching.pairs] != ["first", "second", "third"]


def test_feedback_gives_every_source_sentence_once():
    one = Source(document="d.md", line=3, sentence="First said.", title="T")
    two = Source(document="d.md", line=9, sentence="Second said.", title="T")
    text = feedback(question("matching", sources=(one, two, one)))
    assert text.startswith("First said. Second said. — Source: T, d.md line 3; T, d.md line 9")
