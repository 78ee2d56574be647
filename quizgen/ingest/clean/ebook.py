"""Public-domain e-book texts: the distributor's header and licence around the book, and its
'[Footnote 1: ...]' blocks.

Such a file wraps the book between a '*** START OF THE PROJECT GUTENBERG EBOOK ... ***' line
and an '*** END OF ... ***' line; what lies outside is the distributor's header and licence
(FlaggedRegion "e-book boilerplate"); 'Title:' and 'Author:' lines of the header become
metadata. Inside, a footnote is a bracketed block '[Footnote 3: text ...]' (over several
lines); it becomes a footnote, so the '[3]' in the text points to it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...models import FlaggedRegion, Footnote
from ..source import Line
from . import Draft
from .footnotes import join_footnote
from .lines import is_blank

START = re.compile(r"^\s*\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG\b.*$", re.I)
END = re.compile(r"^\s*\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG\b.*$", re.I)
HEADER = re.compile(r"^\s*(?P<key>title|author)\s*:\s*(?P<value>\S.*?)\s*$", re.I)
FOOTNOTE_OPEN = re.compile(r"^\s*\[\s*Footnote\s+(?P<number>\d{1,3})\s*:\s*(?P<text>.*)$", re.I)
MAX_FOOTNOTE_LINES = 30


def trim_ebook_boilerplate(draft: Draft) -> Draft:
    lines = draft.lines
    start = next((i for i, ln in enumerate(lines) if START.match(ln.text)), None)
    end = next(
        (i for i, ln in enumerate(lines) if END.match(ln.text) and (start is None or i > start)),
        None,
    )
    if start is None and end is None:
        return move_footnote_blocks(draft)
    metadata, regions = dict(draft.metadata), list(draft.regions)
    first, last = (start + 1 if start is not None else 0), (end if end is not None else len(lines))
    for ln in lines[:first]:
        if match := HEADER.match(ln.text):
            metadata.setdefault(match.group("key").lower(), " ".join(match.group("value").split()))
    if first:
        regions.append(
            FlaggedRegion(lines[0].no, lines[first - 1].no, "e-book boilerplate", restored=False)
        )
    if last < len(lines):
        regions.append(
            FlaggedRegion(lines[last].no, lines[-1].no, "e-book boilerplate", restored=False)
        )
    return move_footnote_blocks(
        replace(draft, lines=lines[first:last], metadata=metadata, regions=regions)
    )


def move_footnote_blocks(draft: Draft) -> Draft:
    """'[Footnote 3: text ...]' blocks (up to the closing bracket) into draft.footnotes."""
    if not any("ootnote" in ln.text for ln in draft.lines):
        return draft
    lines, footnotes, kept = draft.lines, dict(draft.footnotes), []
    i = 0
    while i < len(lines):
        match = FOOTNOTE_OPEN.match(lines[i].text)
        if not match:
            kept.append(lines[i])
            i += 1
            continue
        parts, first_no, text = [], lines[i].no, match.group("text")
        depth = 1  # brackets open: the block's own, then any inside it
        j = i
        while True:  # up to the closing bracket, a blank line or MAX_FOOTNOTE_LINES
            depth += text.count("[") - text.count("]")
            parts.append(text.strip().removesuffix("]") if depth <= 0 else text.strip())
            j += 1
            if (
                depth <= 0
                or j >= len(lines)
                or j - i >= MAX_FOOTNOTE_LINES
                or is_blank(lines[j].text)
            ):
                break
            text = lines[j].text
        number = int(match.group("number"))
        footnotes.setdefault(
            number, Footnote(number, join_footnote([p for p in parts if p] or [""]), first_no)
        )
        kept.append(Line(first_no, ""))
        i = j
    return replace(draft, lines=kept, footnotes=footnotes)
