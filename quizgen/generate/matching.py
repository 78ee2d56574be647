"""Matching: 4-6 pairs from one document (speakers to quotes, terms to definitions,
events to dates). Each side of a question is unique, so there is one way to match.

`choices` holds the right-hand column in a seeded order for renderers to show.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..bank.ids import normalise
from ..models import DatedEvent, Definition, Item, Question, Quote
from .context import Context, groups
from .phrasing import bare_name, capitalise, display_date, in_sentence, shown_quote

QTYPE = "matching"

PROMPTS = {
    "quote": "Match each speaker to the words the text quotes.",
    "definition": "Match each term to the text's definition of it.",
    "date": "Match each event to its date.",
}


def pair(item: Item) -> tuple[str, str] | None:
    if isinstance(item, Quote):
        return bare_name(item.speaker), f"“{shown_quote(item.text)}”"
    if isinstance(item, Definition):
        return in_sentence(item.term), capitalise(item.definition.rstrip("."))
    if isinstance(item, DatedEvent) and not names_own_year(item):
        return capitalise(item.event.rstrip(".;, ")), display_date(item.date, item.end)
    return None


def names_own_year(item: DatedEvent) -> bool:
    """'the 1918 influenza' dates itself: matching or ordering it would be no question."""
    return item.date[:4] in item.event


def make(items: Sequence[Item], ctx: Context) -> Iterable[Question]:
    for kind, prompt in PROMPTS.items():
        chosen: list[tuple[Item, tuple[str, str]]] = []
        lefts: set[str] = set()
        rights: set[str] = set()
        for item in items:
            if item.kind != kind or (found := pair(item)) is None:
                continue
            left, right = normalise(found[0]), normalise(found[1])
            if left in lefts or right in rights:
                continue  # a second quote by one speaker, or two events on one date: ambiguous
            lefts.add(left)
            rights.add(right)
            chosen.append((item, found))
        for group in groups(chosen):
            pairs = tuple(found for _, found in group)
            core = (kind, *sorted(f"{normalise(a)}={normalise(b)}" for a, b in pairs))
            right_column = [b for _, b in pairs]
            ctx.rng(QTYPE, core).shuffle(right_column)
            yield ctx.question(
                QTYPE, core, [item for item, _ in group],
                prompt=prompt, answer="; ".join(f"{a} — {b}" for a, b in pairs),
                pairs=pairs, choices=tuple(right_column),
                level="understand" if kind == "definition" else "remember",
            )
