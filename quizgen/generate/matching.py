"""Matching: 4-6 pairs from one document (speakers to quotes, terms to definitions,
events to dates). Each side of a question is unique, so there is one way to match.

`choices` holds the right-hand column in a seeded order for renderers to show.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..models import DatedEvent, Definition, Item, Question, Quote
from .context import Context, fact, groups
from .gate import text_problem
from .ids import normalise
from .phrasing import (
    bare_name,
    capitalise,
    display_date,
    names_own_year,
    overlap,
    shown_quote,
    term_phrase,
)
from .wording import YEAR, bounded, event_shown, is_state

QTYPE = "matching"

PROMPTS = {
    "quote": "Match each speaker to the words the text quotes.",
    "definition": "Match each term to the text's definition of it.",
    "date": "Match each event to its date.",
}


def pair(item: Item, ctx: Context) -> tuple[str, str] | None:
    if isinstance(item, Quote):
        return bare_name(item.speaker), f"“{shown_quote(item.text)}”"
    if isinstance(item, Definition):
        return term_phrase(item.term, item.source.sentence), capitalise(item.definition.rstrip("."))
    if isinstance(item, DatedEvent) and not (
        names_own_year(item.event, item.date)
        or YEAR.search(item.event)
        or is_state(item, ctx)
        or bounded(item)
    ):
        shown = event_shown(item, ctx)
        return (shown, display_date(item.date, item.end)) if shown else None
    return None


def too_long(found: tuple[str, str], ctx: Context) -> bool:
    return max(len(side) for side in found) > ctx.settings.generate.max_answer_chars


def clash(item: Item, other: Item) -> bool:
    """Two events whose dates overlap ('2020', 'March 2020') could each take either date."""
    return (
        isinstance(item, DatedEvent)
        and isinstance(other, DatedEvent)
        and overlap((item.date, item.end), (other.date, other.end))
    )


def make(items: Sequence[Item], ctx: Context) -> Iterable[Question]:
    for kind, prompt in PROMPTS.items():
        chosen: list[tuple[Item, tuple[str, str]]] = []
        lefts: set[str] = set()
        rights: set[str] = set()
        for item in items:
            if item.kind != kind or (found := pair(item, ctx)) is None:
                continue
            if any(text_problem(side) for side in found) or too_long(found, ctx):
                continue  # one unfit pair would sink the whole question
            left, right = normalise(found[0]), normalise(found[1])
            if left in lefts or right in rights or any(clash(item, other) for other, _ in chosen):
                continue  # a second quote by one speaker, or two events at one time: ambiguous
            lefts.add(left)
            rights.add(right)
            chosen.append((item, found))
        for group in groups(chosen):
            pairs = tuple(found for _, found in group)
            # The facts matched, not their wording: a reworded pair keeps the id.
            core = (kind, *sorted("\x1e".join(fact(item)) for item, _ in group))
            right_column = [b for _, b in pairs]
            ctx.rng(QTYPE, core).shuffle(right_column)
            yield ctx.question(
                QTYPE,
                core,
                [item for item, _ in group],
                prompt=prompt,
                answer="; ".join(f"{a} — {b}" for a, b in pairs),
                pairs=pairs,
                choices=tuple(right_column),
                level="understand" if kind == "definition" else "remember",
            )
