"""Basic (front/back) cards: a term's meaning, a list's members, an event's date, a quote's speaker."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..models import DatedEvent, Definition, Enumeration, Item, Question, Quote
from .context import Context, fact
from .phrasing import display_date, in_sentence, join_words, shown_quote, with_article

QTYPE = "basic"


def make(items: Sequence[Item], ctx: Context) -> Iterable[Question]:
    for item in items:
        if isinstance(item, Definition):
            yield ctx.question(
                QTYPE, fact(item), [item], level="understand",
                prompt=f"What is meant by {in_sentence(item.term)}?",
                answer=item.definition[:1].upper() + item.definition[1:],
            )
        elif isinstance(item, Enumeration):
            yield ctx.question(
                QTYPE, fact(item), [item],
                prompt=f"What are {with_article(in_sentence(item.label))}?",
                answer=join_words([in_sentence(m) for m in item.members]),
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
        asked = "Over which years did this happen"
    else:
        asked = {0: "In what year", 1: "In what month and year", 2: "On what date"}[item.date.count("-")]
        asked += " did this happen"
    return f"{asked}: {in_sentence(item.event).rstrip('.;, ')}?"


def who_said_prompt(item: Quote) -> str:
    return f"Who said: “{shown_quote(item.text)}”?"


def speaker_answer(item: Quote) -> str:
    return f"{item.speaker} ({item.role})" if item.role else item.speaker
