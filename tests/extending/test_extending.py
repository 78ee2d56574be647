"""A new item kind, question type and renderer, registered from this folder without
editing the package, carried through every stage: ingest, extract, generate, bank
(schema check, file, cache form), render. The worked example of docs/extending.md."""

from __future__ import annotations

import contextlib
import csv

import pytest
from pydantic import ValidationError

from quizgen.bank import Bank, DocumentInfo, read_bank, write_bank
from quizgen.cache import item_from_dict
from quizgen.config import Settings
from quizgen.extract import KINDS, extract_document, kinds_of
from quizgen.extract.report import describe
from quizgen.generate import QUESTION_TYPES, generate_questions
from quizgen.ingest import load_document
from quizgen.models import item_to_dict
from quizgen.render import RENDERERS, RenderOptions, anki, gift

from . import toy_kind, toy_renderer, toy_type

TEXT = """# Harbour notes

The Harbour Safety Board (HSB) inspects every pier each spring.

Ships call the Port Traffic Office (PTO) before they enter the bay.

The Board of Fisheries (BF) sets the catch limits for the coming year.

The harbour wall was finished in 1887.
"""


@pytest.fixture
def registered():
    """The toy kind, type and renderer registered as a plug-in would, and taken out again."""
    entries = [
        (KINDS, "acronym", toy_kind.KIND),
        (QUESTION_TYPES, "expansion", toy_type.TYPE),
        (QUESTION_TYPES.get("basic").by_kind, "acronym", toy_type.ask_basic),
        (anki.FIELDS, "expansion", anki.basic_fields),  # Anki shows it as a basic note
        (gift.WRITERS, "expansion", gift.short_answer),  # GIFT: a typed answer
        (RENDERERS, "glossary", toy_renderer.GlossaryRenderer()),
    ]
    with contextlib.ExitStack() as registrations:
        for registry, name, entry in entries:
            registry.register(name, entry)
            registrations.callback(registry.unregister, name)
        yield


def test_settings_know_only_registered_kinds_and_types():
    with pytest.raises(ValidationError, match="acronym"):
        Settings(extract={"kinds": ["acronym"]})
    with pytest.raises(ValidationError, match="expansion"):
        Settings(generate={"types": ["expansion"]})


def test_a_toy_kind_type_and_renderer_go_through_every_stage(registered, tmp_path):
    settings = Settings(
        extract={"kinds": ["acronym", "date"]},
        generate={"types": ["expansion", "basic", "short_answer"]},
    )
    assert "acronym" in kinds_of(Settings())  # "all" now includes it
    source = tmp_path / "harbour.md"
    source.write_text(TEXT, encoding="utf-8")

    document = load_document(source, settings)  # ingest
    items = extract_document(document, settings)  # extract
    acronyms = [i for i in items if i.kind == "acronym"]
    assert [describe(i) for i in acronyms] == [
        "HSB = Harbour Safety Board",
        "PTO = Port Traffic Office",
        "BF = Board of Fisheries",
    ]
    assert any(i.kind == "date" for i in items)
    assert [item_from_dict(item_to_dict(i)) for i in items] == items  # the cache's form

    generated = generate_questions([(document, items)], settings)  # generate
    asked = {(q.type, q.prompt): q for q in generated.questions}
    expansion = asked["expansion", "What is HSB, written out in full?"]
    assert expansion.answer == "Harbour Safety Board" and expansion.id.startswith("exp-")
    assert expansion.kind == "acronym" and expansion.sources[0].line == 3
    assert asked["basic", "What is the short form of Port Traffic Office?"].answer == "PTO"
    assert any(q.kind == "date" for q in generated.questions)  # the built-in kinds still ask

    info = DocumentInfo(document.name, document.path, document.checksum)
    bank = Bank(title="Harbour", questions=generated.questions, documents=(info,))
    path = write_bank(bank, tmp_path / "bank.json")  # bank: schema-checked with the new names
    assert read_bank(path).questions == bank.questions

    glossary = RENDERERS.get("glossary").write(bank, tmp_path / "g.glossary.txt", RenderOptions())
    text = glossary.written[0].read_text(encoding="utf-8")
    assert "What is BF, written out in full?\n  Board of Fisheries\n" in text
    assert glossary.skipped == {}

    flashcards = RENDERERS.get("csv").write(bank, tmp_path / "csv", RenderOptions())
    with (tmp_path / "csv" / "terms.csv").open(encoding="utf-8", newline="") as rows:
        assert ["What is PTO, written out in full?", "Port Traffic Office"] in list(
            csv.reader(rows)
        )
    assert flashcards.skipped == {}

    deck = RENDERERS.get("anki").write(bank, tmp_path / "d.apkg", RenderOptions())
    assert deck.skipped == {}

    typed = RENDERERS.get("gift").write(bank, tmp_path / "q.gift.txt", RenderOptions())
    text = typed.written[0].read_text(encoding="utf-8")
    assert "[plain]What is HSB, written out in full? {\n=Harbour Safety Board" in text
    assert "expansion" not in typed.skipped and typed.skipped["basic"] > 0  # GIFT has no basic

    # The worksheet prints a type it has no template of as a prompt with answer lines,
    # under the type's registry label; the key gives its answer.
    sheet = RENDERERS.get("worksheet").write(
        bank, tmp_path / "sheet", RenderOptions(extra={"formats": ["html"]})
    )
    assert sheet.skipped == {}
    html = {p.name: p.read_text(encoding="utf-8") for p in sheet.written}
    student = next(text for name, text in html.items() if not name.endswith("-key.html"))
    key = next(text for name, text in html.items() if name.endswith("-key.html"))
    assert "<h2>Expansion</h2>" in student
    assert "What is BF, written out in full?" in student
    assert "<strong>Board of Fisheries</strong>" in key


def test_everything_registered_is_taken_out_again(registered):
    """The fixture leaves the registries as it found them, for the tests that follow."""
    assert "acronym" in KINDS and "expansion" in QUESTION_TYPES


def test_registries_are_back_to_the_built_in_entries():
    assert "acronym" not in KINDS and "expansion" not in QUESTION_TYPES
    assert "glossary" not in RENDERERS and "expansion" not in anki.FIELDS
    assert "expansion" not in gift.WRITERS
    assert "acronym" not in QUESTION_TYPES.get("basic").by_kind
