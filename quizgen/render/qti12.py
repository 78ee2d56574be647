"""QTI 1.2 quiz package in the layout Canvas exports and imports (.zip).

  imsmanifest.xml                         IMS CP in Canvas's imsccv1p1 namespace
  <assessment_id>/<assessment_id>.xml     questestinterop: one assessment, one section
  <assessment_id>/assessment_meta.xml     Canvas quiz settings (a practice quiz)

Each item's `question_type` (qtimetadata) says what Canvas makes of it:
  multiple_choice  multiple_choice_question     true_false  true_false_question
  short_answer     short_answer_question        (every accepted alternative scores)
  cloze            fill_in_multiple_blanks_question ([blank1], [blank2] in the text)
  matching         matching_question
  ordering         matching_question: each item matched with its position (1 = first);
                   Canvas classic quizzes have no ordering type, and the report says so
basic and list_recall need a person to judge the answer and are skipped.

Typed answers (short answer, each blank) accept the answer, the bank's alternatives and
their variants (without a leading article, without punctuation; Canvas ignores case).

Item idents are the question ids (`lms.xml_id`); every ident an item refers to
(original_answer_ids, varequal, linkrefid) is in the package. The assessment id is
hashed from the title, so re-importing the same quiz title updates it. Question text is
HTML in Canvas: text is escaped before lxml writes it. Every item's general feedback
gives the source sentence and the document's title. No options.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from lxml import etree

from ..bank import Bank
from ..models import Question
from . import RenderOptions, RenderReport
from .lms import (
    ORDERING_NOTE,
    NoOptions,
    Skips,
    accepted_variants,
    cloze_parts,
    cloze_shown,
    feedback,
    html_text,
    ordering_as_matching,
    parse_options,
    rng_for,
    short_title,
    titled_bank,
    typed_answers,
    write_package,
    xml_bytes,
    xml_id,
    xml_safe_bank,
)
from .shuffle import shuffled

QTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
QTI_XSD = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"
CC = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
CANVAS = "http://canvas.instructure.com/xsd/cccv1p0"
CANVAS_XSD = "https://canvas.instructure.com/xsd/cccv1p0.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
QUESTION_TYPES = {
    "multiple_choice": "multiple_choice_question",
    "true_false": "true_false_question",
    "short_answer": "short_answer_question",
    "cloze": "fill_in_multiple_blanks_question",
    "matching": "matching_question",
    "ordering": "matching_question",  # written as a matching (ordering_as_matching)
}


def _sub(
    parent: etree._Element,
    tag: str,
    text: str | None = None,
    attrs: dict[str, str] | None = None,
    **more: str,
) -> etree._Element:
    element = etree.SubElement(parent, f"{{{QTI}}}{tag}", {**(attrs or {}), **more})
    if text is not None:
        element.text = text
    return element


def _material(parent: etree._Element, text: str, html: bool = False) -> None:
    material = _sub(parent, "material")
    if html:
        _sub(material, "mattext", html_text(text), texttype="text/html")
    else:
        _sub(material, "mattext", text, texttype="text/plain")


def _metadata(parent: etree._Element, fields: list[tuple[str, str]]) -> None:
    metadata = _sub(parent, "qtimetadata")
    for label, entry in fields:
        field = _sub(metadata, "qtimetadatafield")
        _sub(field, "fieldlabel", label)
        _sub(field, "fieldentry", entry)


class ItemWriter:
    """Builds one <item>: metadata, presentation and scoring, in the order QTI 1.2 requires."""

    def __init__(self, section: etree._Element, question: Question, answer_ids: list[str]):
        self.question = question
        self.ident = xml_id(question.id)
        shown = cloze_shown(question.prompt) if question.type == "cloze" else question.prompt
        self.item = _sub(section, "item", ident=self.ident, title=short_title(shown))
        _metadata(
            _sub(self.item, "itemmetadata"),
            [
                ("question_type", QUESTION_TYPES[question.type]),
                ("points_possible", "1.0"),
                ("original_answer_ids", ",".join(answer_ids)),
            ],
        )
        self.presentation = _sub(self.item, "presentation")

    def choices(self, response: str, label: str | None, choices: list[tuple[str, str]]) -> None:
        """A response_lid (one choice out of several), labelled for matching and blanks."""
        lid = _sub(self.presentation, "response_lid", ident=response, rcardinality="Single")
        if label is not None:
            _material(lid, label)
        render = _sub(lid, "render_choice")
        for ident, text in choices:
            _material(_sub(render, "response_label", ident=ident), text)

    def scoring(self, conditions: list[tuple[str, list[str]]], add: bool) -> None:
        """One respcondition per response; any listed value scores. `add` splits 100 points between them."""
        processing = _sub(self.item, "resprocessing")
        _sub(
            _sub(processing, "outcomes"),
            "decvar",
            maxvalue="100",
            minvalue="0",
            varname="SCORE",
            vartype="Decimal",
        )
        general_feedback = feedback(self.question)
        if general_feedback:
            general = _sub(processing, "respcondition", attrs={"continue": "Yes"})
            _sub(_sub(general, "conditionvar"), "other")
            _sub(general, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
        share = f"{100 / len(conditions):.2f}" if add else "100"
        for response, values in conditions:
            condition = _sub(
                processing, "respcondition", attrs={"continue": "Yes" if add else "No"}
            )
            variables = _sub(condition, "conditionvar")
            for value in values:
                _sub(variables, "varequal", value, respident=response)
            _sub(condition, "setvar", share, action="Add" if add else "Set", varname="SCORE")
        if general_feedback:
            flow = _sub(_sub(self.item, "itemfeedback", ident="general_fb"), "flow_mat")
            _material(flow, general_feedback, html=True)


def choice_item(section: etree._Element, question: Question, options: RenderOptions) -> None:
    texts = ["True", "False"] if question.type == "true_false" else list(question.choices)
    ids = [f"{xml_id(question.id)}_c{n}" for n in range(1, len(texts) + 1)]
    writer = ItemWriter(section, question, ids)
    _material(writer.presentation, question.prompt, html=True)
    writer.choices("response1", None, list(zip(ids, texts)))
    writer.scoring([("response1", [ids[texts.index(question.answer)]])], add=False)


def short_answer_item(section: etree._Element, question: Question, options: RenderOptions) -> None:
    writer = ItemWriter(section, question, [])
    _material(writer.presentation, question.prompt, html=True)
    response = _sub(writer.presentation, "response_str", ident="response1", rcardinality="Single")
    _sub(_sub(response, "render_fib"), "response_label", ident="answer1", rshuffle="No")
    writer.scoring([("response1", accepted_variants(question))], add=False)


def cloze_item(section: etree._Element, question: Question, options: RenderOptions) -> None:
    parts = cloze_parts(question.prompt)
    blanks = [part for part in parts if not isinstance(part, str)]
    ident = xml_id(question.id)
    # Each accepted text of a blank is a correct answer of its own: <id>_b<blank>, <id>_b<blank>_<n>.
    answers = [
        [
            (f"{ident}_b{blank.number}" + (f"_{n}" if n > 1 else ""), text)
            for n, text in enumerate(typed_answers([blank.answer]), 1)
        ]
        for blank in blanks
    ]
    writer = ItemWriter(
        section, question, [answer_id for group in answers for answer_id, _ in group]
    )
    # Canvas marks a blank as [name] in the HTML text; the surrounding text is escaped.
    text = "".join(
        html_text(part) if isinstance(part, str) else f"[blank{part.number}]" for part in parts
    )
    _sub(_sub(writer.presentation, "material"), "mattext", text, texttype="text/html")
    for blank, group in zip(blanks, answers):
        writer.choices(f"response_blank{blank.number}", f"blank{blank.number}", group)
    writer.scoring(
        [
            (f"response_blank{b.number}", [answer_id for answer_id, _ in group])
            for b, group in zip(blanks, answers)
        ],
        add=True,
    )


def matching_item(section: etree._Element, question: Question, options: RenderOptions) -> None:
    ident = xml_id(question.id)
    rights = [(f"{ident}_d{n}", right) for n, (_, right) in enumerate(question.pairs, 1)]
    shown = [rights[i] for i in shuffled(list(range(len(rights))), rng_for(options, question))]
    responses = [f"response_{ident}_t{n}" for n in range(1, len(question.pairs) + 1)]
    writer = ItemWriter(section, question, [r.removeprefix("response_") for r in responses])
    _material(writer.presentation, question.prompt, html=True)
    for response, (left, _) in zip(responses, question.pairs):
        writer.choices(response, left, shown)
    writer.scoring(
        [(response, [right_id]) for response, (right_id, _) in zip(responses, rights)], add=True
    )


def ordering_item(section: etree._Element, question: Question, options: RenderOptions) -> None:
    matching_item(section, ordering_as_matching(question, rng_for(options, question)), options)


ITEMS = {
    "multiple_choice": choice_item,
    "true_false": choice_item,
    "short_answer": short_answer_item,
    "cloze": cloze_item,
    "matching": matching_item,
    "ordering": ordering_item,
}


def assessment_id(title: str) -> str:
    """Canvas-style id ("g" + 32 hex digits) from the title alone: same title, same quiz."""
    return "g" + hashlib.sha256(f"quizgen:qti12:{title}".encode()).hexdigest()[:32]


def questestinterop(ident: str, title: str) -> tuple[etree._Element, etree._Element]:
    """The assessment document and the section its items go into."""
    root = etree.Element(f"{{{QTI}}}questestinterop", nsmap={None: QTI, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{QTI} {QTI_XSD}")
    assessment = _sub(root, "assessment", ident=ident, title=title)
    _metadata(assessment, [("cc_maxattempts", "1")])
    return root, _sub(assessment, "section", ident="root_section")


def manifest(ident: str) -> etree._Element:
    root = etree.Element(
        f"{{{CC}}}manifest", nsmap={None: CC, "xsi": XSI}, identifier=f"{ident}_manifest"
    )
    metadata = etree.SubElement(root, f"{{{CC}}}metadata")
    etree.SubElement(metadata, f"{{{CC}}}schema").text = "IMS Content"
    etree.SubElement(metadata, f"{{{CC}}}schemaversion").text = "1.1.3"
    etree.SubElement(root, f"{{{CC}}}organizations")
    resources = etree.SubElement(root, f"{{{CC}}}resources")
    quiz = etree.SubElement(resources, f"{{{CC}}}resource", identifier=ident, type="imsqti_xmlv1p2")
    etree.SubElement(quiz, f"{{{CC}}}file", href=f"{ident}/{ident}.xml")
    etree.SubElement(quiz, f"{{{CC}}}dependency", identifierref=f"{ident}_meta")
    meta = etree.SubElement(
        resources,
        f"{{{CC}}}resource",
        identifier=f"{ident}_meta",
        type="associatedcontent/imscc_xmlv1p1/learning-application-resource",
        href=f"{ident}/assessment_meta.xml",
    )
    etree.SubElement(meta, f"{{{CC}}}file", href=f"{ident}/assessment_meta.xml")
    return root


def assessment_meta(ident: str, title: str, points: int) -> etree._Element:
    root = etree.Element(f"{{{CANVAS}}}quiz", nsmap={None: CANVAS, "xsi": XSI}, identifier=ident)
    root.set(f"{{{XSI}}}schemaLocation", f"{CANVAS} {CANVAS_XSD}")
    settings = [
        ("title", title),
        ("description", ""),
        ("shuffle_answers", "false"),
        ("scoring_policy", "keep_highest"),
        ("quiz_type", "practice_quiz"),
        ("points_possible", f"{points:.1f}"),
        ("show_correct_answers", "true"),
        ("allowed_attempts", "-1"),
        ("one_question_at_a_time", "false"),
        ("cant_go_back", "false"),
        ("available", "false"),
    ]
    for tag, text in settings:
        etree.SubElement(root, f"{{{CANVAS}}}{tag}").text = text
    return root


class Qti12Renderer:
    """Writes one Canvas QTI 1.2 quiz package (.zip)."""

    name = "qti12"
    suffix = ".zip"
    options_model = NoOptions
    types = tuple(ITEMS)

    def write(self, bank: Bank, out: Path, options: RenderOptions) -> RenderReport:
        out = Path(out)
        parse_options(self.options_model, options, self.name, out)
        bank = titled_bank(xml_safe_bank(bank))
        title = options.title or bank.title
        ident = assessment_id(title)
        document, section = questestinterop(ident, title)
        skips = Skips()
        kept = 0
        notes = []
        for question in bank.questions:
            if skips.keep(question, self.types):
                ITEMS[question.type](section, question, options)
                kept += 1
                if question.type == "ordering" and not notes:
                    notes.append(ORDERING_NOTE.format(format="Canvas (QTI 1.2)"))
        files = {
            "imsmanifest.xml": xml_bytes(manifest(ident)),
            f"{ident}/{ident}.xml": xml_bytes(document),
            f"{ident}/assessment_meta.xml": xml_bytes(assessment_meta(ident, title, kept)),
        }
        write_package(out, files, self.name)
        return RenderReport(written=(out,), skipped=skips.as_dict(), notes=tuple(notes))
