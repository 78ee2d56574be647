"""Readable table of extracted items for `quizgen extract`."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from ..models import Document, Item


def describe(item: Item) -> str:
    if item.kind == "enumeration":
        return f"{item.label}: " + "; ".join(item.members)
    if item.kind == "definition":
        return f"{item.term} = {item.definition}"
    if item.kind == "date":
        return f"{item.date}{'/' + item.end if item.end else ''} {item.event}"
    speaker = f"{item.speaker} ({item.role})" if item.role else item.speaker
    return f"{speaker}: “{item.text}”"


def print_items(doc: Document, items: list[Item], console: Console | None = None) -> None:
    console = console or Console()
    table = Table(title=doc.name, show_lines=False)
    table.add_column("line", justify="right")
    table.add_column("kind")
    table.add_column("item")
    table.add_column("rule", style="dim")
    for item in items:
        table.add_row(str(item.source.line), item.kind, describe(item), item.source.rule)
    console.print(table)
