"""Moodle XML question import file (.xml).

  multiple_choice  multichoice (one answer)      true_false    truefalse
  short_answer     shortanswer (each accepted text scores 100%)
  matching         matching
  ordering         matching of each item to its position (1 = first), which every Moodle
                   has; the report says so. With the option `ordering_plugin: true`,
                   `ordering` (needs the qtype_ordering plugin, which many sites lack)
  cloze            cloze: embedded answers {1:SHORTANSWER:=answer~=variant} in the text
basic and list_recall need a person to judge the answer and are skipped.

Typed answers (short answer, each blank) accept the answer, the bank's alternatives and
their variants (without a leading article, without punctuation; usecase 0 ignores case).

Questions are grouped under a `<question type="category">` per source document, named
by its title (`<category root>/<title>`, root `$course$/quizgen` unless the `category`
option says otherwise; the same path as the GIFT export). `idnumber` is the question id;
the general feedback gives the source sentence and the document's title. Question text
is HTML in Moodle (escaped here, then by lxml); short answers are plain text with `*`
escaped (a wildcard otherwise); embedded answers escape `}#~/"\\`.

Options: `category` (root category path), `ordering_plugin`.
"""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

from lxml import etree
from pydantic import Field

from ..bank import Bank
from ..models import Question
from ..registry import Registry
from . import RenderOptions, RenderReport
from .lms import (
    ORDERING_NOTE,
    CategoryOptions,
    Skips,
    accepted_variants,
    category_path,
    cloze_parts,
    cloze_shown,
    feedback,
    html_text,
    moodle_cloze_escape,
    moodle_shortanswer_escape,
    one_line,
    ordering_as_matching,
    parse_options,
    rng_for,
    short_title,
    titled_bank,
    typed_answers,
    write_text_output,
    xml_bytes,
    xml_safe_bank,
)

QTYPES = {
    "multiple_choice": "multichoice",
    "true_false": "truefalse",
    "short_answer": "shortanswer",
    "matching": "matching",
    "cloze": "cloze",
    "ordering": "ordering",
}


def _text(
    parent: etree._Element, tag: str, text: str, fmt: str | None = None, **attrs: str
) -> etree._Element:
    """<tag format=...><text>text</text></tag>, Moodle's wrapper for every text field."""
    element = etree.SubElement(parent, tag, attrs)
    if fmt:
        element.set("format", fmt)
    etree.SubElement(element, "text").text = text
    return element


def _value(parent: etree._Element, tag: str, text: str) -> None:
    etree.SubElement(parent, tag).text = text


def _question(
    quiz: etree._Element, question: Question, questiontext_html: str, qtype: str = ""
) -> etree._Element:
    """The fields every question type shares, in Moodle's export order."""
    element = etree.SubElement(quiz, "question", type=qtype or QTYPES[question.type])
    shown = cloze_shown(question) if question.type == "cloze" else question.prompt
    _text(element, "name", short_title(shown))
    _text(element, "questiontext", questiontext_html, "html")
    _text(element, "generalfeedback", html_text(feedback(question)), "html")
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
        _answer(
            element, value.lower(), "100" if question.answer == value else "0", "moodle_auto_format"
        )
    return element


def shortanswer(quiz: etree._Element, question: Question) -> etree._Element:
    element = _question(quiz, question, html_text(question.prompt))
    _value(element, "usecase", "0")
    for answer in accepted_variants(question):
        _answer(element, moodle_shortanswer_escape(answer), "100", "moodle_auto_format")
    return element


def matching(quiz: etree._Element, question: Question) -> etree._Element:
    element = _question(quiz, question, html_text(question.prompt), "matching")
    _value(element, "shuffleanswers", "true")
    for left, right in question.pairs:
        sub = _text(element, "subquestion", html_text(left), "html")
        _text(sub, "answer", one_line(right))
    return element


def cloze(quiz: etree._Element, question: Question) -> etree._Element:
    # "{" in the text is written as an entity so the text can never open an embedded answer.
    text = "".join(
        html_text(part).replace("{", "&#123;")
        if isinstance(part, str)
        else "{1:SHORTANSWER:"
        + "~".join(
            f"={moodle_cloze_escape(html_text(text))}" for text in typed_answers([part.answer])
        )
        + "}"
        for part in cloze_parts(question)
    )
    return _question(quiz, question, text)


def ordering_plugin(quiz: etree._Element, question: Question) -> etree._Element:
    element = _question(quiz, question, html_text(question.prompt))
    for tag, value in (
        ("layouttype", "VERTICAL"),
        ("selecttype", "ALL"),
        ("selectcount", "0"),
        ("gradingtype", "ABSOLUTE_POSITION"),
        ("showgrading", "SHOW"),
        ("numberingstyle", "none"),
    ):
        _value(element, tag, value)
    # qtype_ordering: answers in the correct order, the fraction holding the position.
    for position, item in enumerate(question.sequence, 1):
        _answer(element, html_text(item), f"{position}.0000000")
    return element


# Question type -> its writer; a new type this format can express registers one here.
WRITERS: Registry = Registry(
    "Moodle XML writer of question type",
    {
        "multiple_choice": multichoice,
        "true_false": truefalse,
        "short_answer": shortanswer,
        "matching": matching,
        "cloze": cloze,
        "ordering": ordering_plugin,  # or a matching: see MoodleRenderer.write
    },
)


class MoodleOptions(CategoryOptions):
    ordering_plugin: bool = Field(
        False,
        description="Write ordering questions as qtype_ordering (a plugin) "
        "instead of a matching of items to positions.",
    )


def _category(quiz: etree._Element, path: str) -> None:
    element = etree.SubElement(quiz, "question", type="category")
    _text(element, "category", path)


class MoodleRenderer:
    """Writes one Moodle XML file, a category per source document."""

    name = "moodle"
    suffix = ".xml"
    help = "Moodle XML"
    options_model = MoodleOptions

    @property
    def types(self) -> tuple[str, ...]:
        return tuple(WRITERS)

    def write(self, bank: Bank, out: Path, options: RenderOptions) -> RenderReport:
        out = Path(out)
        bank = xml_safe_bank(bank)
        chosen = parse_options(MoodleOptions, options, self.name, out)
        bank = titled_bank(bank)
        skips = Skips()
        kept = [q for q in bank.questions if skips.keep(q, self.types)]
        quiz = etree.Element("quiz")
        notes = []
        in_category = lambda q: category_path(chosen.category, q)  # noqa: E731
        for path, questions in groupby(sorted(kept, key=in_category), key=in_category):
            _category(quiz, path)
            for question in questions:
                if question.type == "ordering" and chosen.ordering_plugin:
                    element = ordering_plugin(quiz, question)
                elif question.type == "ordering":
                    element = matching(
                        quiz, ordering_as_matching(question, rng_for(options, question))
                    )
                    if not notes:
                        notes.append(
                            ORDERING_NOTE.format(
                                format="Moodle XML without the qtype_ordering plugin"
                            )
                        )
                else:
                    element = WRITERS.get(question.type)(quiz, question)
                _tags(element, question)
        write_text_output(out, xml_bytes(quiz).decode("utf-8"), self.name)
        return RenderReport(written=(out,), skipped=skips.as_dict(), notes=tuple(notes))
