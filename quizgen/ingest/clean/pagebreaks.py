"""Blank lines that cut a sentence: page breaks and layout gaps inside running text."""
from __future__ import annotations

from dataclasses import replace

from ..source import Line
from . import Draft
from .lines import ends_open, is_blank, starts_lowercase, without_markers


def runs_on(before: str, after: str) -> bool:
    """Does `after` continue the sentence `before` left open?

    A lowercase continuation always does ('hard-to-' / 'reach'); after a comma or a
    semicolon the sentence goes on whatever the case ('etc.;' / 'It was also time ...').
    """
    if not ends_open(before):
        return False
    return starts_lowercase(after) or without_markers(before).rstrip().endswith((",", ";"))


def join_page_breaks(draft: Draft) -> Draft:
    """Drop blank lines between a line left mid-sentence and the line that continues it."""
    kept: list[Line] = []
    pending: list[Line] = []  # blank lines seen since the last text line
    for ln in draft.lines:
        if is_blank(ln.text):
            pending.append(ln)
            continue
        if not (pending and kept and runs_on(kept[-1].text, ln.text)):
            kept.extend(pending)
        pending = []
        kept.append(ln)
    return replace(draft, lines=kept + pending)
