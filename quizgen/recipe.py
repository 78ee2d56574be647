"""Deck recipes (decks/*.yaml): which sources, which questions, which outputs.

A recipe is validated like config.yaml: unknown keys and bad values are reported
with the file, the key and its line. Source paths are relative to the recipe's own
folder, so a recipe works from any working directory. Output names are relative to
the recipe's output folder (OUT/<recipe name>/) and may not leave it.
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Annotated, Any, Literal

from pydantic import Field

from . import generate  # noqa: F401  (its registry checks the type names a recipe gives)
from .config import QuestionTypeName as QuestionType
from .config import Section, parse_yaml, validate
from .errors import ConfigError

FILE_OPTION = "file"  # per-output option naming what is written, relative to OUT/<recipe>/
# Per-output option: only the N best questions of the bank, by rank, as one test (build.py).
TOTAL_OPTION = "total"
BUILD_OPTIONS = (FILE_OPTION, TOTAL_OPTION)


class TagFilter(Section):
    include: list[str] = Field(
        default_factory=list,
        description="Keep only questions with at least one of these tags (empty: all).",
    )
    exclude: list[str] = Field(
        default_factory=list, description="Drop questions with any of these tags."
    )


class RecipeSchema(Section):
    """What a deck recipe may say; every key is optional except `sources`."""

    title: str | None = Field(
        None, description="Title of the bank and outputs (default: the recipe's file name)."
    )
    sources: list[str] = Field(
        ...,
        min_length=1,
        description="Files, folders or glob patterns (`corpus/*.txt`), relative to the recipe's folder.",
    )
    optional: bool = Field(
        False,
        description="When a source is missing, `quizgen build` without arguments skips this recipe "
        "with a note instead of failing (for material outside the project).",
    )
    types: list[QuestionType] | None = Field(
        None, description="Question types to make (default: generate.types)."
    )
    counts: dict[QuestionType, Annotated[int, Field(ge=0)]] = Field(
        default_factory=dict,
        description="At most this many questions of a type, a seeded sample (default: all).",
    )
    best: dict[QuestionType, Annotated[int, Field(ge=0)]] = Field(
        default_factory=dict,
        description="The N best questions of a type, by rank (centrality of the fact, "
        "then form). With `best` or `total` the recipe is one test: no fact is asked twice and no "
        "question prints another's answer.",
    )
    total: Annotated[int, Field(ge=1)] | None = Field(
        None,
        description="The N best questions overall, taken in rounds over the types so every type is "
        "there (a test of N questions; see `best`).",
    )
    tags: TagFilter = TagFilter()
    review: Literal["optional", "required"] = Field(
        "optional",
        description="required: only questions a teacher approved in `quizgen review` reach the "
        "outputs; optional: rejected questions are left out and the others kept.",
    )
    seed: int | None = Field(
        None, description="Seed for distractors and the sample (default: generate.seed)."
    )
    outputs: Any = Field(  # checked in _outputs against the registered renderers
        None,
        description="Renderer name -> its options (default: every renderer). "
        "`file` names what is written inside OUT/<recipe>/.",
    )


@dataclass(frozen=True)
class Recipe:
    """A validated recipe with its sources resolved and outputs filled in."""

    name: str  # the output folder's name: the recipe's file stem
    path: Path | None  # the recipe file; None for a build of plain paths
    title: str
    sources: tuple[str, ...]  # as resolved against the recipe folder (glob patterns kept)
    outputs: dict[str, dict[str, Any]]  # renderer name -> options, in recipe order
    types: tuple[str, ...] | None = None
    counts: dict[str, int] = field(default_factory=dict)
    best: dict[str, int] = field(default_factory=dict)
    total: int | None = None
    include_tags: tuple[str, ...] = ()
    exclude_tags: tuple[str, ...] = ()
    seed: int | None = None
    optional: bool = False
    review_required: bool = False

    @property
    def review_file(self) -> Path | None:
        """The teacher's decisions beside the recipe (decks/unit.review.yaml); None for plain paths."""
        from .review.decisions import review_path_for

        return review_path_for(self.path) if self.path else None

    def output_name(self, renderer: str, suffix: str) -> str:
        """What an output writes inside OUT/<name>/: the `file` option or the default name."""
        given = self.outputs.get(renderer, {}).get(FILE_OPTION)
        return str(given) if given else default_output_name(self.name, renderer, suffix)


def default_output_name(stem: str, renderer: str, suffix: str) -> str:
    """A folder is named after its renderer ("worksheet"); a file is "<stem>-<renderer><suffix>"
    ("unit-qti21.zip"), the renderer said once ("unit-gift.txt", not "unit-gift.gift.txt")."""
    if suffix == "/":
        return renderer
    return f"{stem}-{renderer}{suffix.removeprefix('.' + renderer)}"


def renderer_names() -> list[str]:
    from .render import RENDERERS

    return RENDERERS.names()


def load_recipe(path: str | Path) -> Recipe:
    """Read and validate a recipe; raises ConfigError naming the file, key and line."""
    path = Path(path)
    data, lines = parse_yaml(path)
    if data is not None and not isinstance(data, dict):
        raise ConfigError(
            "a recipe must be a mapping of keys (title, sources, outputs, ...)", str(path), 1
        )
    schema: RecipeSchema = validate(RecipeSchema, data, path, lines)
    outputs = _outputs(schema.outputs, path, lines)
    folder = path.parent
    return Recipe(
        name=path.stem,
        path=path,
        title=schema.title or path.stem,
        sources=tuple(_join(folder, s) for s in schema.sources),
        outputs=outputs,
        types=tuple(schema.types) if schema.types is not None else None,
        counts=dict(schema.counts),
        best=dict(schema.best),
        total=schema.total,
        include_tags=tuple(schema.tags.include),
        exclude_tags=tuple(schema.tags.exclude),
        seed=schema.seed,
        optional=schema.optional,
        review_required=schema.review == "required",
    )


# A worksheet of a plain-paths build: the best questions, however large the corpus (the bank
# and the exports keep every question; laying out thousands of pages takes minutes).
DEFAULT_WORKSHEET_QUESTIONS = 40


def recipe_for_paths(paths: list[str]) -> Recipe:
    """The default recipe for `quizgen build PATH...`: every question in the bank and the exports,
    and a worksheet of the best questions, of a printable size."""
    first = Path(paths[0])
    name = (first.stem if first.suffix and not first.is_dir() else first.resolve().name) or "build"
    outputs: dict[str, dict[str, Any]] = {r: {} for r in renderer_names()}
    if "worksheet" in outputs:
        outputs["worksheet"] = {TOTAL_OPTION: DEFAULT_WORKSHEET_QUESTIONS}
    return Recipe(name=name, path=None, title=name, sources=tuple(paths), outputs=outputs)


def expand_sources(recipe: Recipe) -> tuple[list[str], list[str]]:
    """(paths to ingest, problems); a glob that matches nothing or a missing path is a problem."""
    found: list[str] = []
    missing: list[str] = []
    where = f"{recipe.path}: " if recipe.path else ""
    for source in recipe.sources:
        if glob.has_magic(source):
            matches = sorted(glob.glob(source, recursive=True))
            if not matches:
                missing.append(f"{where}source '{source}' matches no file")
            found.extend(matches)
        elif Path(source).exists():
            found.append(source)
        elif recipe.path:
            missing.append(f"{where}source '{source}' does not exist")
        else:  # named on the command line: worded as `quizgen ingest` words it
            missing.append(f"{source}: no such file or folder")
    return found, missing


def _join(folder: Path, source: str) -> str:
    """A source joined to the recipe's folder and normalised: decks/ + ../samples -> samples."""
    return os.path.normpath(source if os.path.isabs(source) else folder / source)


def _outputs(given: Any, path: Path, lines: dict[tuple, int]) -> dict[str, dict[str, Any]]:
    known = renderer_names()
    if given is None:
        return {name: {} for name in known}
    if isinstance(given, list) and all(isinstance(name, str) for name in given):
        given = {name: {} for name in given}
    if not isinstance(given, dict):
        raise ConfigError(
            "'outputs' must map renderer names to their options, or list renderer names",
            str(path),
            lines.get(("outputs",)),
        )
    outputs: dict[str, dict[str, Any]] = {}
    for name, options in given.items():
        line = lines.get(("outputs", name)) or lines.get(("outputs",))
        if options is not None and not isinstance(options, dict):
            raise ConfigError(
                f"'outputs.{name}' must be a mapping of options ({{}} for none)", str(path), line
            )
        if name not in known:
            allowed = ", ".join(known) or "(none registered)"
            raise ConfigError(f"unknown output '{name}' (allowed: {allowed})", str(path), line)
        options = dict(options or {})
        file = options.get(FILE_OPTION)
        if file is not None:
            problem = unsafe_output_name(str(file))
            if problem:
                raise ConfigError(
                    f"outputs.{name}.{FILE_OPTION}: {problem}",
                    str(path),
                    lines.get(("outputs", name, FILE_OPTION), line),
                )
        total = options.get(TOTAL_OPTION)
        if total is not None and (
            not isinstance(total, int) or isinstance(total, bool) or total < 1
        ):
            raise ConfigError(
                f"outputs.{name}.{TOTAL_OPTION}: must be a whole number of questions, at least 1",
                str(path),
                lines.get(("outputs", name, TOTAL_OPTION), line),
            )
        _check_options(name, options, path, lines)
        outputs[name] = options
    return outputs


def _check_options(name: str, options: dict[str, Any], path: Path, lines: dict[tuple, int]) -> None:
    """Options of a renderer that declares `options_model` (a pydantic model) are checked now,
    with their lines, rather than after the whole build has run."""
    from .render import RENDERERS

    model = getattr(RENDERERS.get(name), "options_model", None)
    if model is None:
        return
    own = {k: v for k, v in options.items() if k not in BUILD_OPTIONS}
    below = {
        key[2:]: line
        for key, line in lines.items()
        if key[:2] == ("outputs", name) and len(key) > 2
    }
    try:
        validate(model, own, path, below)
    except ConfigError as exc:
        line = exc.line or lines.get(("outputs", name))
        raise ConfigError(f"outputs.{name}: {exc.message}", exc.path, line) from None


def unsafe_output_name(name: str) -> str | None:
    """Why an output name would escape the output folder, or None when it stays inside."""
    pure = PurePosixPath(name.replace("\\", "/"))
    if not name.strip():
        return "the name is empty"
    if pure.is_absolute() or (len(name) > 1 and name[1] == ":"):
        return f"'{name}' is an absolute path; give a name inside the output folder"
    if ".." in pure.parts:
        return f"'{name}' leaves the output folder ('..' is not allowed)"
    return None
