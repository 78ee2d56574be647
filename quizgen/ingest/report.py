"""Readable view of a cleaned document for `quizgen ingest`."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ..models import Document, Paragraph

MARK_STYLES = {"strong": "bold", "em": "italic", "dfn": "underline"}


def paragraph_tag(p: Paragraph) -> str:
    """'[body]', '[body •]' for a bulleted item, '[body 2.]' for a numbered one, '[body >]' for a quotation."""
    parts = [p.kind]
    if p.list_item is not None:
        parts.append(p.list_item if any(c.isalnum() for c in p.list_item) else "•")
    if p.block_quote:
        parts.append(">")
    return f"[{' '.join(parts)}]"


def emphasised(p: Paragraph) -> Text | str:
    """The paragraph's text, its sentences' marks shown as bold, italic or underline."""
    if not any(s.marks for s in p.sentences):
        return p.text
    text = Text()
    for s in p.sentences:
        if text:
            text.append(" ")
        start = len(text)
        text.append(s.text)
        for m in s.marks:
            text.stylize(MARK_STYLES.get(m.kind, "bold"), start + m.start, start + m.end)
    return text


def print_document(doc: Document, console: Console | None = None) -> None:
    console = console or Console()
    console.rule(f"[bold]{escape(doc.name)}[/] ({doc.format})")
    meta = Table(show_header=False, box=None)
    for key, value in doc.metadata.items():
        meta.add_row(
            Text(str(key)), Text(str(value))
        )  # Text: a title like "[Draft] ..." is not markup
    console.print(meta)
    for p in doc.paragraphs:
        style = {"heading": "bold", "aside": "italic dim"}.get(p.kind, "")
        flag = " [red](unreliable)[/]" if p.unreliable else ""
        console.print(f"[dim]{p.line:>5}[/] {escape(paragraph_tag(p))}{flag} ", end="")
        console.print(emphasised(p), style=style, markup=False, highlight=False)
    if doc.footnotes:
        console.print("[bold]Footnotes[/]")
        for f in doc.footnotes:
            console.print(f"[dim]{f.line:>5}[/] {f.number}. ", end="")
            console.print(f.text, markup=False, highlight=False)
    for r in doc.regions:
        state = "restored" if r.restored else "not used"
        console.print(f"[yellow]lines {r.line}-{r.end_line}: {r.reason} ({state})[/]")
