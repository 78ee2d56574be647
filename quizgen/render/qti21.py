"""IMS QTI 2.1 content package (.zip): imsmanifest.xml, an assessmentTest and one
assessmentItem per question.

  multiple_choice, true_false  choiceInteraction, scored when the response matches the correct one
  short_answer                 textEntryInteraction; a mapping gives every accepted text full
                               marks: the answer, the bank's alternatives and their variants
                               (without a leading article, without punctuation; case ignored)
  cloze                        a textEntryInteraction per blank, inline in the text, each
                               with its own mapping; the score is the sum of the blanks
  matching                     matchInteraction (terms x definitions), scored on an exact match
  ordering                     orderInteraction, choices written shuffled, scored on an exact match
basic and list_recall need a person to judge the answer and are skipped.

Response processing is written out (the rules of the standard match_correct and
map_response templates) so that it can also set FEEDBACK: every item shows a modal
feedback after it is answered, with the source sentence and the document's title.

Files: items/<identifier>.xml, where the identifier is the question id made a valid
NCName (`lms.xml_id`), the same in every export; assessment.xml, a test with one section
per question type that refers to the items. Each item's source citation is also the
description (IMS MD) of its resource in the manifest. No options.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..bank import Bank
from ..models import Question
from . import RenderOptions, RenderReport
from .lms import (
    NoOptions,
    Skips,
    accepted_variants,
    citation,
    cloze_parts,
    cloze_shown,
    feedback,
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

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
MD = "http://www.imsglobal.org/xsd/imsmd_v1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
TRUE_FALSE = (("TRUE", "True"), ("FALSE", "False"))


def _q(tag: str) -> str:
    return f"{{{QTI}}}{tag}"


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, _q(tag), attrs)
    if text is not None:
        element.text = text
    return element


def _item(question: Question) -> etree._Element:
    root = etree.Element(_q("assessmentItem"), nsmap={None: QTI, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{QTI} {QTI_XSD}")
    root.set("identifier", xml_id(question.id))
    shown = cloze_shown(question.prompt) if question.type == "cloze" else question.prompt
    root.set("title", short_title(shown))
    root.set("adaptive", "false")
    root.set("timeDependent", "false")
    return root


def _response(
    item: etree._Element, identifier: str, cardinality: str, base_type: str, correct: list[str]
) -> etree._Element:
    declaration = _sub(
        item,
        "responseDeclaration",
        identifier=identifier,
        cardinality=cardinality,
        baseType=base_type,
    )
    values = _sub(declaration, "correctResponse")
    for value in correct:
        _sub(values, "value", value)
    return declaration


def _mapping(declaration: etree._Element, answers: list[str]) -> None:
    mapping = _sub(declaration, "mapping", defaultValue="0")
    for answer in answers:
        _sub(mapping, "mapEntry", mapKey=answer, mappedValue="1", caseSensitive="false")


def _score(item: etree._Element) -> None:
    _sub(item, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float")
    _sub(
        item,
        "outcomeDeclaration",
        identifier="FEEDBACK",
        cardinality="single",
        baseType="identifier",
    )


def _set(parent: etree._Element, outcome: str) -> etree._Element:
    return _sub(parent, "setOutcomeValue", identifier=outcome)


def _template(
    item: etree._Element, name: str, question: Question, responses: tuple[str, ...] = ("RESPONSE",)
) -> None:
    """The rules of a standard template (match_correct, map_response, or "sum" of mapResponse
    over several responses), then FEEDBACK set so the general feedback is shown."""
    processing = _sub(item, "responseProcessing")
    if name == "sum":
        total = _sub(_set(processing, "SCORE"), "sum")
        for response in responses:
            _sub(total, "mapResponse", identifier=response)
    else:
        condition = _sub(processing, "responseCondition")
        branch = _sub(condition, "responseIf")
        if name == "match_correct":
            test = _sub(branch, "match")
            _sub(test, "variable", identifier="RESPONSE")
            _sub(test, "correct", identifier="RESPONSE")
            _sub(_set(branch, "SCORE"), "baseValue", "1", baseType="float")
            _sub(_set(_sub(condition, "responseElse"), "SCORE"), "baseValue", "0", baseType="float")
        else:  # map_response
            _sub(_sub(branch, "isNull"), "variable", identifier="RESPONSE")
            _sub(_set(branch, "SCORE"), "baseValue", "0", baseType="float")
            _sub(
                _set(_sub(condition, "responseElse"), "SCORE"), "mapResponse", identifier="RESPONSE"
            )
    _sub(_set(processing, "FEEDBACK"), "baseValue", "GENERAL", baseType="identifier")
    text = feedback(question)
    if text:
        shown = _sub(
            item,
            "modalFeedback",
            outcomeIdentifier="FEEDBACK",
            showHide="show",
            identifier="GENERAL",
            title="Source",
        )
        _sub(shown, "p", text)


def choice_item(question: Question, options: RenderOptions) -> etree._Element:
    if question.type == "true_false":
        choices = list(TRUE_FALSE)
        correct = "TRUE" if question.answer == "True" else "FALSE"
    else:
        choices = [(f"CHOICE_{n}", text) for n, text in enumerate(question.choices, 1)]
        correct = choices[question.choices.index(question.answer)][0]
    item = _item(question)
    _response(item, "RESPONSE", "single", "identifier", [correct])
    _score(item)
    body = _sub(item, "itemBody")
    interaction = _sub(
        body, "choiceInteraction", responseIdentifier="RESPONSE", shuffle="false", maxChoices="1"
    )
    _sub(interaction, "prompt", question.prompt)
    for identifier, text in choices:
        _sub(interaction, "simpleChoice", text, identifier=identifier)
    _template(item, "match_correct", question)
    return item


def short_answer_item(question: Question, options: RenderOptions) -> etree._Element:
    answers = accepted_variants(question)
    item = _item(question)
    _mapping(_response(item, "RESPONSE", "single", "string", answers[:1]), answers)
    _score(item)
    body = _sub(item, "itemBody")
    _sub(body, "p", question.prompt)
    _sub(
        _sub(body, "p"),
        "textEntryInteraction",
        responseIdentifier="RESPONSE",
        expectedLength=str(max(len(a) for a in answers)),
    )
    _template(item, "map_response", question)
    return item


def cloze_item(question: Question, options: RenderOptions) -> etree._Element:
    parts = cloze_parts(question.prompt)
    blanks = [part for part in parts if not isinstance(part, str)]
    item = _item(question)
    for blank in blanks:
        _mapping(
            _response(item, f"RESPONSE_{blank.number}", "single", "string", [blank.answer]),
            typed_answers([blank.answer]),
        )
    _score(item)
    paragraph = _sub(_sub(item, "itemBody"), "p")
    last: etree._Element | None = None
    for part in parts:
        if isinstance(part, str):  # text goes into .text, or the .tail of the interaction before it
            if last is None:
                paragraph.text = (paragraph.text or "") + part
            else:
                last.tail = (last.tail or "") + part
        else:
            last = _sub(
                paragraph,
                "textEntryInteraction",
                responseIdentifier=f"RESPONSE_{part.number}",
                expectedLength=str(len(part.answer)),
            )
    # No standard template scores several responses: SCORE = sum of each blank's mapResponse.
    _template(item, "sum", question, tuple(f"RESPONSE_{blank.number}" for blank in blanks))
    return item


def matching_item(question: Question, options: RenderOptions) -> etree._Element:
    rng = rng_for(options, question)
    lefts = [(f"TERM_{n}", left) for n, (left, _) in enumerate(question.pairs, 1)]
    rights = [(f"DEF_{n}", right) for n, (_, right) in enumerate(question.pairs, 1)]
    item = _item(question)
    _response(
        item,
        "RESPONSE",
        "multiple",
        "directedPair",
        [f"{lid} {rid}" for (lid, _), (rid, _) in zip(lefts, rights)],
    )
    _score(item)
    interaction = _sub(
        _sub(item, "itemBody"),
        "matchInteraction",
        responseIdentifier="RESPONSE",
        shuffle="false",
        maxAssociations=str(len(lefts)),
    )
    _sub(interaction, "prompt", question.prompt)
    for group in (lefts, _shuffled_pairs(rights, rng)):
        match_set = _sub(interaction, "simpleMatchSet")
        for identifier, text in group:
            _sub(match_set, "simpleAssociableChoice", text, identifier=identifier, matchMax="1")
    _template(item, "match_correct", question)
    return item


def ordering_item(question: Question, options: RenderOptions) -> etree._Element:
    choices = [(f"ITEM_{n}", text) for n, text in enumerate(question.sequence, 1)]
    item = _item(question)
    _response(item, "RESPONSE", "ordered", "identifier", [identifier for identifier, _ in choices])
    _score(item)
    interaction = _sub(
        _sub(item, "itemBody"), "orderInteraction", responseIdentifier="RESPONSE", shuffle="false"
    )
    _sub(interaction, "prompt", question.prompt)
    for identifier, text in _shuffled_pairs(choices, rng_for(options, question)):
        _sub(interaction, "simpleChoice", text, identifier=identifier)
    _template(item, "match_correct", question)
    return item


def _shuffled_pairs(pairs: list[tuple[str, str]], rng) -> list[tuple[str, str]]:
    return [pairs[i] for i in shuffled(list(range(len(pairs))), rng)]


ITEMS = {
    "multiple_choice": choice_item,
    "true_false": choice_item,
    "short_answer": short_answer_item,
    "cloze": cloze_item,
    "matching": matching_item,
    "ordering": ordering_item,
}


SECTIONS = {
    "multiple_choice": "Multiple choice",
    "true_false": "True or false",
    "short_answer": "Short answer",
    "cloze": "Fill in the blanks",
    "matching": "Matching",
    "ordering": "Ordering",
}
TEST_FILE = "assessment.xml"


def assessment_test(title: str, entries: list[tuple[str, str, Question]]) -> etree._Element:
    """An assessmentTest over the items: one part, one section per question type (in the
    order of ITEMS), the test score the sum of the items' scores."""
    root = etree.Element(_q("assessmentTest"), nsmap={None: QTI, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{QTI} {QTI_XSD}")
    root.set("identifier", "TEST-" + xml_id(title.lower(), "t"))
    root.set("title", title)
    _sub(root, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float")
    part = _sub(
        root,
        "testPart",
        identifier="PART-1",
        navigationMode="nonlinear",
        submissionMode="individual",
    )
    for qtype, label in SECTIONS.items():
        refs = [
            (identifier, href) for identifier, href, question in entries if question.type == qtype
        ]
        if not refs:
            continue
        section = _sub(
            part, "assessmentSection", identifier=f"SECTION-{qtype}", title=label, visible="true"
        )
        for identifier, href in refs:
            _sub(section, "assessmentItemRef", identifier=identifier, href=href)
    total = _sub(_set(_sub(root, "outcomeProcessing"), "SCORE"), "sum")
    _sub(total, "testVariables", variableIdentifier="SCORE")
    return root


def manifest(title: str, entries: list[tuple[str, str, Question]]) -> etree._Element:
    """IMS CP 1.1 manifest: the test, which depends on every item, and one
    imsqti_item_xmlv2p1 resource per item, each with its citation."""
    root = etree.Element(f"{{{CP}}}manifest", nsmap={None: CP, "imsmd": MD, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{CP} {CP_XSD}")
    root.set("identifier", "MANIFEST-" + xml_id(title.lower(), "m"))
    metadata = etree.SubElement(root, f"{{{CP}}}metadata")
    etree.SubElement(metadata, f"{{{CP}}}schema").text = "QTIv2.1 Package"
    etree.SubElement(metadata, f"{{{CP}}}schemaversion").text = "1.0.0"
    etree.SubElement(root, f"{{{CP}}}organizations")
    resources = etree.SubElement(root, f"{{{CP}}}resources")
    test = etree.SubElement(
        resources,
        f"{{{CP}}}resource",
        identifier="RES-TEST",
        type="imsqti_test_xmlv2p1",
        href=TEST_FILE,
    )
    etree.SubElement(test, f"{{{CP}}}file", href=TEST_FILE)
    for identifier, _, _ in entries:
        etree.SubElement(test, f"{{{CP}}}dependency", identifierref=f"RES-{identifier}")
    for identifier, href, question in entries:
        resource = etree.SubElement(
            resources,
            f"{{{CP}}}resource",
            identifier=f"RES-{identifier}",
            type="imsqti_item_xmlv2p1",
            href=href,
        )
        described = citation(question)
        if described:
            lom = etree.SubElement(etree.SubElement(resource, f"{{{CP}}}metadata"), f"{{{MD}}}lom")
            general = etree.SubElement(lom, f"{{{MD}}}general")
            langstring = etree.SubElement(
                etree.SubElement(general, f"{{{MD}}}description"), f"{{{MD}}}langstring"
            )
            langstring.text = described
        etree.SubElement(resource, f"{{{CP}}}file", href=href)
    return root


class Qti21Renderer:
    """Writes one QTI 2.1 content package (.zip)."""

    name = "qti21"
    suffix = ".zip"
    options_model = NoOptions
    types = tuple(ITEMS)

    def write(self, bank: Bank, out: Path, options: RenderOptions) -> RenderReport:
        out = Path(out)
        parse_options(self.options_model, options, self.name, out)
        bank = titled_bank(xml_safe_bank(bank))
        skips = Skips()
        files: dict[str, bytes] = {}
        entries: list[tuple[str, str, Question]] = []
        for question in bank.questions:
            if not skips.keep(question, self.types):
                continue
            identifier = xml_id(question.id)
            href = f"items/{identifier}.xml"
            files[href] = xml_bytes(ITEMS[question.type](question, options))
            entries.append((identifier, href, question))
        title = options.title or bank.title
        files = {
            "imsmanifest.xml": xml_bytes(manifest(title, entries)),
            TEST_FILE: xml_bytes(assessment_test(title, entries)),
            **files,
        }
        write_package(out, files, self.name)
        return RenderReport(written=(out,), skipped=skips.as_dict())
