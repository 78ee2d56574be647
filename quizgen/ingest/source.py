"""What a reader hands to the cleaner: the body's original lines and the metadata it found."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Layout = Literal["pdf", "plain", "markdown", "html"]


@dataclass(frozen=True)
class Line:
    """One line of body text and its 1-based line number in the original file."""

    no: int
    text: str


@dataclass(frozen=True)
class RawText:
    """A decoded source before cleaning.

    `layout` tells the cleaner which defects to expect: "pdf" (hard-wrapped page text
    with footnotes and page breaks), "plain", "markdown" or "html" (already paragraphs).
    """

    path: str
    checksum: str
    reader: str
    layout: Layout
    lines: tuple[Line, ...]
    metadata: dict[str, Any] = field(default_factory=dict)
    line_offsets: tuple[
        int, ...
    ] = ()  # character offset of each original line's start, by line no - 1
    # What the reader knows of the structure (HTML): list items' first line -> marker, lines of
    # block quotations, lines that are asides (figure captions), headings and their levels.
    list_items: dict[int, str] = field(default_factory=dict)
    block_quotes: frozenset[int] = frozenset()
    asides: frozenset[int] = frozenset()
    headings: dict[int, int] = field(default_factory=dict)  # heading line -> level (1 for <h1>)
