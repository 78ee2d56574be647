"""The pipeline service: an incremental build gives the bank a cold build gives, remaking only
what a change touched."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from quizgen import pipeline
from quizgen.build import build_recipe
from quizgen.config import Settings
from quizgen.recipe import Recipe

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
ADDED = (
    "\n\nA tidewatch is a small stone tower that keeps a written record of the sea level. "
    "The first tidewatch on the coast was built by the harbour board in 1907.\n"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    if not SHARED_CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {SHARED_CORPUS}")
    folder = tmp_path / "texts"
    folder.mkdir()
    for path in [*sorted(SHARED_CORPUS.glob("*.txt")), *sorted((ROOT / "samples").glob("*.md"))]:
        shutil.copy(path, folder / path.name)
    return folder


def settings_for(cache: Path) -> Settings:
    return Settings.model_validate({"cache_dir": str(cache)})


def recipe_for(folder: Path) -> Recipe:
    return Recipe(
        name="unit",
        path=None,
        title="Unit",
        sources=(str(folder),),
        outputs={"gift": {}, "csv": {}},
    )


def bank_without_time(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("built_at")
    return data


def change(folder: Path, how: str) -> None:
    path = sorted(folder.glob("*.txt"))[0]
    text = path.read_text(encoding="utf-8")
    if how == "fact added":  # new items: the pools other documents draw from change
        path.write_text(text.rstrip() + ADDED, encoding="utf-8")
    elif how == "half cut":  # items gone
        path.write_text(text[: len(text) // 2].rsplit("\n", 1)[0] + "\n", encoding="utf-8")
    else:  # the bytes change, the facts do not
        path.write_text(text.rstrip() + "\n\n\n", encoding="utf-8")


@pytest.mark.parametrize("how", ["no fact changed", "fact added", "half cut"])
def test_an_incremental_build_gives_the_bank_of_a_cold_build(tmp_path, corpus, how):
    settings = settings_for(tmp_path / "cache")
    first = build_recipe(recipe_for(corpus), tmp_path / "out", settings)
    assert first.ok, first.failures
    change(corpus, how)

    again = build_recipe(recipe_for(corpus), tmp_path / "out", settings)
    cold = build_recipe(recipe_for(corpus), tmp_path / "cold", settings_for(tmp_path / "fresh"))
    assert again.ok and cold.ok and not again.reused
    assert bank_without_time(again.bank_path) == bank_without_time(cold.bank_path)
    for mine, theirs in zip(again.outputs, cold.outputs, strict=True):
        assert [p.read_bytes() for p in mine.written] == [p.read_bytes() for p in theirs.written]


def test_only_documents_a_change_touches_are_generated_again(tmp_path, corpus):
    settings = settings_for(tmp_path / "cache")
    cold = pipeline.generate(pipeline.read([str(corpus)], settings, jobs=1), settings)
    assert (cold.reused, cold.made) == (0, 4)

    unchanged = pipeline.generate(pipeline.read([str(corpus)], settings, jobs=1), settings)
    assert (unchanged.reused, unchanged.made) == (4, 0)
    assert (unchanged.questions, unchanged.scores) == (cold.questions, cold.scores)
    assert [(r.question, r.reason) for r in unchanged.rejections] == [
        (r.question, r.reason) for r in cold.rejections
    ]

    change(corpus, "no fact changed")
    edited = pipeline.generate(pipeline.read([str(corpus)], settings, jobs=1), settings)
    assert (edited.reused, edited.made) == (3, 1)  # the edited document alone
    assert edited.questions == cold.questions


def test_an_unchanged_output_is_not_written_again(tmp_path, corpus):
    settings = settings_for(tmp_path / "cache")
    first = build_recipe(recipe_for(corpus), tmp_path / "out", settings)
    written = {p: p.stat().st_mtime_ns for o in first.outputs for p in o.written}
    bank_time = first.bank_path.stat().st_mtime_ns
    change(corpus, "no fact changed")  # the bank's checksum changes; no output prints it

    again = build_recipe(recipe_for(corpus), tmp_path / "out", settings)
    assert again.ok and not again.reused
    assert {p: p.stat().st_mtime_ns for o in again.outputs for p in o.written} == written
    assert again.bank_path.stat().st_mtime_ns != bank_time  # the checksum is in the bank


def test_workers_make_the_questions_one_process_makes(tmp_path, corpus, monkeypatch):
    import quizgen.parallel as parallel

    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 0)  # the test corpus is small
    monkeypatch.setattr(pipeline, "GENERATION_MIN_BYTES", 0)  # and no reading started workers
    settings = settings_for(tmp_path / "cache")
    reading = pipeline.read([str(corpus)], settings, jobs=1)
    alone = pipeline.generate(reading, settings, cache=False)
    with pipeline.Workers(settings, 2) as workers:
        shared = pipeline.generate(reading, settings, workers=workers)
        assert workers._pool is not None  # the work did go to the workers
    assert (shared.questions, shared.scores) == (alone.questions, alone.scores)
    assert [r.reason for r in shared.rejections] == [r.reason for r in alone.rejections]
    # What the workers recorded serves a later build in one process.
    again = pipeline.generate(reading, settings)
    assert (again.reused, again.questions) == (4, alone.questions)


def test_generation_alone_starts_no_workers_for_a_few_documents(tmp_path, corpus, monkeypatch):
    import quizgen.parallel as parallel

    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 0)  # enough for reading to use them
    settings = settings_for(tmp_path / "cache")
    reading = pipeline.read([str(corpus)], settings, jobs=1)
    with pipeline.Workers(settings, 2) as workers:
        pipeline.generate(reading, settings, workers=workers)
        assert not workers.started  # spaCy is loaded here already; workers would load it again
