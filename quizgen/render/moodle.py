"""Moodle XML question import file (.xml).

  multiple_choice  multichoice (one answer)      true_false    truefalse
  short_answer     shortanswer (each accepted alternative scores 100%)
  matching         matching                      ordering      ordering (qtype_ordering plugin)
  cloze            cloze: embedded answers {1:SHORTANSWER:=...} in the text
basic and list_recall need a person to judge the answer and are skipped.

Questions are grouped under a `<question type="category">` per source document
(`<category root>/<document>`, root `$course$/quizgen` unless the `category` option
says otherwise). `idnumber` is the question id; the general feedback cites the source.
Question text is HTML in Moodle (escaped here, then by lxml); short answers are plain
text with `*` escaped (a wildcard otherwise); embedded answers escape `}#~/"\\`.

Options: `category` (root category path).
"""
from __future__ import annotations

import re
from itertools import groupby
from pathlib import Path

from lxml import etree
from pydantic import Field, field_validator

from ..bank import Bank
from ..models import Question
from . import RenderOptions, RenderReport
from .lms import (
    xml_safe_bank,
    NoOptions, Skips, accepted_answers, citation, cloze_parts, cloze_shown, document_of, html_text,
    moodle_cloze_escape, moodle_shortanswer_escape, one_line, parse_options, short_title, write_text_output,
    xml_bytes,
)

DEFAULT_CATEGORY = "$course$/quizgen"
QTYPES = {
    "multiple_choice": "multichoice",
    "true_false": "truefalse",
    "short_answer": "shortanswer",
    "matching": "matching",
    "cloze": "cloze",
    "ordering": "ordering",
}


def _text(parent: etree._Element, tag: str, text: str, fmt: str | None = None, **attrs: str) -> etree._Element:
    """<tag format=...><text>text</text></tag>, Moodle's wrapper for every text field."""
    element = etree.SubElement(parent, tag, attrs)
    if fmt:
        element.set("format", fmt)
    etree.SubElement(element, "text").text = text
    return element


def _value(parent: etree._Element, tag: str, text: str) -> None:
    etree.SubElement(parent, tag).text = text


def _question(quiz: etree._Element, question: Question, questiontext_html: str) -> etree._Element:
    """The fields every question type shares, in Moodle's export order."""
    element = etree.SubElement(quiz, "question", type=QTYPES[question.type])
    shown = cloze_shown(question.prompt) if question.type == "cloze" else question.prompt
    _text(element, "name", short_title(shown))
    _text(element, "questiontext", questiontext_html, "html")
    _text(element, "generalfeedback", html_text(citation(question)), "html")
    _value(element, "defaultgrade", "1")
    _value(element, "penalty", "0.3333333")
    _value(element, "hidden", "0")
    _value(element, "idnumber", question.id)
    return element


def _answer(parent: etree._Element, text: str, fraction: str, fmt: str = "html") -> None:
    answer = _text(parent, "answer", text, fmt, fraction=fraction)
    _text(answer, "feedback", "", "html")


def _tags(element: etree._Element, question: Question) -> None:
    if question.tags:
        tags = etree.SubElement(element, "tags")
        for tag in question.tags:
            _text(tags, "tag", tag)


def multichoice(quiz: etree._Element, question: Question) -> etree._Element:
    element = _question(quiz, question, html_text(question.prompt))
    _value(element, "single", "true")
    _value(element, "shuffleanswers", "true")
    _value(element, "answernumbering", "abc")
    for choice in question.choices:
        _answer(element, html_text(choice), "100" if choice == question.answer else "0")
    return element


def truefalse(quiz: etree._Element, question: Question) -> etree._Element:
    element = _question(quiz, question, html_text(question.prompt))
    for value in ("True", "False"):
        _answer(element, value.lower(), "100" if question.answer == value else "0", "moodle_auto_format")
    return element


def shortanswer(quiz: etree._Element, question: Question) -> etree._Element:
    element = _question(quiz, question, html_text(question.prompt))
    _value(element, "usecase", "0")
    for answer in accepted_answers(question):
        _answer(element, moodle_shortanswer_escape(answer), "100", "moodle_auto_format")
    return element


def matching(quiz: etree._Element, question: Question) -> etree._Element:
    element = _question(quiz, question, html_text(question.prompt))
    _value(element, "shuffleanswers", "true")
    for left, right in question.pairs:
        sub = _text(element, "subquestion", html_text(left), "html")
        _text(sub, "answer", one_line(right))
    return element


def cloze(quiz: etree._Element, question: Question) -> etree._Element:
    # "{" in the text is written as an entity so the text can never open an embedded answer.
    text = "".join(
        html_text(part).replace("{", "&#123;") if isinstance(part, str)
        else f"{{1:SHORTANSWER:={moodle_cloze_escape(html_text(part.answer))}}}"
        for part in cloze_parts(question.prompt)
    )
    return _question(quiz, question, text)


def ordering(quiz: etree._Element, question: Question) -> etree._Element:
    element = _question(quiz, question, html_text(question.prompt))
    for tag, value in (("layouttype", "VERTICAL"), ("selecttype", "ALL"), ("selectcount", "0"),
                       ("gradingtype", "ABSOLUTE_POSITION"), ("showgrading", "SHOW"), ("numberingstyle", "none")):
        _value(element, tag, value)
    # qtype_ordering: answers in the correct order, the fraction holding the position.
    for position, item in enumerate(question.sequence, 1):
        _answer(element, html_text(item), f"{position}.0000000")
    return element


WRITERS = {
    "multiple_choice": multichoice,
    "true_false": truefalse,
    "short_answer": shortanswer,
    "matching": matching,
    "cloze": cloze,
    "ordering": ordering,
}


class MoodleOptions(NoOptions):
    category: str = Field(DEFAULT_CATEGORY, description="Root category; a context first ($course$, $system$, ...).")

    @field_validator("category")
    @classmethod
    def _starts_with_context(cls, value: str) -> str:
        if not re.match(r"^\$[a-z_]+\$(/|$)", value):
            raise ValueError(f"must start with a Moodle context such as $course$ or $system$, not {value!r}")
        return value


def _category(quiz: etree._Element, path: str) -> None:
    element = etree.SubElement(quiz, "question", type="category")
    _text(element, "category", path)


class MoodleRenderer:
    """Writes one Moodle XML file, a category per source document."""

    name = "moodle"
    suffix = ".xml"
    options_model = MoodleOptions
    types = tuple(WRITERS)

    def write(self, bank: Bank, out: Path, options: RenderOptions) -> RenderReport:
        out = Path(out)
        bank = xml_safe_bank(bank)
        root = parse_options(MoodleOptions, options, self.name, out).category.rstrip("/")
        skips = Skips()
        kept = [q for q in bank.questions if skips.keep(q, self.types)]
        quiz = etree.Element("quiz")
        for document, questions in groupby(sorted(kept, key=document_of), key=document_of):
            # "/" separates Moodle category levels; a document name keeps its own as "//".
            _category(quiz, f"{root}/{document.replace('/', '//')}")
            for question in questions:
                _tags(WRITERS[question.type](quiz, question), question)
        write_text_output(out, xml_bytes(quiz).decode("utf-8"), self.name)
        return RenderReport(written=(out,), skipped=skips.as_dict())
