"""Basic (front/back) cards: a term's meaning, a list's members, an event's date, a quote's speaker."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..models import DatedEvent, Definition, Enumeration, Item, Question, Quote
from .context import Context, fact
from .phrasing import capitalise, display_date, join_words, list_phrase, shown_quote

QTYPE = "basic"


def make(items: Sequence[Item], ctx: Context) -> Iterable[Question]:
    for item in items:
        if isinstance(item, Definition):
            yield ctx.question(
                QTYPE, fact(item), [item], level="understand",
                prompt=f"What is meant by {item.term}?", answer=capitalise(item.definition),
            )
        elif isinstance(item, Enumeration) and (named := list_phrase(item.label, len(item.members))):
            yield ctx.question(
                QTYPE, fact(item), [item], prompt=f"What are {named}?", answer=join_words(item.members),
            )
        elif isinstance(item, DatedEvent):
            yield ctx.question(
                QTYPE, fact(item), [item],
                prompt=when_prompt(item), answer=display_date(item.date, item.end),
            )
        elif isinstance(item, Quote):
            yield ctx.question(
                QTYPE, fact(item), [item],
                prompt=who_said_prompt(item), answer=speaker_answer(item),
            )


def when_prompt(item: DatedEvent) -> str:
    """'In what year did this happen: <event>?' at the precision of the item's date."""
    if item.end:
        asked = "When did this happen"
    else:
        asked = {0: "In what year", 1: "In what month and year", 2: "On what date"}[item.date.count("-")]
        asked += " did this happen"
    return f"{asked}: {item.event.rstrip('.;, ')}?"


def who_said_prompt(item: Quote) -> str:
    return f"Who said: “{shown_quote(item.text)}”?"


def speaker_answer(item: Quote) -> str:
    return f"{item.speaker} ({item.role})" if item.role else item.speaker
