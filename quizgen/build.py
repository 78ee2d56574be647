"""`quizgen build`: ingest -> extract -> generate -> select -> bank -> outputs, per recipe.

A bad source is recorded and the others go on; the build then exits non-zero. The
bank is written only when generation gave questions, and every file is written
atomically, so a failed build never replaces the outputs of an earlier one.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .bank import Bank, DocumentInfo, bank_to_dict, write_bank_data
from .errors import QuizgenError
from .models import Document, Question
from .recipe import (
    FILE_OPTION,
    TOTAL_OPTION,
    Recipe,
    default_output_name,
    expand_sources,
    load_recipe,
    recipe_for_paths,
    unsafe_output_name,
)
from .review.decisions import SUFFIX as REVIEW_SUFFIX

BANK_FILE = "bank.json"
# Every question the recipe selected, before the teacher's decisions: what `quizgen review` shows.
CANDIDATES_FILE = "candidates.json"
DECKS_DIR = Path("decks")
RECIPE_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class OutputResult:
    renderer: str
    written: tuple[Path, ...] = ()
    skipped: dict[str, int] = field(
        default_factory=dict
    )  # question type -> count the format cannot express
    error: str | None = None
    notes: tuple[str, ...] = ()  # RenderReport.notes: e.g. a type written as another
    key: str | None = None  # a hash of its input: the same key, the same files (build.py)


@dataclass(frozen=True)
class BuildResult:
    """What one recipe's build did, for the CLI's summary and `--report`."""

    recipe: Recipe
    out_dir: Path
    bank_path: Path | None = None
    documents: tuple[str, ...] = ()
    items: dict[str, int] = field(default_factory=dict)  # item kind -> count
    generated: int = 0  # questions the gate kept, before the recipe's selection
    questions: dict[str, int] = field(default_factory=dict)  # question type -> count in the bank
    rejections: tuple[Any, ...] = ()  # generate.Rejection: (question, "code: detail")
    outputs: tuple[OutputResult, ...] = ()
    failures: tuple[str, ...] = ()  # one line each, naming the file or recipe at fault
    not_built: str | None = None  # why nothing was written, when the failures alone say it
    reused: bool = False  # nothing it depends on changed: the previous outputs were kept
    review: dict[str, int] | None = None  # review state -> questions (review.apply.STATES)

    @property
    def ok(self) -> bool:
        return not self.failures and all(o.error is None for o in self.outputs)


@dataclass(frozen=True)
class Plan:
    recipes: tuple[Recipe, ...]
    problems: tuple[str, ...] = ()  # recipes that could not be read
    notes: tuple[str, ...] = ()  # optional recipes skipped


def plan(targets: Sequence[str], decks: Path = DECKS_DIR) -> Plan:
    """What `quizgen build` builds: every recipe in decks/ when no target is given,
    else each named recipe plus one default recipe over the other paths."""
    recipes: list[Recipe] = []
    problems: list[str] = []
    notes: list[str] = []
    implicit = not targets
    if implicit:
        targets = [
            str(p)
            for p in sorted(decks.glob("*"))
            if p.suffix in RECIPE_SUFFIXES and not p.name.endswith(REVIEW_SUFFIX)
        ]
        if not targets:
            return Plan(
                (), (f"{decks}: no recipes (*.yaml) here; name a recipe or documents to build",)
            )
    for target in (t for t in targets if Path(t).suffix in RECIPE_SUFFIXES):
        try:
            recipe = load_recipe(target)
        except QuizgenError as exc:
            problems.append(str(exc))
            continue
        missing = expand_sources(recipe)[1]
        if implicit and recipe.optional and missing:
            notes.append(f"skipped optional recipe {target}: {missing[0].split(': ', 1)[-1]}")
            continue
        recipes.append(recipe)
    documents = [t for t in targets if Path(t).suffix not in RECIPE_SUFFIXES]
    if documents:
        recipes.append(recipe_for_paths(documents))
    return Plan(tuple(recipes), tuple(problems), tuple(notes))


def build_recipe(
    recipe: Recipe,
    out_root: Path,
    settings=None,
    *,
    jobs: int | None = None,
    progress=None,
    reuse: bool = True,
) -> BuildResult:
    """Build one recipe into OUT/<recipe name>/. Never raises QuizgenError: failures are in the result.

    The steps are quizgen.pipeline's: unchanged documents and their questions come from the
    cache in `settings.cache_dir`, the others are read by `jobs` worker processes when there
    are many. With `reuse`, a build whose recipe, settings, sources and quizgen itself are
    unchanged keeps its previous outputs; otherwise a bank or output whose content would not
    change is not written again. `progress`: a progress.BuildProgress showing each stage.
    """
    from .cache import Cache, build_stamp, reusable_build
    from .config import Settings
    from .parallel import Workers, plan_sources
    from .progress import QUIET

    bars = progress or QUIET
    settings = _with_seed(settings or Settings(), recipe.seed)
    result = BuildResult(recipe=recipe, out_dir=Path(out_root) / recipe.name)
    paths, missing = expand_sources(recipe)
    cache = Cache(settings.cache_dir, settings)
    tasks, problems = plan_sources(paths, settings, cache)
    failures = missing + problems
    stamp = None
    if not failures and tasks and all(t.key for t in tasks):
        keys = [(t.path.name, t.key) for t in tasks] + [("review", _file_hash(recipe.review_file))]
        stamp = build_stamp(recipe, settings, keys)
        summary = reusable_build(settings.cache_dir, result.out_dir, stamp) if reuse else None
        if summary is not None:
            return _reused(result, summary)
    with Workers(settings, jobs) as workers:  # shared by reading and generation
        return _build(recipe, result, settings, tasks, cache, workers, bars, stamp, failures)


def _build(recipe, result, settings, tasks, cache, workers, bars, stamp, failures) -> BuildResult:
    """`build_recipe` from reading on, with `workers` for reading and generation."""
    from . import pipeline
    from .parallel import read_tasks

    reading = bars.stage("reading documents")
    read = read_tasks(tasks, settings, cache=cache, progress=reading, workers=workers)
    reading.done(f"read {len(read.sources)} documents ({read.from_cache} from the cache)")
    failures += read.failures
    sources = read.sources
    result = replace(
        result,
        documents=tuple(d.name for d, _ in sources),
        items=dict(Counter(i.kind for _, items in sources for i in items)),
    )
    if not sources and not failures:
        return replace(
            result,
            failures=(f"{_label(recipe)}: no source document could be read; nothing written",),
        )
    if failures:
        # A bank without a document that failed would silently drop its questions from
        # every earlier output: report all failures and keep what the user already has.
        return replace(
            result, failures=tuple(failures), not_built=_not_built(recipe, result.out_dir, failures)
        )
    generating = bars.stage("generating questions")
    generated = pipeline.generate(read, settings, types=recipe.types, workers=workers)
    workers.close()  # the outputs are written here: the workers' memory is given back first
    if generated.failure:
        return replace(result, failures=(generated.failure,))
    chosen = select(generated.questions, recipe, settings.generate.seed, generated.scores)
    generating.done(
        f"generated {len(generated.questions)} questions; the recipe kept {len(chosen)}"
    )
    infos = tuple(_info(d) for d, _ in sources)
    review = None
    if recipe.review_file is not None:  # the teacher's decisions (quizgen review)
        from .review.apply import review_stage

        candidates = Bank(title=recipe.title, questions=_titled(chosen, infos), documents=infos)
        try:
            reviewed = review_stage(recipe, candidates, result.out_dir / CANDIDATES_FILE)
        except QuizgenError as exc:
            return replace(result, failures=(str(exc),))
        chosen, review = list(reviewed.questions), reviewed.counts
    result = replace(
        result,
        review=review,
        generated=len(generated.questions),
        rejections=generated.rejections,
        questions=dict(sorted(Counter(q.type for q in chosen).items())),
    )
    if not chosen:
        why = "no questions were made or selected"
        if review is not None and recipe.review_required:
            why = (
                f"review is required and no question is approved yet (quizgen review {recipe.path})"
            )
        return replace(result, failures=(f"{_label(recipe)}: {why}; nothing written",))
    bank = Bank(title=recipe.title, questions=_titled(chosen, infos), documents=infos)
    saving = bars.stage("saving the bank")
    data = bank_to_dict(bank)
    try:
        # Its questions passed the schema one by one (pipeline.bank_ready): not checked again.
        bank_path = write_bank_data(data, result.out_dir / BANK_FILE, checked=True, keep_same=True)
    except QuizgenError as exc:
        return replace(result, failures=(str(exc),))
    saving.done(f"saved {len(chosen)} questions in {BANK_FILE}")
    writing = bars.stage("writing outputs", total=len(recipe.outputs))
    outputs = []
    earlier = _earlier_outputs(settings, result.out_dir)
    shown = render_key(data)
    for name in recipe.outputs:
        writing.describe(f"writing {name}")  # a worksheet's PDFs take seconds: say which output
        printed = _printed(bank, recipe, name, generated.scores)
        # An output of the best questions (`total`) is keyed by those alone: a change to the
        # others leaves its files as they are.
        key = _output_key(
            shown if printed is bank else render_key(bank_to_dict(printed)), recipe, name, settings
        )
        kept = _unchanged_output(earlier.get(name), key)
        output = kept or render_output(
            bank, recipe, name, result.out_dir, settings, generated.scores
        )
        outputs.append(replace(output, key=key))
        writing.advance()
    writing.done(f"wrote {len(outputs)} output(s)")
    result = replace(result, bank_path=bank_path, outputs=tuple(outputs))
    if stamp is not None and result.ok:
        _record(result, settings, stamp)
    return result


def render_key(data: dict[str, Any]) -> str:
    """A hash of what renderers read of a bank (`bank_to_dict`): its title, questions and
    documents' names, titles, authors and dates (a document's checksum and path are never printed)."""
    import orjson

    shown = {
        "title": data["title"],
        "documents": [[d["name"], d["title"], d["author"], d["date"]] for d in data["documents"]],
        "questions": data["questions"],
    }
    return hashlib.sha256(orjson.dumps(shown, option=orjson.OPT_SORT_KEYS)).hexdigest()


def _output_key(shown: str, recipe: Recipe, name: str, settings) -> str:
    """A hash of what one output's files follow from; `shown`: `render_key` of the bank it prints."""
    from .cache import code_hash

    described = {
        "bank": shown,
        "renderer": name,
        "options": recipe.outputs.get(name, {}),
        "file": recipe.output_name(name, ""),
        "render": settings.render.model_dump(mode="json"),
        "seed": settings.generate.seed,
        "code": code_hash(settings),
    }
    return hashlib.sha256(json.dumps(described, sort_keys=True, default=str).encode()).hexdigest()


def _earlier_outputs(settings, out_dir: Path) -> dict[str, dict[str, Any]]:
    from .cache import recorded_outputs

    return recorded_outputs(settings.cache_dir, out_dir)


def _unchanged_output(recorded: dict[str, Any] | None, key: str) -> OutputResult | None:
    """The earlier output when it was made from the same input and its files are untouched."""
    from .cache import files_untouched

    if not recorded or recorded.get("key") != key or not files_untouched(recorded["files"]):
        return None
    return OutputResult(
        recorded["renderer"],
        tuple(Path(p) for p in recorded["written"]),
        dict(recorded["skipped"]),
        notes=tuple(recorded.get("notes", ())),
    )


def _file_hash(path: Path | None) -> str:
    if path is None or not path.is_file():
        return ""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _record(result: BuildResult, settings, stamp: str) -> None:
    """What `_reused` needs to stand for this build next time (rejections are not kept: `--report` rebuilds)."""
    from .cache import fingerprints, record_build

    summary = {
        "bank_path": str(result.bank_path),
        "documents": list(result.documents),
        "items": result.items,
        "generated": result.generated,
        "questions": result.questions,
        "review": result.review,
        "outputs": [
            {
                "renderer": o.renderer,
                "written": [str(p) for p in o.written],
                "skipped": o.skipped,
                "notes": list(o.notes),
                "key": o.key,
                "files": fingerprints(o.written),
            }
            for o in result.outputs
        ],
    }
    files = [result.bank_path] + [p for o in result.outputs for p in o.written]
    record_build(settings.cache_dir, result.out_dir, stamp, summary, files)


def _reused(result: BuildResult, summary: dict[str, Any]) -> BuildResult:
    outputs = tuple(
        OutputResult(
            o["renderer"],
            tuple(Path(p) for p in o["written"]),
            dict(o["skipped"]),
            notes=tuple(o.get("notes", ())),
        )
        for o in summary["outputs"]
    )
    return replace(
        result,
        reused=True,
        bank_path=Path(summary["bank_path"]),
        documents=tuple(summary["documents"]),
        items=dict(summary["items"]),
        generated=summary["generated"],
        questions=dict(summary["questions"]),
        review=summary.get("review"),
        outputs=outputs,
    )


def select(questions: Sequence[Question], recipe: Recipe, seed: int, scores=None) -> list[Question]:
    """The recipe's tag filter, then at most `counts[type]` per type as a seeded sample, then
    (with `best` or `total`) the best questions that make one test (generate.choose); sorted by id."""
    chosen = [
        q
        for q in questions
        if (not recipe.include_tags or set(q.tags) & set(recipe.include_tags))
        and not set(q.tags) & set(recipe.exclude_tags)
    ]
    by_type: dict[str, list[Question]] = {}
    for question in sorted(chosen, key=lambda q: q.id):
        by_type.setdefault(question.type, []).append(question)
    picked: list[Question] = []
    for qtype, group in by_type.items():
        count = recipe.counts.get(qtype)
        if count is not None and count < len(group):
            # A generator per type: changing one type's count leaves the others' samples alone.
            group = random.Random(f"{seed}:{qtype}").sample(group, count)
        picked.extend(group)
    if recipe.best or recipe.total:
        from .generate.choose import sheet

        picked = sheet(picked, scores, total=recipe.total, per_type=recipe.best or None)
    return sorted(picked, key=lambda q: q.id)


def render_output(
    bank: Bank, recipe: Recipe, name: str, out_dir: Path, settings, scores=None
) -> OutputResult:
    """Run one renderer of the recipe; its failure is recorded, not raised. `scores`: the
    questions' ranks, for an output that takes only the best (`total`)."""
    from .render import RENDERERS, RenderOptions

    if name not in RENDERERS:
        return OutputResult(
            name, error=f"unknown output '{name}' (allowed: {', '.join(RENDERERS.names())})"
        )
    renderer = RENDERERS.get(name)
    options = dict(recipe.outputs.get(name, {}))
    file = options.pop(FILE_OPTION, None)
    options.pop(TOTAL_OPTION, None)
    bank = _printed(bank, recipe, name, scores)
    target = out_dir / recipe.output_name(name, renderer.suffix)
    # Checked when the recipe was read too; this guards recipes built in code.
    problem = unsafe_output_name(str(file)) if file is not None else None
    if problem or not _inside(target, out_dir):
        return OutputResult(name, error=f"{target}: {problem or 'leaves the output folder'}")
    render_options = RenderOptions(
        title=recipe.title,
        seed=settings.generate.seed,
        paper=options.get("paper") or settings.render.paper,
        template_dir=settings.render.template_dir,
        extra=options,
    )
    try:
        report = renderer.write(bank, target, render_options)
    except QuizgenError as exc:
        return OutputResult(name, error=str(exc))
    return OutputResult(
        name,
        written=tuple(report.written),
        skipped=dict(report.skipped),
        notes=tuple(getattr(report, "notes", ())),
    )


def _printed(bank: Bank, recipe: Recipe, name: str, scores) -> Bank:
    """The bank an output prints: the whole bank, or (with `total`) the best of the questions
    its format can express that make one test (generate.choose)."""
    from .render import RENDERERS

    total = recipe.outputs.get(name, {}).get(TOTAL_OPTION)
    if total is None or name not in RENDERERS:
        return bank
    from .generate.choose import sheet

    fit = [q for q in bank.questions if q.type in RENDERERS.get(name).types]
    return replace(bank, questions=tuple(sheet(fit, scores, total=int(total))))


def render_bank(fmt: str, bank_path: Path, out: str | Path | None, settings, extra: dict[str, Any]):
    """`quizgen render`: one renderer over an existing bank. Returns (target, RenderReport).

    `out` defaults to the default output name beside the bank; for a one-file format,
    a folder (existing, or a name ending in "/") gets that name inside it."""
    from .bank import read_bank
    from .errors import RenderError
    from .render import RENDERERS, RenderOptions

    if fmt not in RENDERERS:
        raise RenderError(f"unknown format '{fmt}' (allowed: {', '.join(RENDERERS.names())})")
    renderer = RENDERERS.get(fmt)
    bank = read_bank(bank_path)
    default_name = default_output_name(Path(bank_path).stem, fmt, renderer.suffix)
    target = Path(out) if out else Path(bank_path).parent / default_name
    if renderer.suffix != "/" and (target.is_dir() or str(out).endswith(("/", os.sep))):
        target = target / default_name
    options = RenderOptions(
        title=bank.title,
        seed=settings.generate.seed,
        paper=extra.get("paper") or settings.render.paper,
        template_dir=settings.render.template_dir,
        extra=extra,
    )
    return target, renderer.write(bank, target, options)


def _info(document: Document) -> DocumentInfo:
    meta = document.metadata

    def text(key: str) -> str | None:
        value = meta.get(key)
        return None if value is None else str(value)

    from .bank.titles import document_title

    return DocumentInfo(
        name=document.name,
        path=document.path,
        checksum=document.checksum,
        title=document_title(document),
        author=text("author"),
        date=text("date"),
    )


def _titled(questions: Sequence[Question], infos: Sequence[DocumentInfo]) -> tuple[Question, ...]:
    """Each source cites its document's title (`_info`), never only a file name."""
    titles = {info.name: info.title for info in infos}

    def titled(question: Question) -> Question:
        sources = tuple(
            replace(s, title=titles.get(s.document) or s.title) for s in question.sources
        )
        return question if sources == question.sources else replace(question, sources=sources)

    return tuple(titled(q) for q in questions)


def _not_built(recipe: Recipe, out_dir: Path, failures: Sequence[str]) -> str | None:
    """The line after a failed build: whether an earlier build's outputs are still there.
    One failure and nothing earlier: its own error line says it all."""
    if (out_dir / BANK_FILE).is_file():
        return f"{_label(recipe)}: not built ({len(failures)} problem(s)); earlier outputs kept"
    if len(failures) == 1:
        return None
    return f"{_label(recipe)}: not built ({len(failures)} problems); nothing written"


def _label(recipe: Recipe) -> str:
    return str(recipe.path) if recipe.path else f"build of {', '.join(recipe.sources)}"


def _with_seed(settings, seed: int | None):
    if seed is None:
        return settings
    return settings.model_copy(
        update={"generate": settings.generate.model_copy(update={"seed": seed})}
    )


def _inside(target: Path, folder: Path) -> bool:
    return target.resolve().is_relative_to(folder.resolve())


def print_summary(result: BuildResult) -> None:
    """A few lines per recipe: what was written, what was skipped, what failed."""
    from rich.console import Console

    console = Console(highlight=False, soft_wrap=True)  # paths stay on one line
    if result.not_built:
        console.print(result.not_built)
    if result.bank_path:
        count = sum(result.questions.values())
        kept = (
            f" (the recipe kept {count} of {result.generated} generated)"
            if result.generated > count
            else ""
        )
        console.print(
            f"{result.recipe.name}: {count} questions{kept} from "
            f"{len(result.documents)} document(s) -> {result.bank_path}"
            + (" (up to date: nothing changed, outputs kept)" if result.reused else "")
        )
    if result.review is not None:
        from .review.apply import summary_line

        console.print(f"  review: {summary_line(result.review)} ({result.recipe.review_file})")
    for output in result.outputs:
        if output.error:
            continue
        skipped = ", ".join(f"{n} {t}" for t, n in sorted(output.skipped.items()) if n)
        where = _common_place(output.written)
        console.print(
            f"  {output.renderer}: {len(output.written)} file(s) -> {where}"
            + (f" (skipped: {skipped})" if skipped else "")
        )
        for note in output.notes:
            console.print(f"    note: {note}")


def print_report(result: BuildResult) -> None:
    """`--report`: rejections by reason (the quality gate), then one summary table."""
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    reasons = Counter(r.code for r in result.rejections)
    rejected = Table(
        title=f"{result.recipe.name}: rejected questions by reason", title_justify="left"
    )
    rejected.add_column("reason")
    rejected.add_column("count", justify="right")
    rejected.add_column("example")
    for code, count in reasons.most_common():
        example = next(r for r in result.rejections if r.code == code)
        rejected.add_row(
            code, str(count), f"{example.question.id}: {example.reason.split(': ', 1)[-1]}"
        )
    if reasons:
        console.print(rejected)
    else:
        console.print(f"{result.recipe.name}: no question was rejected")

    summary = Table(title=f"{result.recipe.name}: summary", title_justify="left", show_header=False)
    summary.add_column("what")
    summary.add_column("count", justify="right")
    summary.add_row("documents", str(len(result.documents)))
    for kind, count in sorted(result.items.items()):
        summary.add_row(f"  items: {kind}", str(count))
    summary.add_row("questions kept by the gate", str(result.generated))
    for qtype, count in result.questions.items():
        summary.add_row(f"  in the bank: {qtype}", str(count))
    summary.add_row("rejections", str(len(result.rejections)))
    for output in result.outputs:
        state = "failed" if output.error else f"{len(output.written)} file(s)"
        skipped = sum(output.skipped.values())
        summary.add_row(
            f"output {output.renderer}", state + (f", {skipped} skipped" if skipped else "")
        )
    console.print(summary)


def _common_place(paths: Sequence[Path]) -> str:
    if len(paths) == 1:
        return str(paths[0])
    if not paths:
        return "(nothing)"
    return os.path.commonpath([str(p) for p in paths]) + "/"
