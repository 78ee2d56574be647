"""Moodle XML: the elements Moodle's importer needs for each qtype, checked with lxml, and
every question read back (HTML decoded, embedded answers parsed) into what the bank asks.

Golden file: tests/render/golden/moodle/bank-small/moodle.xml; regenerate with
    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/render/test_moodle.py -k golden
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from lxml import etree

from quizgen.errors import RenderError
from quizgen.render import RENDERERS, RenderOptions
from quizgen.render.lms import accepted_answers, blanks_of, cloze_shown
from quizgen.render.moodle import MoodleRenderer

QTYPES = {"multiple_choice": "multichoice", "true_false": "truefalse", "short_answer": "shortanswer",
          "matching": "matching", "cloze": "cloze", "ordering": "ordering"}
COMMON = ("name/text", "questiontext/text", "generalfeedback/text", "defaultgrade", "penalty", "hidden", "idnumber")
REQUIRED = {
    "multichoice": ("single", "shuffleanswers", "answernumbering", "answer/text", "answer/feedback"),
    "truefalse": ("answer/text",),
    "shortanswer": ("usecase", "answer/text"),
    "matching": ("shuffleanswers", "subquestion/text", "subquestion/answer/text"),
    "cloze": (),
    "ordering": ("layouttype", "selecttype", "selectcount", "gradingtype", "showgrading", "numberingstyle",
                 "answer/text"),
}
EMBEDDED = re.compile(r"\{1:SHORTANSWER:=((?:\\.|[^\\}])*)\}")


def export(bank, tmp_path: Path, **extra) -> tuple[etree._Element, dict[str, int]]:
    out = tmp_path / "quiz.xml"
    report = MoodleRenderer().write(bank, out, RenderOptions(extra=extra))
    assert report.written == (out,)
    return etree.parse(str(out)).getroot(), report.skipped


def unescape_embedded(text: str) -> str:
    return html.unescape(re.sub(r"\\(.)", r"\1", text))


def read_question(element: etree._Element) -> dict:
    qtype = element.get("type")
    text = element.findtext("questiontext/text")
    read: dict = {"qtype": qtype, "id": element.findtext("idnumber")}
    answers = element.findall("answer")
    if qtype == "cloze":
        read["text"] = html.unescape(EMBEDDED.sub("_____", text))
        read["blanks"] = [unescape_embedded(m.group(1)) for m in EMBEDDED.finditer(text)]
        return read
    read["text"] = html.unescape(text)
    if qtype == "multichoice":
        read["choices"] = [html.unescape(a.findtext("text")) for a in answers]
        read["answer"] = [html.unescape(a.findtext("text")) for a in answers if a.get("fraction") == "100"]
    elif qtype == "truefalse":
        read["answer"] = [a.findtext("text").title() for a in answers if a.get("fraction") == "100"]
    elif qtype == "shortanswer":
        read["accepted"] = [a.findtext("text").replace(r"\*", "*") for a in answers if a.get("fraction") == "100"]
    elif qtype == "matching":
        read["pairs"] = [(html.unescape(s.findtext("text")), s.findtext("answer/text"))
                         for s in element.findall("subquestion")]
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
        want["accepted"] = accepted_answers(question)
    elif question.type == "matching":
        want["pairs"] = [(left, one_line(right.split())) for left, right in question.pairs]
    elif question.type == "ordering":
        want["sequence"] = list(question.sequence)
    else:
        want.update(text=cloze_shown(question.prompt), blanks=[b.answer for b in blanks_of(question.prompt)])
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


def test_one_category_per_document(any_bank, tmp_path):
    quiz, skipped = export(any_bank, tmp_path)
    grouped = questions_by_category(quiz)
    kept = [q for q in any_bank.questions if q.type in QTYPES]
    documents = sorted({q.sources[0].document for q in kept})
    assert list(grouped) == [f"$course$/quizgen/{d}" for d in documents]
    for category, elements in grouped.items():
        ids = [e.findtext("idnumber") for e in elements]
        assert ids == [q.id for q in kept if category.endswith("/" + q.sources[0].document)]
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
            assert sorted(a.findtext("text") for a in element.findall("answer")) == ["false", "true"]
        if qtype == "cloze":
            assert EMBEDDED.search(element.findtext("questiontext/text"))
        if qtype == "ordering":
            fractions = [float(a.get("fraction")) for a in element.findall("answer")]
            assert fractions == list(range(1, len(fractions) + 1))


def test_questions_read_back_as_the_bank_asks(any_bank, tmp_path):
    quiz, _ = export(any_bank, tmp_path)
    by_id = {q.id: q for q in any_bank.questions}
    elements = [e for e in quiz.iterfind("question") if e.get("type") != "category"]
    assert elements
    for element in elements:
        question = by_id[element.findtext("idnumber")]
        assert read_question(element) == expected(question), question.id
        assert question.sources[0].document in element.findtext("generalfeedback/text")


def test_hostile_text_stays_text(hostile_bank, tmp_path):
    quiz, skipped = export(hostile_bank, tmp_path)
    assert skipped == {"basic": 1, "list_recall": 1}
    by_id = {q.id: q for q in hostile_bank.questions}
    for element in quiz.iterfind("question[@type!='category']"):
        question = by_id[element.findtext("idnumber")]
        assert read_question(element) == expected(question), question.id
        for field in element.iterfind(".//text"):
            # HTML fields: no tag survives Moodle's one HTML decoding as markup
            assert "<script" not in (field.text or "") and "<b>" not in (field.text or "")
    cloze = quiz.find("question[idnumber='h-cloze']/questiontext/text").text
    # The hostile "{1:SHORTANSWER:=y}" in the text is not an embedded answer: two blanks only.
    assert len(EMBEDDED.findall(cloze)) == 2


@pytest.mark.parametrize("category, written", [
    ("$course$/History/Unit 3", "$course$/History/Unit 3/sample.md"),
    ("$system$/", "$system$/sample.md"),
])
def test_category_option(small_bank, tmp_path, category, written):
    quiz, _ = export(small_bank, tmp_path, category=category)
    assert quiz.findtext("question[@type='category']/category/text") == written


def test_category_without_context_is_refused(small_bank, tmp_path):
    with pytest.raises(RenderError, match=r"quiz\.xml: invalid moodle options: 'category'"):
        export(small_bank, tmp_path, category="History")


def test_matches_golden(small_bank, tmp_path, golden):
    MoodleRenderer().write(small_bank, tmp_path / "moodle.xml", RenderOptions())
    golden("moodle", "bank-small", {"moodle.xml": (tmp_path / "moodle.xml").read_text("utf-8")})
