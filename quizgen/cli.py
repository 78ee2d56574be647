"""The `quizgen` command: thin Typer wrappers over library functions.

Heavy libraries (spaCy, WeasyPrint, genanki) are imported inside the commands so
`quizgen --help` answers fast. Every QuizgenError becomes one line on stderr and a
non-zero exit; a batch reports every failed file at the end.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from enum import Enum
from pathlib import Path
from typing import Any, Optional

import typer

from .errors import QuizgenError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Turn readings into quizzes, decks and worksheets.")

ConfigOption = typer.Option(None, "--config", "-c", help="Settings file (default: ./config.yaml when present).")


class ExtractFormat(str, Enum):
    table = "table"
    json = "json"


def fail(message: str, code: int = 1) -> None:
    typer.echo(f"quizgen: error: {message}", err=True)
    raise typer.Exit(code)


def settings_from(config: Optional[Path], **overrides: Any):
    from .config import load_settings

    return load_settings(config, overrides)


def each_document(paths: Iterable[str], settings, failures: list[str]) -> Iterable[Any]:
    """Yield cleaned documents; bad files are recorded in `failures`, not raised."""
    from .ingest import find_sources, load_document

    for path in find_sources(paths):
        try:
            yield load_document(path, settings)
        except QuizgenError as exc:
            failures.append(str(exc))


def report_failures(failures: list[str]) -> None:
    for message in failures:
        typer.echo(f"quizgen: error: {message}", err=True)
    if failures:
        typer.echo(f"quizgen: {len(failures)} file(s) failed", err=True)
        raise typer.Exit(1)


def run(body: Callable[[], None]) -> None:
    """Run a command body; QuizgenError becomes one line and exit 1."""
    try:
        body()
    except QuizgenError as exc:
        fail(str(exc))


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files or folders to read."),
    as_json: bool = typer.Option(False, "--json", help="Print the cleaned documents as JSON."),
    config: Optional[Path] = ConfigOption,
) -> None:
    """Show what the cleaner made of each file: metadata, paragraphs, footnotes, flagged regions."""

    def body() -> None:
        from .ingest.report import print_document

        settings = settings_from(config)
        failures: list[str] = []
        docs = []
        for doc in each_document(paths, settings, failures):
            if as_json:
                docs.append(doc.to_dict())
            else:
                print_document(doc)
        if as_json:
            json.dump({"documents": docs}, sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
        report_failures(failures)

    run(body)


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files or folders to read."),
    format: ExtractFormat = typer.Option(ExtractFormat.table, "--format", "-f", help="table or json."),
    pipeline: Optional[str] = typer.Option(None, help="auto, trained or blank (overrides extract.pipeline)."),
    config: Optional[Path] = ConfigOption,
) -> None:
    """Find enumerations, definitions, dated events and quotes, with their sources."""

    def body() -> None:
        from .extract import extract_document
        from .extract.report import print_items
        from .models import item_to_dict

        settings = settings_from(config, **{"extract.pipeline": pipeline})
        failures: list[str] = []
        out = []
        for doc in each_document(paths, settings, failures):
            items = extract_document(doc, settings)
            if format is ExtractFormat.json:
                out.append({"source": doc.path, "items": [item_to_dict(i) for i in items]})
            else:
                print_items(doc, items)
        if format is ExtractFormat.json:
            json.dump({"documents": out}, sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
        report_failures(failures)

    run(body)


def main() -> None:
    app()
