"""Moodle XML: the elements Moodle's importer needs for each qtype, checked with lxml, and
every question read back (HTML decoded, embedded answers parsed) into what the bank asks.

Golden file: tests/golden/moodle/bank-small/moodle.xml; regenerate with
    .venv/bin/python -m pytest tests/render/test_moodle.py -k golden --update-goldens
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from quizgen.errors import RenderError
from quizgen.render import RENDERERS, RenderOptions
from quizgen.render.lms import accepted_variants, blanks_of, cloze_shown, typed_answers
from quizgen.render.moodle import MoodleRenderer

QTYPES = {
    "multiple_choice": "multichoice",
    "true_false": "truefalse",
    "short_answer": "shortanswer",
    "matching": "matching",
    "cloze": "cloze",
    "ordering": "matching",
}  # ordering: see test_ordering_*
COMMON = (
    "name/text",
    "questiontext/text",
    "generalfeedback/text",
    "defaultgrade",
    "penalty",
    "hidden",
    "idnumber",
)
REQUIRED = {
    "multichoice": (
        "single",
        "shuffleanswers",
        "answernumbering",
        "answer/text",
        "answer/feedback",
    ),
    "truefalse": ("answer/text",),
    "shortanswer": ("usecase", "answer/text"),
    "matching": ("shuffleanswers", "subquestion/text", "subquestion/answer/text"),
    "cloze": (),
}
ORDERING_REQUIRED = (
    "layouttype",
    "selecttype",
    "selectcount",
    "gradingtype",
    "showgrading",
    "numberingstyle",
    "answer/text",
)
EMBEDDED = re.compile(r"\{1:SHORTANSWER:=((?:\\.|[^\\}])*)\}")
ANSWER_SPLIT = re.compile(r"(?<!\\)~=")  # "~" starts the next answer unless escaped


def export(
    bank, tmp_path: Path, report: list | None = None, **extra
) -> tuple[etree._Element, dict[str, int]]:
    out = tmp_path / "quiz.xml"
    made = MoodleRenderer().write(bank, out, RenderOptions(extra=extra))
    assert made.written == (out,)
    if report is not None:
        report.append(made)
    return etree.parse(str(out)).getroot(), made.skipped


def unescape_embedded(text: str) -> str:
    return html.unescape(re.sub(r"\\(.)", r"\1", text))


def read_question(element: etree._Element, positions: bool = False) -> dict:
    """What Moodle makes of one question; `positions`: a matching of items to positions (shuffled)."""
    qtype = element.get("type")
    text = element.findtext("questiontext/text")
    read: dict = {"qtype": qtype, "id": element.findtext("idnumber")}
    answers = element.findall("answer")
    if qtype == "cloze":
        read["text"] = html.unescape(EMBEDDED.sub("_____", text))
        read["blanks"] = [
            [unescape_embedded(a) for a in ANSWER_SPLIT.split(m.group(1))]
            for m in EMBEDDED.finditer(text)
        ]
        return read
    read["text"] = html.unescape(text)
    if qtype == "multichoice":
        read["choices"] = [html.unescape(a.findtext("text")) for a in answers]
        read["answer"] = [
            html.unescape(a.findtext("text")) for a in answers if a.get("fraction") == "100"
        ]
    elif qtype == "truefalse":
        read["answer"] = [a.findtext("text").title() for a in answers if a.get("fraction") == "100"]
    elif qtype == "shortanswer":
        read["accepted"] = [
            a.findtext("text").replace(r"\*", "*") for a in answers if a.get("fraction") == "100"
        ]
    elif qtype == "matching":
        read["pairs"] = [
            (html.unescape(s.findtext("text")), s.findtext("answer/text"))
            for s in element.findall("subquestion")
        ]
        if positions:
            read["positions"] = dict(read.pop("pairs"))
    elif qtype == "ordering":
        ranked = sorted(answers, key=lambda a: float(a.get("fraction")))
        read["sequence"] = [html.unescape(a.findtext("text")) for a in ranked]
    return read


def expected(question) -> dict:
    one_line = " ".join
    want: dict = {"qtype": QTYPES[question.type], "id": question.id, "text": question.prompt}
    if question.type == "multiple_choice":
        want.update(choices=list(question.choices), answer=[question.answer])
    elif question.type == "true_false":
        want["answer"] = [question.answer]
    elif question.type == "short_answer":
        want["accepted"] = accepted_variants(question)
    elif question.type == "matching":
        want["pairs"] = [(left, one_line(right.split())) for left, right in question.pairs]
    elif question.type == "ordering":
        want["text"] = f"{question.prompt} Give each its position (1 = first)."
        want["positions"] = {item: str(n) for n, item in enumerate(question.sequence, 1)}
    else:
        want.update(
            text=cloze_shown(question.prompt),
            blanks=[typed_answers([b.answer]) for b in blanks_of(question.prompt)],
        )
    return want


def questions_by_category(quiz: etree._Element) -> dict[str, list[etree._Element]]:
    grouped: dict[str, list[etree._Element]] = {}
    current = None
    for element in quiz.iterfind("question"):
        if element.get("type") == "category":
            current = element.findtext("category/text")
            assert current not in grouped, "a category appears twice"
            grouped[current] = []
        else:
            assert current is not None, "a question before any category"
            grouped[current].append(element)
    return grouped


def test_registered_as_xml():
    renderer = RENDERERS.get("moodle")
    assert renderer.suffix == ".xml" and set(renderer.types) == set(QTYPES)


def test_one_category_per_document_named_by_its_title(any_bank, tmp_path):
    quiz, skipped = export(any_bank, tmp_path)
    grouped = questions_by_category(quiz)
    kept = [q for q in any_bank.questions if q.type in QTYPES]
    titles = {d.name: d.title for d in any_bank.documents}
    assert all(titles.get(q.sources[0].document) for q in kept), (
        "every document of the bank has a title"
    )
    assert list(grouped) == sorted(
        {f"$course$/quizgen/{titles[q.sources[0].document]}" for q in kept}
    )
    for category, elements in grouped.items():
        ids = [e.findtext("idnumber") for e in elements]
        assert ids == [q.id for q in kept if category.endswith("/" + titles[q.sources[0].document])]
        assert not re.search(r"/\d{3}_[0-9a-f]{16}\.txt$", category), (
            "a hash-named file is no category"
        )
    assert sum(skipped.values()) == len(any_bank.questions) - len(kept)


def test_every_question_has_what_its_qtype_needs(any_bank, tmp_path):
    quiz, _ = export(any_bank, tmp_path)
    for element in quiz.iterfind("question"):
        qtype = element.get("type")
        if qtype == "category":
            continue
        missing = [path for path in COMMON + REQUIRED[qtype] if element.find(path) is None]
        assert missing == [], (element.findtext("idnumber"), missing)
        assert element.find("questiontext").get("format") == "html"
        if qtype in ("multichoice", "truefalse"):
            assert [a.get("fraction") for a in element.findall("answer")].count("100") == 1
        if qtype == "truefalse":
            assert sorted(a.findtext("text") for a in element.findall("answer")) == [
                "false",
                "true",
            ]
        if qtype == "cloze":
            assert EMBEDDED.search(element.findtext("questiontext/text"))
        assert element.find("generalfeedback/text").text, element.findtext("idnumber")


def test_questions_read_back_as_the_bank_asks(any_bank, tmp_path):
    quiz, _ = export(any_bank, tmp_path)
    by_id = {q.id: q for q in any_bank.questions}
    elements = [e for e in quiz.iterfind("question") if e.get("type") != "category"]
    assert elements
    for element in elements:
        question = by_id[element.findtext("idnumber")]
        assert read_question(element, question.type == "ordering") == expected(question), (
            question.id
        )
        shown = html.unescape(element.findtext("generalfeedback/text"))
        source = question.sources[0]
        assert " ".join(source.sentence.split()) in shown and source.title in shown, question.id
        assert source.document in shown  # the file and line, as a detail after the title


def test_ordering_is_a_matching_of_positions_and_the_report_says_so(small_bank, tmp_path):
    made: list = []
    quiz, _ = export(small_bank, tmp_path, report=made)
    ordering = [q for q in small_bank.questions if q.type == "ordering"]
    assert ordering and not quiz.findall("question[@type='ordering']")
    assert made[0].notes == (
        "ordering questions written as matchings of items to positions "
        "(Moodle XML without the qtype_ordering plugin has no ordering type)",
    )
    for question in ordering:
        element = quiz.find(f"question[idnumber='{question.id}']")
        assert element.get("type") == "matching"
        shown = [html.unescape(s.findtext("text")) for s in element.findall("subquestion")]
        assert sorted(shown) == sorted(question.sequence) and shown != list(question.sequence)


def test_ordering_plugin_option(small_bank, tmp_path):
    made: list = []
    quiz, _ = export(small_bank, tmp_path, report=made, ordering_plugin=True)
    assert made[0].notes == ()
    elements = quiz.findall("question[@type='ordering']")
    assert elements
    for element in elements:
        missing = [path for path in COMMON + ORDERING_REQUIRED if element.find(path) is None]
        assert missing == []
        ranked = sorted(element.findall("answer"), key=lambda a: float(a.get("fraction")))
        question = next(q for q in small_bank.questions if q.id == element.findtext("idnumber"))
        assert [html.unescape(a.findtext("text")) for a in ranked] == list(question.sequence)


@pytest.mark.parametrize(
    "answer, accepted, typed",
    [
        ("the environment", (), ["the environment", "environment"]),
        (
            "the United States",
            ("the U.S.",),
            ["the United States", "the U.S.", "United States", "U.S.", "the US", "US"],
        ),
        (
            "peace, development and cooperation",
            (),
            ["peace, development and cooperation", "peace development and cooperation"],
        ),
    ],
)
def test_typed_answer_variants_in_the_answers_list(small_bank, tmp_path, answer, accepted, typed):
    short = replace(
        next(q for q in small_bank.questions if q.type == "short_answer"),
        answer=answer,
        accepted=accepted,
    )
    cloze = replace(
        next(q for q in small_bank.questions if q.type == "cloze"),
        prompt=f"We speak of {{{{c1::{answer}}}}} here.",
        answer=answer,
        blanks=(answer,),
    )
    quiz, _ = export(replace(small_bank, questions=(short, cloze)), tmp_path)
    read = read_question(quiz.find(f"question[idnumber='{short.id}']"))
    assert read["accepted"] == typed
    assert quiz.find(f"question[idnumber='{short.id}']/usecase").text == "0"  # case ignored
    if not accepted:
        assert read_question(quiz.find(f"question[idnumber='{cloze.id}']"))["blanks"] == [typed]


def test_hostile_text_stays_text(hostile_bank, tmp_path):
    quiz, skipped = export(hostile_bank, tmp_path)
    assert skipped == {"basic": 1, "list_recall": 1}
    by_id = {q.id: q for q in hostile_bank.questions}
    for element in quiz.iterfind("question[@type!='category']"):
        question = by_id[element.findtext("idnumber")]
        assert read_question(element, question.type == "ordering") == expected(question), (
            question.id
        )
        for field in element.iterfind(".//text"):
            # HTML fields: no tag survives Moodle's one HTML decoding as markup
            assert "<script" not in (field.text or "") and "<b>" not in (field.text or "")
    cloze = quiz.find("question[idnumber='h-cloze']/questiontext/text").text
    # The hostile "{1:SHORTANSWER:=y}" in the text is not an embedded answer: two blanks only.
    assert len(EMBEDDED.findall(cloze)) == 2


@pytest.mark.parametrize(
    "category, written",
    [
        ("$course$/History/Unit 3", "$course$/History/Unit 3/The Three Pillars of Town Government"),
        ("$system$/", "$system$/The Three Pillars of Town Government"),
    ],
)
def test_category_option(small_bank, tmp_path, category, written):
    quiz, _ = export(small_bank, tmp_path, category=category)
    assert quiz.findtext("question[@type='category']/category/text") == written


def test_category_without_context_is_refused(small_bank, tmp_path):
    with pytest.raises(RenderError, match=r"quiz\.xml: invalid moodle options: 'category'"):
        export(small_bank, tmp_path, category="History")


def test_matches_golden(small_bank, tmp_path, golden):
    MoodleRenderer().write(small_bank, tmp_path / "moodle.xml", RenderOptions())
    golden("moodle", "bank-small", {"moodle.xml": (tmp_path / "moodle.xml").read_text("utf-8")})
