"""Readable view of a cleaned document for `quizgen ingest`."""
from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ..models import Document


def print_document(doc: Document, console: Console | None = None) -> None:
    console = console or Console()
    console.rule(f"[bold]{escape(doc.name)}[/] ({doc.format})")
    meta = Table(show_header=False, box=None)
    for key, value in doc.metadata.items():
        meta.add_row(Text(str(key)), Text(str(value)))  # Text: a title like "[Draft] ..." is not markup
    console.print(meta)
    for p in doc.paragraphs:
        style = {"heading": "bold", "aside": "italic dim"}.get(p.kind, "")
        flag = " [red](unreliable)[/]" if p.unreliable else ""
        console.print(f"[dim]{p.line:>5}[/] {escape(f'[{p.kind}]')}{flag} ", end="")
        console.print(p.text, style=style, markup=False, highlight=False)
    if doc.footnotes:
        console.print("[bold]Footnotes[/]")
        for f in doc.footnotes:
            console.print(f"[dim]{f.line:>5}[/] {f.number}. ", end="")
            console.print(f.text, markup=False, highlight=False)
    for r in doc.regions:
        state = "restored" if r.restored else "not used"
        console.print(f"[yellow]lines {r.line}-{r.end_line}: {r.reason} ({state})[/]")
