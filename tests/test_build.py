"""`quizgen build` end to end on a small reading of our own, plus render/validate/sample."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgen.bank import read_bank
from quizgen.bank.schema import problems
from quizgen.build import build_recipe, plan, render_output, select
from quizgen.cli import app
from quizgen.config import Settings
from quizgen.errors import QuizgenError
from quizgen.models import Question, Source
from quizgen.recipe import Recipe, load_recipe
from quizgen.render import RENDERERS

ROOT = Path(__file__).resolve().parents[1]
SMALL = ROOT / "tests" / "roots" / "bank-small" / "bank.json"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"

READING = """\
---
title: How Rivers Shape the Land
author: B. Example
date: 2023-09-14
---

# Rivers

A river system has three parts: the source, the main channel and the mouth.
Erosion is the process by which water wears away rock and soil over time.
Deposition means the laying down of sediment carried by moving water.
The great flood of the valley happened in 1927, and the first levee was completed in 1931.
The dam across the upper valley opened in 1958.
The new bridge was finished in 1964.

# Landforms

River landforms include meanders, oxbow lakes, floodplains and deltas.
A delta is a landform that forms at the mouth of a river where it meets a slower body of water.
A meander is a winding curve or bend in a river.
"Every river carries the memory of the mountains it has crossed," said the geographer Mara Lindqvist.
"""


def project(tmp_path: Path, recipe: str = "outputs: {}\n") -> Path:
    """A folder with texts/reading.md and decks/unit.yaml over ../texts; returns the recipe path."""
    (tmp_path / "texts").mkdir(exist_ok=True)
    (tmp_path / "texts" / "reading.md").write_text(READING, encoding="utf-8")
    (tmp_path / "decks").mkdir(exist_ok=True)
    path = tmp_path / "decks" / "unit.yaml"
    path.write_text("title: Rivers\nsources: [../texts]\n" + recipe, encoding="utf-8")
    return path


def lines_without_built_at(path: Path) -> list[str]:
    return [line for line in path.read_text("utf-8").splitlines() if '"built_at"' not in line]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("build")
    result = build_recipe(load_recipe(project(tmp)), tmp / "out", Settings())
    return tmp, result


def test_build_writes_a_valid_bank_citing_the_reading(built):
    tmp, result = built
    assert result.ok, result.failures
    assert result.bank_path == tmp / "out" / "unit" / "bank.json"
    data = json.loads(result.bank_path.read_text("utf-8"))
    assert problems(data) == []
    assert data["title"] == "Rivers"
    assert [d["name"] for d in data["documents"]] == ["reading.md"]
    assert data["documents"][0]["title"] == "How Rivers Shape the Land"
    assert data["questions"], "the reading should give questions"
    assert sum(result.questions.values()) == len(data["questions"])
    assert sum(result.items.values()) > 0
    lines = READING.splitlines()
    for question in data["questions"]:
        for source in question["sources"]:
            assert source["document"] == "reading.md"
            first_words = " ".join(source["sentence"].split()[:3])
            assert first_words in lines[source["line"] - 1], (source, lines[source["line"] - 1])


def test_rebuild_is_byte_identical_apart_from_built_at(built):
    tmp, result = built
    again = build_recipe(load_recipe(tmp / "decks" / "unit.yaml"), tmp / "again", Settings())
    assert again.ok
    assert lines_without_built_at(again.bank_path) == lines_without_built_at(result.bank_path)


def test_counts_and_tags_from_the_recipe(built, tmp_path):
    _, full = built
    wanted_type = max(full.questions, key=full.questions.get)
    recipe = project(
        tmp_path,
        f"outputs: {{}}\ncounts: {{{wanted_type}: 1}}\ntags: {{exclude: ['kind::date']}}\n",
    )
    result = build_recipe(load_recipe(recipe), tmp_path / "out", Settings())
    bank = read_bank(result.bank_path)
    assert len(bank.by_type(wanted_type)) <= 1
    assert not any("kind::date" in q.tags for q in bank.questions)


def test_a_bad_file_is_reported_the_others_are_read_and_nothing_is_written(tmp_path):
    recipe = project(tmp_path)
    (tmp_path / "texts" / "empty.md").write_text("", encoding="utf-8")
    (tmp_path / "texts" / "blob.md").write_bytes(b"\x00\x01binary")
    result = build_recipe(load_recipe(recipe), tmp_path / "out", Settings())
    assert not result.ok
    assert any("empty.md" in f for f in result.failures)
    assert any("blob.md" in f for f in result.failures)
    assert result.documents == ("reading.md",)
    assert result.bank_path is None and not (tmp_path / "out").exists()


def test_a_failed_build_keeps_the_earlier_bank(tmp_path):
    recipe = project(tmp_path)
    first = build_recipe(load_recipe(recipe), tmp_path / "out", Settings())
    before = first.bank_path.read_bytes()
    (tmp_path / "texts" / "reading.md").write_text("", encoding="utf-8")
    second = build_recipe(load_recipe(recipe), tmp_path / "out", Settings())
    assert not second.ok and second.bank_path is None
    assert any("reading.md" in f for f in second.failures)
    assert first.bank_path.read_bytes() == before
    assert sorted(p.name for p in first.bank_path.parent.iterdir()) == [
        "bank.json",
        "candidates.json",
    ]


def question(qid: str, qtype: str, tags: tuple[str, ...] = ()) -> Question:
    return Question(
        id=qid,
        type=qtype,
        prompt="p",
        answer="a",
        explanation="e",
        sources=(Source("d.md", 1, "s"),),
        kind="definition",
        tags=tags,
    )


@pytest.mark.parametrize(
    ("counts", "include", "exclude", "expected"),
    [
        ({}, (), (), {"basic": 5, "cloze": 5}),
        ({"basic": 2}, (), (), {"basic": 2, "cloze": 5}),
        ({"basic": 0, "cloze": 9}, (), (), {"cloze": 5}),
        ({}, ("odd",), (), {"basic": 2, "cloze": 2}),
        ({}, (), ("odd",), {"basic": 3, "cloze": 3}),
        ({"cloze": 1}, ("odd",), (), {"basic": 2, "cloze": 1}),
    ],
)
def test_select(counts, include, exclude, expected):
    pool = [
        question(f"{t}-{i}", t, ("odd",) if i % 2 else ())
        for t in ("basic", "cloze")
        for i in range(5)
    ]
    recipe = Recipe(
        name="r",
        path=None,
        title="r",
        sources=(),
        outputs={},
        counts=counts,
        include_tags=include,
        exclude_tags=exclude,
    )
    chosen = select(pool, recipe, seed=3)
    assert {t: sum(q.type == t for q in chosen) for t in expected} == expected
    assert [q.id for q in chosen] == sorted(q.id for q in chosen)
    assert chosen == select(list(reversed(pool)), recipe, seed=3)  # seeded, order-independent


def test_sample_differs_with_the_seed():
    pool = [question(f"q-{i:02}", "basic") for i in range(30)]
    recipe = Recipe(name="r", path=None, title="r", sources=(), outputs={}, counts={"basic": 5})
    samples = {tuple(q.id for q in select(pool, recipe, seed=s)) for s in range(5)}
    assert len(samples) > 1


def test_an_output_name_leaving_the_folder_is_refused_at_build_time(tmp_path):
    if not RENDERERS.names():
        pytest.skip("no renderer is registered yet")
    name = RENDERERS.names()[0]
    recipe = Recipe(
        name="r", path=None, title="r", sources=(), outputs={name: {"file": "../../escaped"}}
    )
    result = render_output(read_bank(SMALL), recipe, name, tmp_path / "out" / "r", Settings())
    assert result.error and "leaves the output folder" in result.error
    assert not (tmp_path / "escaped").exists() and not (tmp_path / "out").exists()


def test_plan_builds_every_recipe_and_skips_optional_ones_only_when_implicit(tmp_path):
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "a.yaml").write_text("sources: [a.md]\noutputs: {}\n", encoding="utf-8")
    (decks / "b.yaml").write_text(
        "sources: [missing/*.txt]\noptional: true\noutputs: {}\n", encoding="utf-8"
    )
    (decks / "c.yaml").write_text("sources: [a.md]\nbogus: 1\n", encoding="utf-8")
    implicit = plan([], decks)
    assert [r.name for r in implicit.recipes] == ["a"]
    assert len(implicit.notes) == 1 and "b.yaml" in implicit.notes[0]
    assert len(implicit.problems) == 1 and "c.yaml:2: unknown key 'bogus'" in implicit.problems[0]
    named = plan([str(decks / "b.yaml"), str(tmp_path / "x.md")], decks)
    assert [r.name for r in named.recipes] == ["b", "x"]
    assert list(named.recipes[1].outputs) == RENDERERS.names()
    assert "no recipes" in plan([], tmp_path / "nothing-here").problems[0]


runner = CliRunner()


def test_cli_build_exit_codes_and_report(tmp_path):
    recipe = project(tmp_path)
    ok = runner.invoke(app, ["build", str(recipe), "--out", str(tmp_path / "out"), "--report"])
    assert ok.exit_code == 0, ok.output
    assert "unit:" in ok.stdout and "bank.json" in ok.stdout and "summary" in ok.stdout
    (tmp_path / "texts" / "broken.md").write_bytes(b"")
    bad = runner.invoke(app, ["build", str(recipe), "--out", str(tmp_path / "out")])
    assert bad.exit_code == 1
    assert "broken.md" in bad.stderr and "Traceback" not in bad.output


def test_cli_validate(tmp_path):
    good = runner.invoke(app, ["validate", str(SMALL)])
    assert good.exit_code == 0 and "valid bank (9 questions" in good.stdout
    data = json.loads(SMALL.read_text("utf-8"))
    data["questions"][4]["choices"] = ["x"]
    broken = tmp_path / "bank.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(broken)])
    assert result.exit_code == 1
    assert f"{broken}: $.questions[4].choices: has 1 item(s), needs at least 4" in result.stderr
    broken.write_text("{not json", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(broken)])
    assert result.exit_code == 1 and len(result.stderr.strip().splitlines()) == 1
    assert "not a JSON question bank" in result.stderr


def test_cli_validate_warns_about_a_stale_hash(tmp_path):
    data = json.loads(SMALL.read_text("utf-8"))
    data["content_hash"] = "0" * 64
    path = tmp_path / "bank.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0 and "content_hash does not match" in result.stderr


def test_cli_sample_is_seeded():
    first = runner.invoke(app, ["sample", str(SMALL), "--n", "3", "--seed", "4"])
    again = runner.invoke(app, ["sample", str(SMALL), "--n", "3", "--seed", "4"])
    assert first.exit_code == 0 and first.stdout == again.stdout
    assert (
        first.stdout.count("[") >= 3
        and "[3/3]" in first.stdout
        and "source sample.md:" in first.stdout
    )


def test_cli_render_unknown_format_names_the_allowed_ones(tmp_path):
    result = runner.invoke(app, ["render", "nope", str(SMALL), "-o", str(tmp_path / "x")])
    assert result.exit_code == 1
    assert "unknown format 'nope'" in result.stderr and all(
        n in result.stderr for n in RENDERERS.names()
    )


@pytest.mark.skipif("anki" not in RENDERERS, reason="the anki renderer is not registered")
def test_cli_render_an_existing_bank(tmp_path):
    result = runner.invoke(
        app, ["render", "anki", str(SMALL), "-o", str(tmp_path), "-O", "deck=Review"]
    )
    assert result.exit_code == 0, result.output
    assert f"wrote {tmp_path / 'bank-anki.apkg'}" in result.stdout
    assert (tmp_path / "bank-anki.apkg").stat().st_size > 0


@pytest.mark.slow
def test_the_sample_recipe_builds_end_to_end(tmp_path):
    samples = (
        [p for p in (ROOT / "samples").glob("*") if p.is_file()]
        if (ROOT / "samples").is_dir()
        else []
    )
    if not samples:
        pytest.skip("no sample document in samples/ yet")
    result = build_recipe(load_recipe(ROOT / "decks" / "sample.yaml"), tmp_path, Settings())
    assert result.ok, (result.failures, [o.error for o in result.outputs])
    assert problems(json.loads(result.bank_path.read_text("utf-8"))) == []
    assert {o.renderer for o in result.outputs} == set(
        load_recipe(ROOT / "decks" / "sample.yaml").outputs
    )
    assert all(o.written for o in result.outputs)


@pytest.mark.slow
@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="../shared/corpus is not there")
def test_shared_corpus_ids_are_stable_across_builds(tmp_path):
    recipe = replace(
        load_recipe(ROOT / "decks" / "shared-corpus.yaml"), outputs={}
    )  # the bank is enough
    first = build_recipe(recipe, tmp_path / "one", Settings())
    second = build_recipe(recipe, tmp_path / "two", Settings())
    assert first.ok and second.ok, (first.failures, second.failures)
    assert len(first.documents) >= 3
    ids = [q.id for q in read_bank(first.bank_path).questions]
    assert ids and ids == [q.id for q in read_bank(second.bank_path).questions]
    assert lines_without_built_at(first.bank_path) == lines_without_built_at(second.bank_path)


def test_cli_render_into_a_new_folder(tmp_path):
    name = next((n for n in RENDERERS.names() if RENDERERS.get(n).suffix != "/"), None)
    if name is None:
        pytest.skip("no one-file renderer is registered")
    result = runner.invoke(app, ["render", name, str(SMALL), "-o", f"{tmp_path / 'new'}/"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "new").is_dir() and len(list((tmp_path / "new").iterdir())) == 1


def test_help_stays_fast_no_heavy_import_at_cli_import():
    import subprocess
    import sys

    code = (
        "import sys, quizgen.cli; heavy = [m for m in ('spacy', 'jsonschema', 'quizgen.render', "
        "'quizgen.build', 'weasyprint', 'genanki') if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_an_output_with_a_total_gets_only_the_best_questions(tmp_path):
    import re

    bank = read_bank(SMALL)
    gift = RENDERERS.get("gift")
    best = max((q for q in bank.questions if q.type in gift.types), key=lambda q: q.id)
    scores = {q.id: (5.0 if q is best else 0.0) for q in bank.questions}
    recipe = Recipe(name="r", path=None, title="r", sources=(), outputs={"gift": {"total": 1}})
    result = render_output(bank, recipe, "gift", tmp_path / "r", Settings(), scores)
    assert result.error is None
    written = result.written[0].read_text(encoding="utf-8")
    assert re.findall(r"^::(.+?)::", written, re.MULTILINE) == [best.id]


@pytest.mark.parametrize("total", ["0", "many", "true"])
def test_a_bad_output_total_is_refused_when_the_recipe_is_read(tmp_path, total):
    recipe = tmp_path / "deck.yaml"
    recipe.write_text(f"sources: [a.md]\noutputs:\n  gift:\n    total: {total}\n", encoding="utf-8")
    with pytest.raises(QuizgenError, match=r"deck.yaml:4: outputs.gift.total: must be a whole"):
        load_recipe(recipe)
