"""The incremental cache: exact round trips, nothing re-read when unchanged, one file re-read when one changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quizgen.extract
import quizgen.ingest
from quizgen.cache import Cache, document_from_dict, item_from_dict
from quizgen.config import Settings
from quizgen.models import item_to_dict
from quizgen.parallel import read_sources

SHARED_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

READING = """\
---
title: Tides and Currents
author: C. Example
date: 2022-04-02
---

# Tides

The ocean has three kinds of tide: diurnal, semidiurnal and mixed.
A spring tide is a tide with the greatest range between high and low water.
The first tide table for the harbour was printed in 1833.
"The sea keeps its appointments better than any clock," said the harbourmaster Ines Varga.
"""


def write_readings(folder: Path, count: int = 3) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"reading{n}.md"
        path.write_text(
            READING.replace("printed in 1833", f"printed in {1833 + n}"), encoding="utf-8"
        )
        paths.append(path)
    return paths


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.model_validate(
        {"cache_dir": str(tmp_path / "cache"), "extract": {"pipeline": "blank"}}
    )


@pytest.fixture
def calls(monkeypatch) -> dict[str, list[str]]:
    """Counts the real ingest and extract calls by file."""
    seen: dict[str, list[str]] = {"ingest": [], "extract": []}
    load, extract = quizgen.ingest.load_document, quizgen.extract.extract_document

    def counted_load(path, settings=None):
        seen["ingest"].append(Path(path).name)
        return load(path, settings)

    def counted_extract(doc, settings=None):
        seen["extract"].append(doc.name)
        return extract(doc, settings)

    monkeypatch.setattr(quizgen.ingest, "load_document", counted_load)
    monkeypatch.setattr(quizgen.extract, "extract_document", counted_extract)
    return seen


def build_sources(folder: Path, settings: Settings):
    cache = Cache(settings.cache_dir, settings)
    read = read_sources([str(folder)], settings, cache=cache, jobs=1)
    assert read.failures == ()
    return read.sources, cache


def json_round_trip(data):
    return json.loads(json.dumps(data))


def test_document_and_items_round_trip_through_json(tmp_path, settings):
    path = write_readings(tmp_path / "texts", 1)[0]
    document = quizgen.ingest.load_document(path, settings)
    items = quizgen.extract.extract_document(document, settings)
    assert items, "the reading should give items to round-trip"
    assert document_from_dict(json_round_trip(document.to_dict())) == document
    assert [item_from_dict(json_round_trip(item_to_dict(i))) for i in items] == items


def test_corpus_documents_round_trip(settings):
    if not SHARED_CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {SHARED_CORPUS}")
    for path in sorted(SHARED_CORPUS.glob("*.txt")):
        document = quizgen.ingest.load_document(path, settings)
        assert document_from_dict(json_round_trip(document.to_dict())) == document, path.name


def test_unchanged_rebuild_reads_nothing(tmp_path, settings, calls):
    write_readings(tmp_path / "texts")
    first, _ = build_sources(tmp_path / "texts", settings)
    assert sorted(calls["extract"]) == ["reading0.md", "reading1.md", "reading2.md"]
    calls["ingest"].clear(), calls["extract"].clear()

    again, cache = build_sources(tmp_path / "texts", settings)
    assert calls == {"ingest": [], "extract": []}
    assert (cache.hits, cache.misses) == (3, 0)
    assert again == first


def test_one_changed_document_is_the_only_one_read_again(tmp_path, settings, calls):
    paths = write_readings(tmp_path / "texts")
    build_sources(tmp_path / "texts", settings)
    calls["ingest"].clear(), calls["extract"].clear()
    paths[1].write_text(READING.replace("Ines Varga", "Ines Varga-Lund"), encoding="utf-8")

    read, cache = build_sources(tmp_path / "texts", settings)
    assert calls == {"ingest": ["reading1.md"], "extract": ["reading1.md"]}
    assert (cache.hits, cache.misses) == (2, 1)
    assert "Varga-Lund" in " ".join(p.text for p in read[1][0].paragraphs)


def test_an_extract_setting_change_reads_everything_again(tmp_path, settings, calls):
    write_readings(tmp_path / "texts", 2)
    build_sources(tmp_path / "texts", settings)
    changed = settings.model_copy(
        update={"extract": settings.extract.model_copy(update={"min_quote_words": 5})}
    )
    calls["extract"].clear()
    build_sources(tmp_path / "texts", changed)
    assert sorted(calls["extract"]) == ["reading0.md", "reading1.md"]


def test_corrupt_entries_are_ignored_and_rebuilt(tmp_path, settings, calls):
    write_readings(tmp_path / "texts", 2)
    first, _ = build_sources(tmp_path / "texts", settings)
    entries = sorted(Path(settings.cache_dir).rglob("*.json"))
    assert len(entries) == 2
    entries[0].write_text('{"key": "truncated', encoding="utf-8")
    entries[1].write_text(
        json.dumps({"key": "another", "document": {}, "items": []}), encoding="utf-8"
    )
    calls["extract"].clear()

    again, cache = build_sources(tmp_path / "texts", settings)
    assert again == first
    assert cache.misses == 2 and len(calls["extract"]) == 2
    calls["extract"].clear()
    build_sources(tmp_path / "texts", settings)  # rewritten: reused this time
    assert calls["extract"] == []
    assert not list(Path(settings.cache_dir).rglob("*.tmp"))


def test_same_bytes_elsewhere_are_reused_under_their_own_name(tmp_path, settings, calls):
    original = write_readings(tmp_path / "a", 1)[0]
    build_sources(tmp_path / "a", settings)
    (tmp_path / "b").mkdir()
    copy = tmp_path / "b" / "copy.md"
    copy.write_bytes(original.read_bytes())
    calls["extract"].clear()

    read, _ = build_sources(tmp_path / "b", settings)
    assert calls["extract"] == []
    document, items = read[0]
    assert (document.path, document.name) == (str(copy), "copy.md")
    assert {i.source.document for i in items} == {"copy.md"}


def test_bad_files_are_reported_not_cached(tmp_path, settings):
    folder = tmp_path / "texts"
    write_readings(folder, 1)
    (folder / "empty.md").write_text("   \n", encoding="utf-8")
    cache = Cache(settings.cache_dir, settings)
    read = read_sources([str(folder), str(tmp_path / "missing")], settings, cache=cache, jobs=1)
    assert [d.name for d, _ in read.sources] == ["reading0.md"]
    assert any("empty.md" in f for f in read.failures)
    assert any("missing" in f for f in read.failures)
    assert len(list(Path(settings.cache_dir).rglob("*.json"))) == 1


# A whole build: reused when nothing changed, made again when anything that shapes it did.


@pytest.fixture
def generations(monkeypatch) -> list[int]:
    import quizgen.pipeline

    counted: list[int] = []
    real = quizgen.pipeline.generate

    def counting(reading, settings, types=None, **options):
        counted.append(len(reading.sources))
        return real(reading, settings, types, **options)

    monkeypatch.setattr(quizgen.pipeline, "generate", counting)
    return counted


def build_unit(tmp_path: Path, settings: Settings):
    from quizgen.build import build_recipe
    from quizgen.recipe import load_recipe

    recipe = tmp_path / "unit.yaml"
    if not recipe.exists():
        recipe.write_text(
            "title: Tides\nsources: [texts]\noutputs: [gift, csv]\n", encoding="utf-8"
        )
    result = build_recipe(load_recipe(recipe), tmp_path / "out", settings)
    assert result.ok, result.failures
    return result


def test_an_unchanged_build_is_reused_whole(tmp_path, settings, calls, generations):
    write_readings(tmp_path / "texts", 2)
    first = build_unit(tmp_path, settings)
    outputs = {p: p.read_bytes() for p in (tmp_path / "out").rglob("*") if p.is_file()}
    calls["ingest"].clear(), calls["extract"].clear()

    again = build_unit(tmp_path, settings)
    assert again.reused and generations == [2]
    assert calls == {"ingest": [], "extract": []}
    assert (again.documents, again.items, again.questions) == (
        first.documents,
        first.items,
        first.questions,
    )
    assert [(o.renderer, o.written) for o in again.outputs] == [
        (o.renderer, o.written) for o in first.outputs
    ]
    assert {p: p.read_bytes() for p in (tmp_path / "out").rglob("*") if p.is_file()} == outputs


@pytest.mark.parametrize("change", ["source", "seed", "recipe", "deleted output"])
def test_a_build_is_made_again_when_anything_it_depends_on_changed(
    tmp_path, settings, generations, change
):
    paths = write_readings(tmp_path / "texts", 2)
    first = build_unit(tmp_path, settings)
    if change == "source":
        paths[0].write_text(READING.replace("Tides", "Tides and Waves"), encoding="utf-8")
    elif change == "seed":
        settings = settings.model_copy(
            update={"generate": settings.generate.model_copy(update={"seed": 7})}
        )
    elif change == "recipe":
        (tmp_path / "unit.yaml").write_text(
            "title: Tides\nsources: [texts]\noutputs: [gift]\n", encoding="utf-8"
        )
    else:
        first.outputs[0].written[0].unlink()
    again = build_unit(tmp_path, settings)
    assert not again.reused and generations == [2, 2]
    assert all(p.exists() for o in again.outputs for p in o.written)


def test_marks_list_items_and_block_quotes_round_trip(tmp_path, settings):
    path = tmp_path / "structure.md"
    path.write_text(
        "# Kinds\n\nThe council has **three** kinds of _members_ in all of its sittings.\n\n"
        "- elected members\n- appointed members\n\n> A quotation set off from the text, long enough.\n",
        encoding="utf-8",
    )
    document = quizgen.ingest.load_document(path, settings)
    assert any(s.marks for s in document.sentences)
    assert any(p.list_item for p in document.paragraphs) and any(
        p.block_quote for p in document.paragraphs
    )
    assert document_from_dict(json_round_trip(document.to_dict())) == document
