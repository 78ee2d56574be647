"""Readers: one module per source format, chosen by content as well as by extension."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from ...registry import Registry
from ..source import RawText


class Reader(Protocol):
    """Turns one file's bytes into RawText.

    name: registry key. suffixes: file endings it claims.
    sniff(head) -> bool: True when the content looks like this format whatever the ending.
    read(path, data, settings) -> RawText: raises IngestError with the path on bad input.
    """

    name: str
    suffixes: tuple[str, ...]

    def sniff(self, head: bytes) -> bool: ...

    def read(self, path: str, data: bytes, settings) -> RawText: ...


READERS: Registry[Reader] = Registry("reader")


def _register_builtin() -> None:
    # Registration order is sniffing order: the most distinctive signatures first.
    from . import html, markdown, pdf, text

    READERS.register("pdf", pdf.PdfReader())
    READERS.register("html", html.HtmlReader())
    READERS.register("markdown", markdown.MarkdownReader())
    READERS.register("text", text.TextReader())


_register_builtin()


def supported_suffixes() -> set[str]:
    return {s for _, r in READERS.items() for s in r.suffixes}


def choose_reader(path: Path, head: bytes) -> Reader:
    """Content first (front matter in a .txt is Markdown), then the extension, then plain text."""
    for _, reader in READERS.items():
        if reader.sniff(head):
            return reader
    for _, reader in READERS.items():
        if path.suffix.lower() in reader.suffixes:
            return reader
    return READERS.get("text")
