"""Pull quotes and captions dropped into the middle of a sentence by the page layout."""

from __future__ import annotations

from dataclasses import replace

from ..source import Line
from . import Draft
from .lines import ends_open, ends_sentence, is_blank, without_markers

OPENING_QUOTES = ("“", '"', "‘")
MAX_LINES = 8  # a longer quoted block is a block quotation of the text, not a pull quote


def continues(text: str) -> bool:
    """A line that carries on an interrupted sentence: lowercase word, bracket or comma first."""
    head = without_markers(text).lstrip()[:1]
    return head.islower() or head in ("(", ",", ";", ")")


def find_pull_quote(lines: list[Line], i: int) -> tuple[int, int] | None:
    """(first, last) indexes of a pull quote whose interrupted sentence ends at line i."""
    if not ends_open(lines[i].text):
        return None
    first = i + 1
    while first < len(lines) and is_blank(lines[first].text):
        first += 1
    if (
        first == i + 1
        or first >= len(lines)
        or not lines[first].text.lstrip().startswith(OPENING_QUOTES)
    ):
        return None
    last = first
    while last + 1 < len(lines) and not is_blank(lines[last + 1].text) and last - first < MAX_LINES:
        if ends_sentence(lines[last].text) and continues(lines[last + 1].text):
            return first, last
        last += 1
    return None


def move_pull_quotes(draft: Draft) -> Draft:
    """Move a quoted block that sits between the two halves of a sentence into draft.asides.

    The signal is the sentence around it: the line before the block stops mid-sentence,
    and the line after it carries on in lowercase or with a bracket ('... the Harbour Works
    Committee' / pull quote / '(HWC) was founded'). The halves are joined again.
    """
    lines, kept, asides = draft.lines, [], list(draft.asides)
    i = 0
    while i < len(lines):
        kept.append(lines[i])
        found = None if is_blank(lines[i].text) else find_pull_quote(lines, i)
        if found:
            first, last = found
            asides.append(lines[first : last + 1])
            i = last + 1
        else:
            i += 1
    return replace(draft, lines=kept, asides=asides)
