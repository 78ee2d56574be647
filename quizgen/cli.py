"""The `quizgen` command: thin Typer wrappers over library functions.

Heavy libraries (spaCy, WeasyPrint, genanki) are imported inside the commands so
`quizgen --help` answers fast. Every QuizgenError becomes one line on stderr and a
non-zero exit; a batch reports every failed file at the end.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperArgument, TyperCommand

from .errors import QuizgenError

# Plain help (Click's layout): every argument and option names its value in words (metavar),
# so no internal type ("<bool>", "list[str]", "{paths}...") reaches the reader.
app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Turn readings into quizzes, decks and worksheets.",
)

ConfigOption = typer.Option(
    None,
    "--config",
    "-c",
    metavar="FILE",
    help="Settings file (default: ./config.yaml when there is one).",
)


def _version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"quizgen {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(
        False,
        "--version",
        callback=_version,
        is_eager=True,
        help="Print quizgen's version and exit.",
    ),
) -> None:
    """Turn readings into quizzes, decks and worksheets."""


def at_least_one(value: int | None) -> int | None:
    if value is not None and value < 1:
        raise typer.BadParameter("must be at least 1")
    return value


class PlainArgument(TyperArgument):
    """An argument shown by its metavar alone: no "<list[str]>" type, no "{...}" around it."""

    def display_type_rich(self, ctx=None) -> str:  # noqa: ARG002 - Typer's signature
        return ""

    def _rich_display_name(self) -> str:
        return self.metavar or self.display_name_raw

    def _usage_display_name(self) -> str:
        name = self.metavar or self.display_name_raw
        return name if self.required or name.startswith("[") else f"[{name}]"


class PlainCommand(TyperCommand):
    """A command whose help names values in words (see PlainArgument)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, TyperArgument):
                param.__class__ = PlainArgument


def command(cls: type[TyperCommand] = PlainCommand, **kwargs: Any):
    """`@command()`: `app.command` with plain help."""
    return app.command(cls=cls, **kwargs)


class RenderCommand(PlainCommand):
    """`render --help` lists the formats from the renderer registry, imported only when asked."""

    def format_help(self, ctx, formatter) -> None:
        from .render import RENDERERS

        listed = "\n\n".join(f"{name}: {r.help}" for name, r in RENDERERS.items())
        self.help = (self.help or "").replace("{formats}", "\n\n" + listed)
        super().format_help(ctx, formatter)


class ExtractFormat(str, Enum):
    table = "table"
    json = "json"


def fail(message: str, code: int = 1) -> None:
    typer.echo(f"quizgen: error: {message}", err=True)
    raise typer.Exit(code)


def settings_from(config: Path | None, **overrides: Any):
    from . import extract, generate  # noqa: F401  (their registries check kind and type names)
    from .config import load_settings

    return load_settings(config, overrides)


def report_failures(failures: list[str]) -> None:
    for message in failures:
        typer.echo(f"quizgen: error: {message}", err=True)
    if len(failures) > 1:
        typer.echo(f"quizgen: {len(failures)} file(s) failed", err=True)
    if failures:
        raise typer.Exit(1)


def run(body: Callable[[], None]) -> None:
    """Run a command body; QuizgenError becomes one line and exit 1."""
    try:
        body()
    except QuizgenError as exc:
        fail(str(exc))


@command()
def ingest(
    paths: list[str] = typer.Argument(..., metavar="PATH...", help="Files or folders to read."),
    as_json: bool = typer.Option(False, "--json", help="Print the cleaned documents as JSON."),
    config: Path | None = ConfigOption,
) -> None:
    """Show what the cleaner made of each file: metadata, paragraphs, footnotes, flagged regions.

    A folder is read whole except README*, NOTES*, CHANGELOG*, LICENSE* and hidden files; name one to read it.
    """

    def body() -> None:
        from .ingest.report import print_document
        from .pipeline import load

        settings = settings_from(config)
        documents, failures = load(paths, settings)
        docs = []
        for doc in documents:
            if as_json:
                docs.append(doc.to_dict())
            else:
                print_document(doc)
        if as_json:
            json.dump({"documents": docs}, sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
        report_failures(failures)

    run(body)


@command()
def extract(
    paths: list[str] = typer.Argument(..., metavar="PATH...", help="Files or folders to read."),
    format: ExtractFormat = typer.Option(
        ExtractFormat.table,
        "--format",
        "-f",
        metavar="table|json",
        help="A table to read, or JSON (default: table).",
        show_default=False,
    ),
    pipeline: str | None = typer.Option(
        None,
        metavar="auto|trained|blank",
        help="The spaCy pipeline (default: extract.pipeline, i.e. auto).",
    ),
    config: Path | None = ConfigOption,
) -> None:
    """Find enumerations, definitions, dated events and quotes, with their sources.

    A folder is read whole except README*, NOTES*, CHANGELOG*, LICENSE* and hidden files; name one to read it.
    """

    def body() -> None:
        from .extract.report import print_items
        from .models import item_to_dict
        from .pipeline import read

        settings = settings_from(config, **{"extract.pipeline": pipeline})
        reading = read(paths, settings)
        failures = list(reading.failures)
        out = []
        for doc, items in reading.sources:
            if format is ExtractFormat.json:
                out.append({"source": doc.path, "items": [item_to_dict(i) for i in items]})
            else:
                print_items(doc, items)
        if format is ExtractFormat.json:
            json.dump({"documents": out}, sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
        report_failures(failures)

    run(body)


@command()
def build(
    targets: list[str] | None = typer.Argument(
        None,
        metavar="[RECIPE.yaml | PATH]...",
        help="Recipes, or documents and folders built with every output (default: each decks/*.yaml).",
    ),
    out: Path | None = typer.Option(
        None,
        "--out",
        "-o",
        metavar="FOLDER",
        help="Output folder (default: output_dir, i.e. build/).",
    ),
    report: bool = typer.Option(
        False, "--report", help="Also print rejections by reason and a summary table."
    ),
    jobs: int | None = typer.Option(
        None,
        "--jobs",
        "-j",
        metavar="N",
        callback=at_least_one,
        help="Worker processes for extraction (default: one per core; small batches use one).",
    ),
    config: Path | None = ConfigOption,
) -> None:
    """Build each recipe into OUT/<recipe>/: bank.json, then every output it asks for."""

    def body() -> None:
        from .build import build_recipe, plan, print_report, print_summary
        from .progress import BuildProgress

        settings = settings_from(config)
        planned = plan(targets or [])
        failures = list(planned.problems)
        for note in planned.notes:
            typer.echo(f"quizgen: {note}", err=True)
        for recipe in planned.recipes:
            with BuildProgress() as bars:  # bars on a terminal only
                # --report lists rejections, which a reused build does not keep: build again.
                result = build_recipe(
                    recipe,
                    out or Path(settings.output_dir),
                    settings,
                    jobs=jobs,
                    progress=bars,
                    reuse=not report,
                )
            print_summary(result)
            if report:
                print_report(result)
            failures += list(result.failures) + [o.error for o in result.outputs if o.error]
        for message in failures:
            typer.echo(f"quizgen: error: {message}", err=True)
        if len(failures) > 1:
            typer.echo(
                f"quizgen: {len(failures)} problems; outputs of failed steps were not replaced",
                err=True,
            )
        if failures:
            raise typer.Exit(1)

    run(body)


@command(cls=RenderCommand)
def render(
    fmt: str = typer.Argument(..., metavar="FORMAT", help="The output format (listed above)."),
    bank: Path = typer.Argument(
        ..., metavar="BANK.json", help="A bank written by `quizgen build`."
    ),
    out: str | None = typer.Option(
        None,
        "--out",
        "-o",
        metavar="FILE|FOLDER/",
        help="File or folder to write (default: beside the bank; a folder ends in /).",
    ),
    option: list[str] | None = typer.Option(
        None,
        "--option",
        "-O",
        metavar="KEY=VALUE",
        help="A format option, the value read as YAML, e.g. -O versions=2 (may be repeated).",
    ),
    config: Path | None = ConfigOption,
) -> None:
    """Render an existing bank in one format; prints what was written and what was skipped.

    FORMAT is one of the registered renderers:{formats}
    """

    def body() -> None:
        import yaml

        from . import safe_yaml
        from .build import render_bank

        extra: dict[str, Any] = {}
        for pair in option or []:
            key, sep, value = pair.partition("=")
            if not sep or not key:
                fail(f"--option {pair!r}: expected KEY=VALUE")
            try:
                extra[key] = safe_yaml.load(value) if value else ""
            except yaml.YAMLError as exc:
                fail(
                    f"--option {pair!r}: not a YAML value ({getattr(exc, 'problem', None) or exc})"
                )
        target, report_ = render_bank(fmt, bank, out, settings_from(config), extra)
        for path in report_.written:
            typer.echo(f"wrote {path}")
        for qtype, count in sorted(report_.skipped.items()):
            if count:
                typer.echo(f"skipped {count} {qtype} question(s): {fmt} cannot express them")
        for note in report_.notes:
            typer.echo(f"note: {note}")

    run(body)


@command()
def validate(
    bank: Path = typer.Argument(
        ..., metavar="BANK.json", help="A bank file (ours or edited by hand)."
    ),
) -> None:
    """Check a bank against its JSON Schema; names the first problems with their JSON path."""

    def body() -> None:
        from .bank import load_bank_json
        from .bank.schema import problems, stale_hash

        data = load_bank_json(bank)
        found = problems(data)
        shown = 20
        for problem in found[:shown]:
            typer.echo(f"{bank}: {problem}", err=True)
        if len(found) > shown:
            typer.echo(f"{bank}: ... and {len(found) - shown} more problem(s)", err=True)
        if found:
            raise typer.Exit(1)
        if stale_hash(data):
            typer.echo(
                f"quizgen: warning: {bank}: content_hash does not match the content (edited by hand?)",
                err=True,
            )
        typer.echo(
            f"{bank}: valid bank ({len(data['questions'])} questions, "
            f"{len(data['documents'])} document(s))"
        )

    run(body)


@command()
def sample(
    bank: Path = typer.Argument(..., metavar="BANK.json", help="A bank file."),
    n: int = typer.Option(
        30,
        "--n",
        "-n",
        metavar="N",
        callback=at_least_one,
        help="How many questions (default: 30).",
        show_default=False,
    ),
    seed: int = typer.Option(
        0,
        "--seed",
        "-s",
        metavar="S",
        help="Same seed, same sample (default: 0).",
        show_default=False,
    ),
) -> None:
    """Print a seeded random sample with answers and source sentences, for a teacher's review."""

    def body() -> None:
        from .bank import read_bank
        from .bank.review import describe
        from .bank.review import sample as draw

        chosen = draw(read_bank(bank), n, seed)
        for number, question in enumerate(chosen, 1):
            typer.echo(describe(question, number, len(chosen)) + "\n")

    run(body)


@command()
def serve(
    host: str = typer.Option(
        "127.0.0.1",
        metavar="ADDRESS",
        help="Address to listen on (default: 127.0.0.1, this machine only).",
        show_default=False,
    ),
    port: int = typer.Option(
        8000,
        metavar="PORT",
        callback=lambda v: _port(v),
        help="Port to listen on (default: 8000).",
        show_default=False,
    ),
    bank: list[Path] | None = typer.Option(
        None,
        "--bank",
        metavar="BANK.json",
        help="A bank to load (add or update) into the store before serving; may be repeated.",
    ),
    database: str | None = typer.Option(
        None,
        "--database",
        metavar="URL",
        help="Database URL: sqlite:///build/bank.sqlite or postgresql://USER@HOST/DB (default: api.database_url).",
    ),
    review: Path | None = typer.Option(
        None,
        "--review",
        metavar="FILE",
        help="Serve teacher review pages at /review (signed in with the API key), "
        "keeping decisions in FILE (default: api.review_file).",
    ),
    workers: int = typer.Option(
        1,
        "--workers",
        metavar="N",
        callback=lambda v: _at_least_one(v),
        help="Server processes sharing the database (PostgreSQL; default: 1).",
        show_default=False,
    ),
    config: Path | None = ConfigOption,
) -> None:
    """Serve the question bank over HTTP: /questions, /quizzes, /documents (API docs at /docs)."""

    def body() -> None:
        from .api.server import serve as serve_api

        serve_api(
            settings_from(
                config,
                **{"api.database_url": database, "api.review_file": review and str(review)},
            ),
            host,
            port,
            bank or [],
            workers,
            typer.echo,
        )

    run(body)


@command()
def review(
    target: str | None = typer.Argument(
        None,
        metavar="[RECIPE.yaml | BANK.json]",
        help="A recipe (built first, decisions in RECIPE.review.yaml) or a bank "
        "(decisions in BANK.review.yaml); default: the one recipe in decks/.",
    ),
    out: Path | None = typer.Option(
        None, "--out", "-o", metavar="FOLDER", help="Build folder (default: output_dir)."
    ),
    port: int = typer.Option(
        0,
        metavar="PORT",
        callback=lambda v: v if v == 0 else _port(v),
        help="Port on 127.0.0.1 (default: a free one).",
        show_default=False,
    ),
    no_browser: bool = typer.Option(
        False, "--no-browser", help="Print the page's address instead of opening it."
    ),
    config: Path | None = ConfigOption,
) -> None:
    """Review questions in the browser: approve, edit or reject them; builds keep the decisions."""

    def body() -> None:
        from .review.local import run_review

        run_review(target, out, port, not no_browser, settings_from(config), typer.echo)

    run(body)


@command()
def bench(
    corpus: Path | None = typer.Option(
        None,
        "--corpus",
        metavar="FOLDER",
        help="Documents to build (default: ../shared/bench/speeches beside the project).",
    ),
    sizes: str = typer.Option(
        "100000,300000,0",
        "--sizes",
        metavar="N,N,...",
        callback=lambda v: _sizes(v),
        help="Words per build, smallest first; 0 is the whole corpus (default: 100000,300000,0).",
        show_default=False,
    ),
    compare: bool = typer.Option(
        True,
        "--compare/--no-compare",
        help="Also run the blank tokenizer and en_core_web_sm over the same files (default: yes).",
        show_default=False,
    ),
    jobs: int | None = typer.Option(
        None,
        "--jobs",
        "-j",
        metavar="N",
        callback=at_least_one,
        help="Worker processes (default: one per core).",
    ),
    keep: Path | None = typer.Option(
        None,
        "--keep",
        metavar="FOLDER",
        help="Build in this folder and keep it (default: a temporary one).",
    ),
) -> None:
    """Print corpus-scale figures: per size words/s, questions, seconds per stage, peak memory and
    cost per 1,000 words; rebuild times; extraction beside the tokenizer floor and the full pipeline."""

    def body() -> None:
        from .bench import DEFAULT_CORPUS, report
        from .bench import run as run_bench

        figures = run_bench(
            corpus or DEFAULT_CORPUS, sizes, jobs, keep, typer.echo, compare=compare
        )
        report(figures, typer.echo)

    run(body)


def _port(value: int) -> int:
    if not 1 <= value <= 65535:
        raise typer.BadParameter("must be a port number from 1 to 65535")
    return value


def _at_least_one(value: int) -> int:
    if value < 1:
        raise typer.BadParameter("must be at least 1")
    return value


def _sizes(value: str | tuple[int, ...]) -> tuple[int, ...]:
    if isinstance(value, tuple):
        return value
    try:
        sizes = tuple(int(part) for part in value.split(","))
    except ValueError:
        raise typer.BadParameter("must be word counts separated by commas, e.g. 100000,0") from None
    if not sizes or any(n < 0 or 0 < n < 1000 for n in sizes):
        raise typer.BadParameter("each size must be at least 1,000 words, or 0 for the whole")
    return sizes


def main() -> None:
    app()
