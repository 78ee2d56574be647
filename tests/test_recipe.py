"""Deck recipes: validated like config.yaml, sources relative to the recipe, safe output names."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quizgen.errors import ConfigError
from quizgen.recipe import expand_sources, load_recipe, recipe_for_paths, unsafe_output_name
from quizgen.render import RENDERERS

ROOT = Path(__file__).resolve().parents[1]


def write(folder: Path, text: str, name: str = "deck.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def some_renderer() -> str:
    names = RENDERERS.names()
    if not names:
        pytest.skip("no renderer is registered yet")
    return names[0]


def test_a_full_recipe(tmp_path):
    (tmp_path / "readings").mkdir()
    name = some_renderer()
    path = write(
        tmp_path,
        f"""\
title: Unit 3
sources: [readings]
types: [cloze, multiple_choice]
counts: {{cloze: 5}}
tags: {{include: ["kind::definition"], exclude: ["doc::draft"]}}
seed: 7
outputs:
  {name}: {{file: unit3-{name}}}
""",
    )
    recipe = load_recipe(path)
    assert recipe.name == "deck" and recipe.title == "Unit 3"
    assert recipe.sources == (os.path.normpath(tmp_path / "readings"),)
    assert recipe.types == ("cloze", "multiple_choice")
    assert recipe.counts == {"cloze": 5} and recipe.seed == 7
    assert recipe.include_tags == ("kind::definition",) and recipe.exclude_tags == ("doc::draft",)
    assert recipe.output_name(name, ".x") == f"unit3-{name}"


def test_defaults_every_output_and_the_file_name_as_title(tmp_path):
    recipe = load_recipe(write(tmp_path, "sources: [a.md]\n", name="week-1.yaml"))
    assert recipe.title == "week-1"
    assert list(recipe.outputs) == RENDERERS.names()
    assert recipe.types is None and recipe.counts == {} and recipe.seed is None


def test_outputs_as_a_plain_list(tmp_path):
    name = some_renderer()
    recipe = load_recipe(write(tmp_path, f"sources: [a.md]\noutputs: [{name}]\n"))
    assert recipe.outputs == {name: {}}


@pytest.mark.parametrize(
    ("renderer", "suffix", "expected"),
    [
        ("anki", ".apkg", "unit-anki.apkg"),
        ("qti21", ".zip", "unit-qti21.zip"),
        ("gift", ".gift.txt", "unit-gift.txt"),
        ("worksheet", "/", "worksheet"),
    ],
)
def test_default_output_names(renderer, suffix, expected):
    recipe = recipe_for_paths(["unit.md"])
    assert recipe.output_name(renderer, suffix) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "sources: [a.md]\ncolour: blue\n",
            r"deck.yaml:2: unknown key 'colour' \(allowed: best, counts, .*title, total, types\)",
        ),
        (
            "sources: [a.md]\ntags:\n  include: [x]\n  excude: [y]\n",
            r"deck.yaml:4: unknown key 'tags.excude' \(allowed: exclude, include\)",
        ),
        ("title: x\n", r"deck.yaml: 'sources' is required"),
        ("sources: []\n", r"deck.yaml:1: 'sources' is \[\]; allowed: at least 1"),
        (
            "sources: [a.md]\ntypes: [cloze, essay]\n",
            r"deck.yaml:2: 'types\[1\]' is essay; allowed: 'basic'",
        ),
        (
            "sources: [a.md]\ncounts:\n  essay: 3\n",
            r"deck.yaml:3: 'counts.essay.*' is essay; allowed: 'basic'",
        ),
        (
            "sources: [a.md]\ncounts:\n  cloze: -1\n",
            r"deck.yaml:3: 'counts.cloze' is -1; allowed: a number of at least 0",
        ),
        ("sources: [a.md]\nseed: many\n", r"deck.yaml:2: 'seed' is many; allowed: a whole number"),
        (
            "sources: [a.md]\noutputs:\n  pdf_book: {}\n",
            r"deck.yaml:3: unknown output 'pdf_book' \(allowed: ",
        ),
        ("- just\n- a list\n", r"deck.yaml:1: a recipe must be a mapping"),
        ("sources: [a.md\n", r"deck.yaml:2: invalid YAML"),
    ],
)
def test_recipe_errors_name_file_key_and_line(tmp_path, text, expected):
    with pytest.raises(ConfigError, match=expected) as info:
        load_recipe(write(tmp_path, text))
    assert "\n" not in str(info.value)


def test_unknown_output_lists_every_registered_renderer(tmp_path):
    with pytest.raises(ConfigError) as info:
        load_recipe(write(tmp_path, "sources: [a.md]\noutputs: {nope: {}}\n"))
    for name in RENDERERS.names():
        assert name in str(info.value)


@pytest.mark.parametrize(
    "name", ["../../etc/passwd", "/etc/passwd", "a/../../b", "..\\..\\win.ini", "C:\\x"]
)
def test_output_names_that_escape_the_output_folder_are_refused(tmp_path, name):
    renderer = some_renderer()
    text = f"sources: [a.md]\noutputs:\n  {renderer}:\n    file: '{name}'\n"
    with pytest.raises(
        ConfigError, match=rf"deck.yaml:4: outputs.{renderer}.file: .*(leaves|absolute)"
    ):
        load_recipe(write(tmp_path, text))


@pytest.mark.parametrize("name", ["deck.apkg", "sub/deck.apkg", "my..deck.apkg", "./x"])
def test_output_names_inside_the_folder_are_fine(name):
    assert unsafe_output_name(name) is None


def test_sources_are_relative_to_the_recipe_folder_and_globs_expand(tmp_path):
    (tmp_path / "decks").mkdir()
    (tmp_path / "texts").mkdir()
    for name in ("b.txt", "a.txt", "notes.md"):
        (tmp_path / "texts" / name).write_text("x", encoding="utf-8")
    recipe = load_recipe(
        write(tmp_path / "decks", "sources: ['../texts/*.txt', ../missing.md, '../none/*.txt']\n")
    )
    found, missing = expand_sources(recipe)
    assert found == [os.path.normpath(tmp_path / "texts" / n) for n in ("a.txt", "b.txt")]
    assert len(missing) == 2
    assert "missing.md' does not exist" in missing[0] and "matches no file" in missing[1]
    assert all(str(recipe.path) in m for m in missing)


def test_default_recipe_for_plain_paths(tmp_path):
    doc = tmp_path / "chapter.md"
    doc.write_text("x", encoding="utf-8")
    recipe = recipe_for_paths([str(doc)])
    assert recipe.name == "chapter" and recipe.path is None
    assert list(recipe.outputs) == RENDERERS.names()


@pytest.mark.parametrize("name", ["sample.yaml", "shared-corpus.yaml"])
def test_shipped_recipes_are_valid(name):
    recipe = load_recipe(ROOT / "decks" / name)
    assert recipe.sources


def test_shared_corpus_recipe_asks_for_every_output():
    recipe = load_recipe(ROOT / "decks" / "shared-corpus.yaml")
    assert set(recipe.outputs) == set(RENDERERS.names())


def test_renderer_options_are_checked_with_their_line_when_the_renderer_declares_them(
    tmp_path, monkeypatch
):
    from pydantic import BaseModel, ConfigDict

    class Options(BaseModel):
        model_config = ConfigDict(extra="forbid")
        versions: int = 1

    name = some_renderer()
    monkeypatch.setattr(RENDERERS.get(name), "options_model", Options, raising=False)
    ok = load_recipe(
        write(tmp_path, f"sources: [a.md]\noutputs:\n  {name}:\n    versions: 2\n    file: x\n")
    )
    assert ok.outputs[name] == {"versions": 2, "file": "x"}
    with pytest.raises(
        ConfigError,
        match=rf"deck.yaml:5: outputs.{name}: unknown key 'verions' \(allowed: versions\)",
    ):
        load_recipe(
            write(tmp_path, f"sources: [a.md]\noutputs:\n  {name}:\n    file: x\n    verions: 2\n")
        )


def test_a_plain_paths_build_prints_a_worksheet_of_the_best_questions():
    from quizgen.recipe import DEFAULT_WORKSHEET_QUESTIONS, recipe_for_paths

    recipe = recipe_for_paths(["docs"])
    assert recipe.outputs["worksheet"] == {"total": DEFAULT_WORKSHEET_QUESTIONS}
    assert all(options == {} for name, options in recipe.outputs.items() if name != "worksheet")
