"""Ordering: 4-6 dated events of one document to put in time order.

Only events whose dates cannot overlap are grouped ('2020' and 'March 2020' have
no defensible order), and events that name their own year are left out.
`choices` holds the events in a seeded shuffled order for renderers to show.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..models import DatedEvent, Item, Question
from .context import Context, fact, groups
from .gate import text_problem
from .ids import normalise
from .phrasing import date_span, names_own_year
from .wording import YEAR, bounded, event_shown, is_state

QTYPE = "ordering"
PROMPT = "Put these events in the order they happened, earliest first."


def strictly_ordered(events: list[DatedEvent], ctx: Context) -> list[DatedEvent]:
    """The longest chain of events each of which ends before the next begins."""
    chain: list[DatedEvent] = []
    seen: set[str] = set()
    for event in sorted(events, key=lambda e: date_span(e.date, e.end)[1]):
        key = normalise(event_shown(event, ctx) or event.event)
        if key in seen:
            continue
        if (
            not chain
            or date_span(chain[-1].date, chain[-1].end)[1] < date_span(event.date, event.end)[0]
        ):
            chain.append(event)
            seen.add(key)
    return chain


def make(items: Sequence[Item], ctx: Context) -> Iterable[Question]:
    limit = ctx.settings.generate.max_answer_chars
    events = [
        i
        for i in items
        if isinstance(i, DatedEvent)
        and not YEAR.search(i.event)
        and not names_own_year(i.event, i.date)
        and not is_state(i, ctx)
        and not bounded(i)  # "by 1886": its place in time is not one point
        and (shown := event_shown(i, ctx))
        and not text_problem(shown)
        and len(shown) <= limit
        # one unfit event would sink the question
    ]
    for group in groups(strictly_ordered(events, ctx)):
        sequence = tuple(event_shown(e, ctx) for e in group)
        core = ("order", *sorted("\x1e".join(fact(e)) for e in group))
        scrambled = list(sequence)
        rng = ctx.rng(QTYPE, core)
        while scrambled == list(sequence):
            rng.shuffle(scrambled)
        yield ctx.question(
            QTYPE,
            core,
            group,
            prompt=PROMPT,
            answer="; ".join(sequence),
            sequence=sequence,
            choices=tuple(scrambled),
        )
