"""Blank lines that cut a sentence: page breaks and layout gaps inside running text."""

from __future__ import annotations

from dataclasses import replace

from ..source import Line
from . import Draft
from .lines import FUNCTION_WORDS, ends_open, is_blank, last_word, starts_lowercase, without_markers


def runs_on(before: str, after: str) -> bool:
    """Does `after` continue the sentence `before` left open?

    A lowercase continuation always does ('hard-to-' / 'reach'); after a comma or a
    semicolon the sentence goes on whatever the case ('etc.;' / 'It was also time ...'),
    and so it does after a word that cannot end a sentence ('signed by the' / 'Harbour
    Board') or a word hyphenated at the line end ('GOV-' / 'ERNMENT').
    """
    if not ends_open(before):
        return False
    tail = without_markers(before).rstrip()
    return (
        starts_lowercase(after)
        or tail.endswith((",", ";"))
        or (tail[-1:] == "-" and tail[-2:-1].isalpha())
        or (
            last_word(tail) in FUNCTION_WORDS
            and tail.split()[-1].isalpha()
            and tail.split()[-1].islower()
        )
    )


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
