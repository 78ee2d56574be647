"""Ordering: 4-6 dated events of one document to put in time order.

Only events whose dates cannot overlap are grouped ('2020' and 'March 2020' have
no defensible order), and events that name their own year are left out.
`choices` holds the events in a seeded shuffled order for renderers to show.
"""
from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence

from ..bank.ids import normalise
from ..models import DatedEvent, Item, Question
from .context import Context, groups
from .matching import names_own_year
from .phrasing import capitalise, date_parts

QTYPE = "ordering"
PROMPT = "Put these events in the order they happened, earliest first."


def span(iso: str, end: str | None = None) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """First and last day a date (or range) can mean: '2020-03' -> 1 to 31 March 2020."""
    year, month, day = date_parts(iso)
    first = (year, month or 1, day or 1)
    last_year, last_month, last_day = date_parts(end) if end else (year, month, day)
    last_month = last_month or 12
    last = (last_year, last_month, last_day or calendar.monthrange(last_year, last_month)[1])
    return first, last


def strictly_ordered(events: list[DatedEvent]) -> list[DatedEvent]:
    """The longest chain of events each of which ends before the next begins."""
    chain: list[DatedEvent] = []
    seen: set[str] = set()
    for event in sorted(events, key=lambda e: span(e.date, e.end)[1]):
        key = normalise(event.event)
        if key in seen:
            continue
        if not chain or span(chain[-1].date, chain[-1].end)[1] < span(event.date, event.end)[0]:
            chain.append(event)
            seen.add(key)
    return chain


def make(items: Sequence[Item], ctx: Context) -> Iterable[Question]:
    events = [i for i in items if isinstance(i, DatedEvent) and not names_own_year(i)]
    for group in groups(strictly_ordered(events)):
        sequence = tuple(capitalise(e.event.rstrip(".;, ")) for e in group)
        core = ("order", *(normalise(s) for s in sequence))
        shown = list(sequence)
        rng = ctx.rng(QTYPE, core)
        while shown == list(sequence):
            rng.shuffle(shown)
        yield ctx.question(
            QTYPE, core, group, prompt=PROMPT, answer="; ".join(sequence), sequence=sequence, choices=tuple(shown),
        )
