"""The QTI 2.1 package, validated with xmlschema against the IMS XSDs in ../shared/xsd and
read back with lxml into questions that must match the bank.

Golden files: tests/golden/qti21/bank-small/ (the package's files); regenerate with
    .venv/bin/python -m pytest tests/render/test_qti21.py -k golden --update-goldens
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from quizgen.errors import RenderError
from quizgen.render import RENDERERS, RenderOptions
from quizgen.render.lms import blanks_of, cloze_shown, typed_answers
from quizgen.render.qti21 import CP, QTI, Qti21Renderer

XSD = Path(__file__).resolve().parents[2].parent / "shared" / "xsd" / "qti21"
NS = {"q": QTI, "cp": CP}
EXPRESSED = {"multiple_choice", "true_false", "short_answer", "cloze", "matching", "ordering"}


@pytest.fixture(scope="module")
def schemas():
    """(item schema, manifest schema), built from local files only (slow: built once)."""
    xmlschema = pytest.importorskip("xmlschema")
    if not XSD.is_dir():
        pytest.skip("../shared/xsd/qti21 is not there")
    return (
        xmlschema.XMLSchema(str(XSD / "qtiv2p1" / "imsqti_v2p1.xsd"), allow="local"),
        xmlschema.XMLSchema(str(XSD / "imscp_v1p1.xsd"), allow="local"),
    )


def export(bank, tmp_path: Path, **extra) -> tuple[dict[str, bytes], dict[str, int]]:
    out = tmp_path / "quiz.zip"
    report = Qti21Renderer().write(bank, out, RenderOptions(title="Civics", extra=extra))
    assert report.written == (out,)
    with zipfile.ZipFile(out) as archive:
        return {name: archive.read(name) for name in archive.namelist()}, report.skipped


def read_item(data: bytes) -> dict:
    """What a QTI player would ask and accept, from one assessmentItem."""
    root = etree.fromstring(data)
    body = root.find("q:itemBody", NS)
    declared = {d.get("identifier"): d for d in root.findall("q:responseDeclaration", NS)}

    def correct(response: str) -> list[str]:
        return [v.text for v in declared[response].findall("q:correctResponse/q:value", NS)]

    def texts(parent, tag: str) -> dict[str, str]:
        return {c.get("identifier"): c.text for c in parent.findall(f"q:{tag}", NS)}

    read: dict = {
        "id": root.get("identifier"),
        "feedback": root.findtext("q:modalFeedback/q:p", namespaces=NS),
    }
    if (choice := body.find("q:choiceInteraction", NS)) is not None:
        options = texts(choice, "simpleChoice")
        read.update(
            prompt=choice.findtext("q:prompt", namespaces=NS),
            choices=list(options.values()),
            answer=options[correct("RESPONSE")[0]],
        )
    elif (match := body.find("q:matchInteraction", NS)) is not None:
        terms, definitions = (
            texts(s, "simpleAssociableChoice") for s in match.findall("q:simpleMatchSet", NS)
        )
        read.update(
            prompt=match.findtext("q:prompt", namespaces=NS),
            pairs=[(terms[a], definitions[b]) for a, b in (v.split() for v in correct("RESPONSE"))],
        )
    elif (order := body.find("q:orderInteraction", NS)) is not None:
        items = texts(order, "simpleChoice")
        read.update(
            prompt=order.findtext("q:prompt", namespaces=NS),
            shown=list(items.values()),
            sequence=[items[i] for i in correct("RESPONSE")],
        )
    else:
        entries = body.findall(".//q:textEntryInteraction", NS)
        read["accepted"] = [
            [
                m.get("mapKey")
                for m in declared[e.get("responseIdentifier")].iter(f"{{{QTI}}}mapEntry")
            ]
            for e in entries
        ]
        for entry in entries:
            entry.text = "_____"  # what a player shows in its place, for comparing the text
        read["text"] = " ".join("".join(body.itertext()).split())
    return read


def expected(question) -> dict:
    if question.type == "multiple_choice":
        return {
            "prompt": question.prompt,
            "choices": list(question.choices),
            "answer": question.answer,
        }
    if question.type == "true_false":
        return {"prompt": question.prompt, "choices": ["True", "False"], "answer": question.answer}
    if question.type == "matching":
        return {"prompt": question.prompt, "pairs": [tuple(p) for p in question.pairs]}
    if question.type == "ordering":
        return {"prompt": question.prompt, "sequence": list(question.sequence)}
    if question.type == "cloze":
        return {
            "text": " ".join(cloze_shown(question.prompt).split()),
            "accepted": [typed_answers([b.answer]) for b in blanks_of(question.prompt)],
        }
    return {
        "text": " ".join(f"{question.prompt} _____".split()),
        "accepted": [typed_answers([question.answer, *question.accepted])],
    }


class Player:
    """Plays an item's response processing as a QTI player would: the rules quizgen writes
    (responseCondition, match, isNull, setOutcomeValue with baseValue, mapResponse, sum)."""

    def __init__(self, data: bytes):
        self.root = etree.fromstring(data)
        self.declared = {
            d.get("identifier"): d for d in self.root.findall("q:responseDeclaration", NS)
        }

    def correct(self) -> dict:
        return {
            name: self._value(d, [v.text for v in d.findall("q:correctResponse/q:value", NS)])
            for name, d in self.declared.items()
        }

    def _value(self, declaration, values: list[str]):
        cardinality = declaration.get("cardinality")
        return (
            values[0]
            if cardinality == "single"
            else (set(values) if cardinality == "multiple" else values)
        )

    def play(self, responses: dict) -> dict:
        processing = self.root.find("q:responseProcessing", NS)
        assert processing.get("template") is None, (
            "rules are written out, so the test can play them"
        )
        self.responses, self.outcomes = responses, {"SCORE": 0.0, "FEEDBACK": None}
        self._rules(processing)
        return self.outcomes

    def _rules(self, parent) -> None:
        for rule in parent:
            tag = etree.QName(rule).localname
            if tag == "setOutcomeValue":
                self.outcomes[rule.get("identifier")] = self._expr(rule[0])
            elif tag == "responseCondition":
                for branch in rule:
                    kind = etree.QName(branch).localname
                    if kind == "responseElse" or self._expr(branch[0]):
                        self._rules(branch if kind == "responseElse" else branch[1:])
                        break
            else:
                raise AssertionError(f"rule the test player does not know: {tag}")

    def _expr(self, element):
        tag = etree.QName(element).localname
        if tag == "baseValue":
            return float(element.text) if element.get("baseType") == "float" else element.text
        if tag == "variable":
            return self.responses.get(element.get("identifier"))
        if tag == "correct":
            return self.correct()[element.get("identifier")]
        if tag == "match":
            a, b = (self._expr(e) for e in element)
            return a == b
        if tag == "isNull":
            return self._expr(element[0]) in (None, "", [], set())
        if tag == "sum":
            return sum(self._expr(e) for e in element)
        if tag == "mapResponse":
            return self.map_response(element.get("identifier"))
        raise AssertionError(f"expression the test player does not know: {tag}")

    def map_response_of(self, identifier: str, typed: str) -> float:
        """What one typed response scores through its mapping."""
        self.responses = {identifier: typed}
        return self.map_response(identifier)

    def map_response(self, identifier: str) -> float:
        mapping = self.declared[identifier].find("q:mapping", NS)
        given = self.responses.get(identifier)
        for entry in mapping.findall("q:mapEntry", NS):
            key = entry.get("mapKey")
            same = (
                key == given
                if entry.get("caseSensitive") == "true"
                else key.casefold() == (given or "").casefold()
            )
            if same:
                return float(entry.get("mappedValue"))
        return float(mapping.get("defaultValue"))


def test_registered_as_zip():
    renderer = RENDERERS.get("qti21")
    assert renderer.suffix == ".zip" and set(renderer.types) == EXPRESSED


def test_every_file_is_valid_qti21(any_bank, tmp_path, schemas):
    item_schema, manifest_schema = schemas
    files, _ = export(any_bank, tmp_path)
    for name, data in files.items():
        schema = manifest_schema if name == "imsmanifest.xml" else item_schema
        errors = [str(e) for e in schema.iter_errors(io.BytesIO(data))]
        assert errors == [], f"{name}: {errors[:1]}"


def test_manifest_lists_one_item_resource_per_question(any_bank, tmp_path):
    files, skipped = export(any_bank, tmp_path)
    manifest = etree.fromstring(files["imsmanifest.xml"])
    assert manifest.findtext("cp:metadata/cp:schema", namespaces=NS) == "QTIv2.1 Package"
    resources = manifest.findall("cp:resources/cp:resource", NS)
    test, *resources = resources
    assert test.get("type") == "imsqti_test_xmlv2p1" and test.get("href") == "assessment.xml"
    assert {r.get("type") for r in resources} == {"imsqti_item_xmlv2p1"}
    hrefs = [r.get("href") for r in resources]
    assert sorted(hrefs) == sorted(name for name in files if name.startswith("items/"))
    assert [d.get("identifierref") for d in test.findall("cp:dependency", NS)] == [
        r.get("identifier") for r in resources
    ]
    assert [r.find("cp:file", NS).get("href") for r in resources] == hrefs
    kept = [q for q in any_bank.questions if q.type in EXPRESSED]
    assert [etree.fromstring(files[h]).get("identifier") for h in hrefs] == [q.id for q in kept]
    assert sum(skipped.values()) == len(any_bank.questions) - len(kept)


def test_items_read_back_as_the_bank_asks(any_bank, tmp_path):
    files, _ = export(any_bank, tmp_path)
    by_id = {q.id: q for q in any_bank.questions}
    for name, data in files.items():
        if not name.startswith("items/"):
            continue
        read = read_item(data)
        question = by_id[read["id"]]
        assert {k: read[k] for k in expected(question)} == expected(question), name
        if question.type == "ordering":
            assert read["shown"] != list(question.sequence), (
                "the order on screen gives the answer away"
            )


def test_every_item_scores_the_correct_response_and_shows_its_source(any_bank, tmp_path):
    files, _ = export(any_bank, tmp_path)
    by_id = {q.id: q for q in any_bank.questions}
    items = {name: data for name, data in files.items() if name.startswith("items/")}
    assert items
    for name, data in items.items():
        player = Player(data)
        question = by_id[player.root.get("identifier")]
        outcomes = player.play(player.correct())
        assert outcomes == {"SCORE": float(len(player.declared)), "FEEDBACK": "GENERAL"}, name
        assert player.play({})["SCORE"] == 0.0, name
        shown = [
            f
            for f in player.root.findall("q:modalFeedback", NS)
            if f.get("identifier") == "GENERAL"
        ]
        assert len(shown) == 1 and shown[0].get("outcomeIdentifier") == "FEEDBACK", name
        text = " ".join("".join(shown[0].itertext()).split())
        source = question.sources[0]
        assert (
            " ".join(source.sentence.split()) in text and source.title and source.title in text
        ), name


@pytest.mark.parametrize(
    "answer, accepted, typed, score",
    [
        ("the environment", (), "environment", 1.0),
        ("the environment", (), "The Environment", 1.0),
        ("the environment", (), "environments", 0.0),
        ("the United States", ("the U.S.",), "US", 1.0),
        ("the United States", ("the U.S.",), "U.S.", 1.0),
        ("peace, development and cooperation", (), "peace development and cooperation", 1.0),
        (
            "a community with a shared future for mankind",
            (),
            "community with a shared future for mankind",
            1.0,
        ),
        ("a community with a shared future for mankind", (), "community", 0.0),
    ],
)
def test_typed_answer_variants_score(small_bank, tmp_path, answer, accepted, typed, score):
    """A response-processing check: the mapping the export writes, played against what a student types."""
    template = next(q for q in small_bank.questions if q.type == "short_answer")
    short = replace(template, answer=answer, accepted=accepted)
    cloze = replace(
        next(q for q in small_bank.questions if q.type == "cloze"),
        prompt=f"We speak of {{{{c1::{answer}}}}} here.",
        answer=answer,
        blanks=(answer,),
    )
    files, _ = export(replace(small_bank, questions=(short, cloze)), tmp_path)
    short_item = Player(files[f"items/{short.id}.xml"])
    assert short_item.play({"RESPONSE": typed})["SCORE"] == score
    if not accepted:  # a blank has no alternatives in the bank, only its variants
        cloze_item = Player(files[f"items/{cloze.id}.xml"])
        assert cloze_item.play({"RESPONSE_1": typed})["SCORE"] == score


def test_assessment_test_has_a_section_per_type(any_bank, tmp_path, schemas):
    files, _ = export(any_bank, tmp_path)
    test = files["assessment.xml"]
    assert [str(e) for e in schemas[0].iter_errors(io.BytesIO(test))] == []
    root = etree.fromstring(test)
    assert etree.QName(root).localname == "assessmentTest"
    sections = root.findall("q:testPart/q:assessmentSection", NS)
    kept = [q for q in any_bank.questions if q.type in EXPRESSED]
    assert [s.get("identifier") for s in sections] == [
        f"SECTION-{t}"
        for t in ("multiple_choice", "true_false", "short_answer", "cloze", "matching", "ordering")
        if any(q.type == t for q in kept)
    ]
    for section in sections:
        qtype = section.get("identifier").removeprefix("SECTION-")
        refs = section.findall("q:assessmentItemRef", NS)
        assert [r.get("identifier") for r in refs] == [q.id for q in kept if q.type == qtype]
        for ref in refs:
            assert etree.fromstring(files[ref.get("href")]).get("identifier") == ref.get(
                "identifier"
            )


def test_hostile_text_stays_text(hostile_bank, tmp_path, schemas):
    files, skipped = export(hostile_bank, tmp_path)
    assert skipped == {"basic": 1, "list_recall": 1}
    by_id = {q.id: q for q in hostile_bank.questions}
    for name, data in files.items():
        assert schemas[0 if name != "imsmanifest.xml" else 1].is_valid(io.BytesIO(data)), name
        root = etree.fromstring(data)
        assert not [
            e
            for e in root.iter()
            if isinstance(e.tag, str) and etree.QName(e).localname in ("script", "b")
        ]
        if name.startswith("items/"):
            question = by_id[root.get("identifier")]
            assert {k: read_item(data)[k] for k in expected(question)} == expected(question)


def test_same_bank_same_bytes(small_bank, tmp_path):
    Qti21Renderer().write(small_bank, tmp_path / "a.zip", RenderOptions(seed=3))
    Qti21Renderer().write(small_bank, tmp_path / "b.zip", RenderOptions(seed=3))
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()


def test_unknown_option_is_one_clear_error(small_bank, tmp_path):
    with pytest.raises(RenderError, match=r"quiz\.zip: invalid qti21 options: 'shuffle'"):
        export(small_bank, tmp_path, shuffle=True)


def test_package_matches_golden(small_bank, tmp_path, golden):
    files, _ = export(small_bank, tmp_path)
    golden("qti21", "bank-small", {name: data.decode("utf-8") for name, data in files.items()})


@pytest.mark.parametrize("bank_name", ["small_bank", "corpus_full_bank"])
def test_every_answer_with_an_article_scores_without_it(bank_name, request, tmp_path):
    """On the sample and every corpus question: a typed answer "the environment" also scores as "Environment"."""
    any_bank = request.getfixturevalue(bank_name)
    files, _ = export(any_bank, tmp_path)
    checked = 0
    for question in any_bank.questions:
        if question.type not in ("short_answer", "cloze"):
            continue
        player = Player(files[f"items/{question.id}.xml"])
        answers = (
            [question.answer]
            if question.type == "short_answer"
            else [b.answer for b in blanks_of(question.prompt)]
        )
        names = (
            ["RESPONSE"]
            if question.type == "short_answer"
            else [f"RESPONSE_{n}" for n in range(1, len(answers) + 1)]
        )
        for name, answer in zip(names, answers):
            words = answer.split()
            if len(words) > 1 and words[0].lower() in ("the", "a", "an"):
                typed = " ".join(words[1:]).capitalize()
                assert player.map_response_of(name, typed) == 1.0, (question.id, answer)
                checked += 1
    assert checked, "no answer with a leading article in this bank"
