"""The Canvas QTI 1.2 package: the assessment validated with xmlschema against the IMS QTI
1.2.1 XSD in ../shared/xsd, the Canvas manifest and quiz settings checked for structure,
and every item read back with lxml into what the bank asks.

Golden files: tests/golden/qti12/bank-small/; regenerate with
    .venv/bin/python -m pytest tests/render/test_qti12.py -k golden --update-goldens
"""

from __future__ import annotations

import html
import io
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from quizgen.render import RENDERERS, RenderOptions
from quizgen.render.lms import accepted_variants, blanks_of, cloze_parts
from quizgen.render.qti12 import CANVAS, CC, QTI, Qti12Renderer, assessment_id

XSD = (
    Path(__file__).resolve().parents[2].parent / "shared" / "xsd" / "qti12" / "ims_qtiasiv1p2p1.xsd"
)
NS = {"q": QTI, "cc": CC, "c": CANVAS}
CANVAS_TYPES = {
    "multiple_choice": "multiple_choice_question",
    "true_false": "true_false_question",
    "short_answer": "short_answer_question",
    "cloze": "fill_in_multiple_blanks_question",
    "matching": "matching_question",
    "ordering": "matching_question",
}


@pytest.fixture(scope="module")
def schema():
    xmlschema = pytest.importorskip("xmlschema")
    if not XSD.is_file():
        pytest.skip("../shared/xsd/qti12 is not there")
    return xmlschema.XMLSchema(str(XSD), allow="local")


def export(
    bank, tmp_path: Path, title: str = "Civics", report: list | None = None
) -> tuple[dict[str, bytes], dict[str, int]]:
    out = tmp_path / "canvas.zip"
    made = Qti12Renderer().write(bank, out, RenderOptions(title=title))
    if report is not None:
        report.append(made)
    with zipfile.ZipFile(out) as archive:
        return {name: archive.read(name) for name in archive.namelist()}, made.skipped


def score(item: etree._Element, responses: dict[str, str]) -> float:
    """Canvas's reading of <resprocessing>: each respcondition whose varequal matches (typed
    text compared without case, as Canvas does) sets or adds its value."""
    total = 0.0
    for condition in item.iterfind("q:resprocessing/q:respcondition", NS):
        setvar = condition.find("q:setvar", NS)
        if setvar is None:
            continue
        values = condition.findall("q:conditionvar/q:varequal", NS)
        if any(
            (responses.get(v.get("respident")) or "").casefold() == (v.text or "").casefold()
            for v in values
        ):
            total = (
                total + float(setvar.text) if setvar.get("action") == "Add" else float(setvar.text)
            )
            if condition.get("continue") == "No":
                break
    return total


def read_item(item: etree._Element) -> dict:
    """What Canvas would make of one <item>: its type, text and what scores."""
    fields = {
        f.findtext("q:fieldlabel", namespaces=NS): f.findtext("q:fieldentry", namespaces=NS)
        for f in item.iterfind("q:itemmetadata/q:qtimetadata/q:qtimetadatafield", NS)
    }
    presentation = item.find("q:presentation", NS)
    text = html.unescape(presentation.findtext("q:material/q:mattext", namespaces=NS))
    scoring: dict[str, list[str]] = {}
    for condition in item.iterfind("q:resprocessing/q:respcondition", NS):
        if condition.find("q:setvar", NS) is not None:
            for value in condition.iterfind("q:conditionvar/q:varequal", NS):
                scoring.setdefault(value.get("respident"), []).append(value.text)
    labels = {}
    for lid in presentation.iterfind("q:response_lid", NS):
        for label in lid.iterfind(".//q:response_label", NS):
            labels[label.get("ident")] = label.findtext("q:material/q:mattext", namespaces=NS)
    read = {"type": fields["question_type"], "text": text}
    lids = presentation.findall("q:response_lid", NS)
    if read["type"] in ("multiple_choice_question", "true_false_question"):
        read["choices"] = [
            labels[label.get("ident")] for label in lids[0].iterfind(".//q:response_label", NS)
        ]
        read["answer"] = labels[scoring["response1"][0]]
    elif read["type"] == "short_answer_question":
        read["accepted"] = scoring["response1"]
    elif read["type"] == "fill_in_multiple_blanks_question":
        read["blanks"] = [labels[scoring[lid.get("ident")][0]] for lid in lids]
    else:
        read["pairs"] = [
            (
                lid.findtext("q:material/q:mattext", namespaces=NS),
                labels[scoring[lid.get("ident")][0]],
            )
            for lid in lids
        ]
        read["positions"] = dict(read["pairs"])
    feedback = item.findtext("q:itemfeedback/q:flow_mat/q:material/q:mattext", namespaces=NS)
    read["feedback"] = html.unescape(feedback or "")
    return read


def expected(question) -> dict:
    want: dict = {"type": CANVAS_TYPES[question.type], "text": question.prompt}
    if question.type == "multiple_choice":
        want.update(choices=list(question.choices), answer=question.answer)
    elif question.type == "true_false":
        want.update(choices=["True", "False"], answer=question.answer)
    elif question.type == "short_answer":
        want["accepted"] = accepted_variants(
            question
        )  # variants and dedup: tests/render/test_lms.py
    elif question.type == "cloze":
        want["text"] = "".join(
            p if isinstance(p, str) else f"[blank{p.number}]" for p in cloze_parts(question.prompt)
        )
        want["blanks"] = [b.answer for b in blanks_of(question.prompt)]
    elif question.type == "ordering":  # a matching of items to positions, in a shuffled order
        want["text"] = f"{question.prompt} Give each its position (1 = first)."
        want["positions"] = {item: str(n) for n, item in enumerate(question.sequence, 1)}
    else:
        want["pairs"] = [tuple(p) for p in question.pairs]
    return want


def test_registered_as_zip():
    renderer = RENDERERS.get("qti12")
    assert renderer.suffix == ".zip" and set(renderer.types) == set(CANVAS_TYPES)


def test_canvas_layout(any_bank, tmp_path):
    files, _ = export(any_bank, tmp_path)
    ident = assessment_id("Civics")
    assert sorted(files) == sorted(
        ["imsmanifest.xml", f"{ident}/{ident}.xml", f"{ident}/assessment_meta.xml"]
    )
    manifest = etree.fromstring(files["imsmanifest.xml"])
    assert manifest.tag == f"{{{CC}}}manifest"
    quiz, meta = manifest.findall("cc:resources/cc:resource", NS)
    assert (quiz.get("identifier"), quiz.get("type")) == (ident, "imsqti_xmlv1p2")
    assert quiz.find("cc:file", NS).get("href") == f"{ident}/{ident}.xml"
    assert quiz.find("cc:dependency", NS).get("identifierref") == meta.get("identifier")
    assert meta.find("cc:file", NS).get("href") == f"{ident}/assessment_meta.xml"
    settings = etree.fromstring(files[f"{ident}/assessment_meta.xml"])
    assert settings.tag == f"{{{CANVAS}}}quiz" and settings.get("identifier") == ident
    assert settings.findtext("c:title", namespaces=NS) == "Civics"


def test_assessment_is_valid_qti12(any_bank, tmp_path, schema):
    files, _ = export(any_bank, tmp_path)
    ident = assessment_id("Civics")
    errors = [str(e) for e in schema.iter_errors(io.BytesIO(files[f"{ident}/{ident}.xml"]))]
    assert errors == [], errors[:1]


def test_items_read_back_as_the_bank_asks(any_bank, tmp_path):
    files, skipped = export(any_bank, tmp_path)
    ident = assessment_id("Civics")
    items = etree.fromstring(files[f"{ident}/{ident}.xml"]).findall(".//q:item", NS)
    kept = [q for q in any_bank.questions if q.type in CANVAS_TYPES]
    assert [item.get("ident") for item in items] == [q.id for q in kept]
    assert sum(skipped.values()) == len(any_bank.questions) - len(kept)
    for item, question in zip(items, kept):
        read = read_item(item)
        assert {k: read[k] for k in expected(question)} == expected(question), question.id
        source = question.sources[0]
        assert " ".join(source.sentence.split()) in read["feedback"], question.id
        assert (
            source.title
            and source.title in read["feedback"]
            and source.document in read["feedback"]
        )
        if question.type == "ordering":
            assert [a for a, _ in read["pairs"]] != list(question.sequence), (
                "the order shown gives it away"
            )


def test_every_referenced_ident_is_in_the_package(any_bank, tmp_path):
    """Canvas resolves original_answer_ids, varequal and linkrefid inside the package; nothing
    may point to an assessment-question bank (`..._aq`) the package does not hold."""
    files, _ = export(any_bank, tmp_path)
    ident = assessment_id("Civics")
    document = files[f"{ident}/{ident}.xml"]
    assert b"_aq" not in document and b"identifierref" not in document
    for item in etree.fromstring(document).iterfind(".//q:item", NS):
        labels = {e.get("ident") for e in item.iterfind(".//q:response_label", NS)}
        lids = {e.get("ident") for e in item.iterfind(".//q:response_lid", NS)} | {
            e.get("ident") for e in item.iterfind(".//q:response_str", NS)
        }
        fields = {
            f.findtext("q:fieldlabel", namespaces=NS): f.findtext("q:fieldentry", namespaces=NS)
            for f in item.iterfind(".//q:qtimetadatafield", NS)
        }
        for answer_id in filter(None, (fields.get("original_answer_ids") or "").split(",")):
            assert answer_id in labels or f"response_{answer_id}" in lids, (
                item.get("ident"),
                answer_id,
            )
        for value in item.iterfind(".//q:varequal", NS):
            assert value.get("respident") in lids
            if value.get("respident") != "response1" or item.find(".//q:response_str", NS) is None:
                assert value.text in labels, (item.get("ident"), value.text)
        feedback = {e.get("ident") for e in item.iterfind("q:itemfeedback", NS)}
        assert {e.get("linkrefid") for e in item.iterfind(".//q:displayfeedback", NS)} <= feedback


@pytest.mark.parametrize(
    "answer, accepted, typed, points",
    [
        ("the environment", (), "environment", 100.0),
        ("the environment", (), "ENVIRONMENT", 100.0),
        ("the environment", (), "environments", 0.0),
        ("the United States", ("the U.S.",), "US", 100.0),
        ("peace, development and cooperation", (), "peace development and cooperation", 100.0),
    ],
)
def test_typed_answer_variants_score(small_bank, tmp_path, answer, accepted, typed, points):
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
    files, _ = export(replace(small_bank, questions=(short, cloze)), tmp_path)
    ident = assessment_id("Civics")
    items = {
        i.get("ident"): i
        for i in etree.fromstring(files[f"{ident}/{ident}.xml"]).iterfind(".//q:item", NS)
    }
    assert score(items[short.id], {"response1": typed}) == points
    if not accepted:
        blank = items[cloze.id]
        labels = {
            (e.findtext("q:material/q:mattext", namespaces=NS) or "").casefold(): e.get("ident")
            for e in blank.iterfind(".//q:response_label", NS)
        }
        chosen = labels.get(typed.casefold(), "none")  # Canvas maps the typed text to its answer id
        assert round(score(blank, {"response_blank1": chosen})) == points


def test_ordering_is_a_matching_and_the_report_says_so(small_bank, tmp_path):
    made: list = []
    export(small_bank, tmp_path, report=made)
    assert any(q.type == "ordering" for q in small_bank.questions)
    assert made[0].notes == (
        "ordering questions written as matchings of items to positions "
        "(Canvas (QTI 1.2) has no ordering type)",
    )


def test_hostile_text_stays_text(hostile_bank, tmp_path, schema):
    files, skipped = export(hostile_bank, tmp_path, title=hostile_bank.title)
    assert skipped == {"basic": 1, "list_recall": 1}
    ident = assessment_id(hostile_bank.title)
    document = files[f"{ident}/{ident}.xml"]
    assert schema.is_valid(io.BytesIO(document))
    root = etree.fromstring(document)
    assert root.find("q:assessment", NS).get("title") == hostile_bank.title
    # HTML fields hold escaped text: after the one HTML decoding Canvas does, the source text.
    assert all(
        "<script>" not in m.text
        for m in root.iter(f"{{{QTI}}}mattext")
        if m.get("texttype") == "text/html"
    )
    by_id = {q.id: q for q in hostile_bank.questions}
    for item in root.iterfind(".//q:item", NS):
        question = by_id[item.get("ident")]
        read = read_item(item)
        assert {k: read[k] for k in expected(question)} == expected(question), question.id


def test_package_matches_golden(small_bank, tmp_path, golden):
    files, _ = export(small_bank, tmp_path)
    golden("qti12", "bank-small", {name: data.decode("utf-8") for name, data in files.items()})
