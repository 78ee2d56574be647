"""The cleaning stage: small named steps over the lines of a RawText, then paragraphs and sentences.

Each step takes and returns a `Draft` (the stage's private working copy); the
result leaves the stage as an immutable `Document`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ...models import Document, FlaggedRegion, Footnote
from ..source import Line, RawText


@dataclass
class Draft:
    """Working state of one document inside the cleaning stage (never leaves it).

    Footnote references found glued to words are moved out of the text into
    `Line.text` markers of the form NOTE_OPEN + number + NOTE_CLOSE, which the
    segmenter turns into Sentence.footnotes. Emphasis is carried the same way, as one
    private-use character before and one after the emphasised words (EMPHASIS), so it
    moves with its words through every step; the segmenter turns it into Sentence.marks.
    """

    raw: RawText
    lines: list[Line]
    metadata: dict[str, Any] = field(default_factory=dict)
    footnotes: dict[int, Footnote] = field(default_factory=dict)
    regions: list[FlaggedRegion] = field(default_factory=list)
    asides: list[list[Line]] = field(default_factory=list)  # pull quotes, captions
    headings: set[int] = field(default_factory=set)  # line numbers that are headings
    heading_levels: dict[int, int] = field(
        default_factory=dict
    )  # heading line number -> level, where known ('#')
    list_items: dict[int, str] = field(
        default_factory=dict
    )  # first line number of a list item -> its marker
    block_quotes: set[int] = field(default_factory=set)  # line numbers inside a block quotation


NOTE_OPEN, NOTE_CLOSE = "\ue000", "\ue001"
MARKER = re.compile(f"{NOTE_OPEN}(\\d+){NOTE_CLOSE}")
# Emphasis kind -> (opening, closing) character placed around the emphasised words.
EMPHASIS = {"strong": ("\ue002", "\ue003"), "em": ("\ue004", "\ue005"), "dfn": ("\ue006", "\ue007")}
EMPHASIS_OPEN = "".join(o for o, _ in EMPHASIS.values())
EMPHASIS_CLOSE = "".join(c for _, c in EMPHASIS.values())
# Everything the cleaner writes into line text that is not text: note markers and emphasis.
INLINE_MARKS = re.compile(f"{NOTE_OPEN}\\d+{NOTE_CLOSE}|[{EMPHASIS_OPEN}{EMPHASIS_CLOSE}]")


def without_inline_marks(text: str) -> str:
    return (
        text if text.isascii() else INLINE_MARKS.sub("", text)
    )  # marks are private-use characters


Step = Callable[[Draft], Draft]


def note_marker(number: int) -> str:
    return f"{NOTE_OPEN}{number}{NOTE_CLOSE}"


def clean(raw: RawText) -> Document:
    from .segment import build_paragraphs
    from .steps import steps_for

    draft = Draft(
        raw=raw,
        lines=list(raw.lines),
        metadata=dict(raw.metadata),
        list_items=dict(raw.list_items),
        block_quotes=set(raw.block_quotes),
        headings=set(raw.headings),
        heading_levels=dict(raw.headings),
    )
    if raw.asides:  # lines the reader knows are not running text (HTML figure captions)
        draft.asides = [[ln] for ln in draft.lines if ln.no in raw.asides and ln.text.strip()]
        draft.regions = [
            FlaggedRegion(a[0].no, a[0].no, "caption", restored=False) for a in draft.asides
        ]
        draft.lines = [ln for ln in draft.lines if ln.no not in raw.asides or not ln.text.strip()]
    for step in steps_for(raw.layout):
        draft = step(draft)
    paragraphs = build_paragraphs(draft)
    return Document(
        path=raw.path,
        name=Path(raw.path).name,
        format=raw.reader,
        checksum=raw.checksum,
        metadata=draft.metadata,
        paragraphs=tuple(paragraphs),
        footnotes=tuple(
            sorted(
                (replace(f, text=without_inline_marks(f.text)) for f in draft.footnotes.values()),
                key=lambda f: f.number,
            )
        ),
        regions=tuple(sorted(draft.regions, key=lambda r: r.line)),
    )


def with_lines(draft: Draft, lines: list[Line]) -> Draft:
    return replace(draft, lines=lines)
