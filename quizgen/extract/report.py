"""Readable table of extracted items for `quizgen extract`."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from ..models import Document, Item
from . import KINDS


def describe(item: Item) -> str:
    return KINDS.get(item.kind).describe(item)


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
