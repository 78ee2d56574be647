"""True/false statements: each fact stated as the text gives it, and once falsified
by one controlled change (a member swapped in from another list, another term's
definition, a date shifted by a few years, the quote given to another speaker).

A false statement is checked against the whole corpus so it is never true elsewhere.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..models import DatedEvent, Definition, Enumeration, Item, Question, Quote
from .context import Context, fact
from .distractors import pick, pick_dates
from .multiple_choice import same_list_members
from .phrasing import (
    bare_name, capitalise, cited, display_date, join_words, list_phrase, shown_quote, term_phrase,
)

QTYPE = "true_false"


def make(items: Sequence[Item], ctx: Context) -> Iterable[Question]:
    for item in items:
        true_statement = state(item)
        if true_statement is None:
            continue
        yield ctx.question(QTYPE, (*fact(item), "true"), [item], prompt=true_statement, answer="True")
        falsified = falsify(item, ctx)
        if falsified is not None:
            changed, false_statement = falsified
            yield ctx.question(QTYPE, (*changed, "false"), [item], prompt=false_statement, answer="False")


def state(item: Item) -> str | None:
    """The item as one plain statement."""
    if isinstance(item, Enumeration):
        named = list_phrase(item.label, len(item.members))
        return f"{capitalise(named)} are {join_words(item.members)}." if named else None
    if isinstance(item, Definition):
        return f"The text explains {term_phrase(item.term, item.source.sentence)} with these words: {cited(item.definition)}."
    if isinstance(item, DatedEvent):
        when = f"From {display_date(item.date)} to {display_date(item.end)}" if item.end else (
            f"{'On' if item.date.count('-') == 2 else 'In'} {display_date(item.date)}"
        )
        # A timeline entry reads right whether the event is a clause or a noun phrase.
        return f"{when}: {item.event.rstrip('.;, ')}."
    if isinstance(item, Quote):
        return f"{bare_name(item.speaker)} said: “{shown_quote(item.text)}”"
    return None


def falsify(item: Item, ctx: Context) -> tuple[tuple[str, ...], str] | None:
    """(core of the changed fact, false statement), or None when no safe change exists."""
    rng = ctx.rng(QTYPE, (*fact(item), "false"))
    near = ctx.document.name
    vocabulary = ctx.settings.generate.distractor_vocabulary
    if isinstance(item, Enumeration):
        index = rng.randrange(len(item.members))
        member = item.members[index]
        others = ctx.corpus.pool("enumeration", "members").draw(near, rng)
        correct = list(item.members) + same_list_members(item, ctx)
        swapped = pick(member, others, rng, correct=correct, vocabulary=vocabulary, count=1)
        if not swapped:
            return None
        members = list(item.members[:index]) + swapped + list(item.members[index + 1:])
        changed = Enumeration(label=item.label, members=tuple(members), source=item.source)
        return fact(changed), state(changed)
    if isinstance(item, Definition):
        same_term = ctx.corpus.where("definition", "term", item.term, "definition")
        others = ctx.corpus.pool("definition", "definition").draw(near, rng)
        swapped = pick(item.definition, others, rng, correct=same_term, count=1, adapt=False)
        if not swapped:
            return None
        changed = Definition(term=item.term, definition=swapped[0], source=item.source)
        return fact(changed), state(changed)
    if isinstance(item, DatedEvent):
        same_event = ctx.corpus.where("date", "event", item.event, "date")
        shifted = pick_dates(item.date, [], rng, end=item.end, correct=same_event, latest=ctx.latest_year, count=1)
        if not shifted:
            return None
        years = int(shifted[0][:4]) - int(item.date[:4])
        end = f"{int(item.end[:4]) + years:04d}{item.end[4:]}" if item.end else None
        changed = DatedEvent(date=shifted[0], event=item.event, source=item.source, end=end)
        return fact(changed), state(changed)
    if isinstance(item, Quote):
        same_quote = ctx.corpus.where("quote", "text", item.text, "speaker")
        others = ((tier, bare_name(speaker)) for tier, speaker in ctx.corpus.pool("quote", "speaker").draw(near, rng))
        swapped = pick(bare_name(item.speaker), others, rng, correct=same_quote, vocabulary=vocabulary, count=1)
        if not swapped:
            return None
        changed = Quote(text=item.text, speaker=swapped[0], source=item.source)
        return fact(changed), state(changed)
    return None
