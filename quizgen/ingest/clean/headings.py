"""Headings: Markdown '#' lines, numbered heading lines, and short unpunctuated lines.

A heading has no final punctuation, starts with a capital (or a section number), and is
short compared with the body lines around it. It stands alone between blank lines (one
line, or two when wrapped), or is followed directly by a body line that starts a sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace
from statistics import median

from ..source import Line
from . import Draft
from .lines import FUNCTION_WORDS, ends_open, is_blank, last_word, without_markers

MARKDOWN_HEADING = re.compile(r"^\s{0,3}(?P<level>#{1,6})\s+(?P<text>.+?)\s*#*\s*$")
NUMBERED = re.compile(r"^\d+(?:\.\d+)*\.?\s+[A-Z]")
MAX_WORDS = 14  # an unnumbered heading is short
MAX_NUMBERED_WORDS = 25
SHORTER_THAN = 0.9
MIN_WIDTH = 60  # ... and shorter than this share of a typical body line


def looks_like_heading(text: str, width: float) -> bool:
    text = without_markers(text).strip()
    if not text or not ends_open(text) or text.endswith((",", ";", "-", "—")):
        return False
    words = text.split()
    if NUMBERED.match(text):
        return len(words) <= MAX_NUMBERED_WORDS
    return text[0].isupper() and len(words) <= MAX_WORDS and len(text) <= width * SHORTER_THAN


def starts_sentence(text: str) -> bool:
    text = without_markers(text).lstrip('“"‘( ')
    return bool(text) and (text[0].isupper() or text[0].isdigit())


def find_headings(draft: Draft) -> Draft:
    """Record heading line numbers in draft.headings; '#' marks are removed from the text."""
    lines, headings, levels = list(draft.lines), set(draft.headings), dict(draft.heading_levels)
    for i, ln in enumerate(lines):
        match = MARKDOWN_HEADING.match(ln.text)
        if match and ln.no not in draft.block_quotes:
            lines[i] = Line(ln.no, match.group("text"))
            headings.add(ln.no)
            levels[ln.no] = len(match.group("level"))
    lengths = [len(ln.text.strip()) for ln in lines if not is_blank(ln.text)]
    # The body's line width: hard-wrapped text has many lines of similar length; a short
    # text cannot tell, so no heading is refused for length below MIN_WIDTH.
    width = max(median(lengths) if lengths else 0, MIN_WIDTH)

    def blank(i: int) -> bool:
        return i < 0 or i >= len(lines) or is_blank(lines[i].text)

    for i, ln in enumerate(lines):
        if ln.no in headings or not blank(i - 1) or not looks_like_heading(ln.text, width):
            continue
        if ln.no in draft.list_items or ln.no in draft.block_quotes:
            continue
        if blank(i + 1):
            headings.add(ln.no)  # a line standing alone
        elif blank(i + 2) and wrapped_heading(ln.text, lines[i + 1].text, width):
            headings.update((ln.no, lines[i + 1].no))
        elif (
            "," not in ln.text
            and last_word(ln.text) not in FUNCTION_WORDS
            and starts_sentence(lines[i + 1].text)
        ):
            headings.add(ln.no)  # followed directly by its first paragraph
    return replace(draft, lines=lines, headings=headings, heading_levels=levels)


def wrapped_heading(first: str, second: str, width: float) -> bool:
    """A heading wrapped over two lines, standing alone between blank lines."""
    second = without_markers(second).strip()
    return (
        ends_open(second)
        and not second.endswith((",", ";", "-"))
        and len(first.split()) + len(second.split()) <= MAX_WORDS + 4
        and len(second) <= width
    )
