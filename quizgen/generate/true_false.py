"""True/false statements: each fact stated as a full sentence, and once falsified by one
controlled change in its place (a member swapped in from another list, another term's
definition, a date shifted by a few years, the quote given to another speaker).

A false statement is checked against the whole corpus so it is never true elsewhere;
a shifted date never falls inside the event's own span nor on the date of another
event of the same subject in the document. An item with no clean statement (an event
that is no clause, a definition that is no noun phrase) gives no true/false question.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..models import DatedEvent, Definition, Enumeration, Item, Question, Quote
from . import syntax
from .context import Context, fact
from .distractors import list_members_like, pick, pick_dates
from .ids import normalise
from .multiple_choice import same_list_members
from .phrasing import bare_name, capitalise, join_words, list_phrase, overlap
from .wording import (
    bounded,
    date_statement,
    definition_statement,
    event_subject,
    is_fragment,
    is_state,
    quote_statement,
)

QTYPE = "true_false"


def make(items: Sequence[Item], ctx: Context) -> Iterable[Question]:
    for item in items:
        true_statement = state(item, ctx)
        if true_statement is None:
            continue
        yield ctx.question(
            QTYPE, (*fact(item), "true"), [item], prompt=true_statement, answer="True"
        )
        falsified = falsify(item, ctx)
        if falsified is not None:
            changed, false_statement = falsified
            yield ctx.question(
                QTYPE,
                (*fact(item), "false", normalise(changed)),
                [item],
                prompt=false_statement,
                answer="False",
            )


def state(item: Item, ctx: Context) -> str | None:
    """The item as one full sentence."""
    if isinstance(item, Enumeration):
        named = list_phrase(item.label, len(item.members))
        if named is None or any(verb_first(m, ctx) for m in item.members):
            return None  # "The goals are preserve ...": verb-phrase members make no sentence after "are"
        return f"{capitalise(named)} are {join_words(item.members)}."
    if isinstance(item, Definition):
        return definition_statement(item, item.definition, ctx)
    if isinstance(item, DatedEvent):
        return date_statement(item, ctx)
    if isinstance(item, Quote):
        if is_fragment(item.text):
            return None  # "... declared that it “acknowledges ...”": a fragment makes no sentence after "said,"
        return quote_statement(item, bare_name(item.speaker))
    return None


def _names(term: str) -> list[set[str]]:
    """A term's words, and its bracketed short form apart: 'organizations (IGOs)'."""
    short = re.findall(r"\(([^)]*)\)", term)
    return [
        set(normalise(t).split()) for t in (re.sub(r"\([^)]*\)", " ", term), *short) if t.strip()
    ]


def _nested(term: str, other: str) -> bool:
    """'global IGOs' and 'intergovernmental organizations (IGOs)': what defines one may be
    true of the other, so it makes no false statement."""
    return any(a <= b or b <= a for a in _names(term) for b in _names(other) if a and b)


def falsify(item: Item, ctx: Context) -> tuple[str, str] | None:
    """(the changed value, the false statement), or None when no safe change exists."""
    rng = ctx.rng(QTYPE, (*fact(item), "false"))
    near = ctx.document.name
    vocabulary = ctx.settings.generate.distractor_vocabulary
    if isinstance(item, Enumeration):
        index = rng.randrange(len(item.members))
        member = item.members[index]
        others = list_members_like(
            item.members, ctx.corpus.pool("enumeration", "members").draw(near, rng)
        )
        correct = list(item.members) + same_list_members(item, ctx)
        swapped = pick(member, others, rng, correct=correct, vocabulary=vocabulary, count=1)
        if not swapped:
            return None
        members = list(item.members[:index]) + swapped + list(item.members[index + 1 :])
        named = list_phrase(item.label, len(members))
        return swapped[0], f"{capitalise(named)} are {join_words(members)}."
    if isinstance(item, Definition):
        same_term = ctx.corpus.where("definition", "term", item.term, "definition")
        others = (
            (tier, text)
            for tier, text in ctx.corpus.pool("definition", "definition").draw(near, rng)
            if not any(
                _nested(item.term, term)
                for term in ctx.corpus.where("definition", "definition", text, "term")
            )
        )
        swapped = pick(item.definition, others, rng, correct=same_term, count=1, adapt=False)
        statement = definition_statement(item, swapped[0], ctx) if swapped else None
        return (swapped[0], statement) if statement else None
    if isinstance(item, DatedEvent):
        if is_state(item, ctx) or bounded(item):
            return None  # a state, or a date given as a bound: a shifted date may be true too
        same_event = ctx.corpus.where("date", "event", item.event, "date")
        taken = same_subject_dates(item, ctx)
        if item.end:
            shifted = [c for c in shifted_ranges(item, rng, ctx.latest_year) if c not in same_event]
        else:
            shifted = pick_dates(
                item.date,
                [],
                rng,
                correct=same_event + [d for d, _ in taken],
                latest=ctx.latest_year,
                count=4,
            )
        for candidate in shifted:
            years = int(candidate[:4]) - int(item.date[:4])
            end = f"{int(item.end[:4]) + years:04d}{item.end[4:]}" if item.end else None
            if overlap((candidate, end), (item.date, item.end)):
                continue  # inside the event's own span: still true
            if any(overlap((candidate, end), other) for other in taken):
                continue  # the date of another event of the same subject: may be true of it
            statement = date_statement(item, ctx, candidate, end)
            return (candidate, statement) if statement else None
        return None
    if isinstance(item, Quote):
        same_quote = ctx.corpus.where("quote", "text", item.text, "speaker")
        others = (
            (tier, bare_name(speaker))
            for tier, speaker in ctx.corpus.pool("quote", "speaker").draw(near, rng)
        )
        swapped = pick(
            bare_name(item.speaker), others, rng, correct=same_quote, vocabulary=vocabulary, count=1
        )
        if not swapped:
            return None
        return swapped[0], quote_statement(item, swapped[0])
    return None


def shifted_ranges(item: DatedEvent, rng, latest: int | None) -> list[str]:
    """Starts of the same range moved clear of itself (by more than its length): a range moved
    by less would still hold part of the true one."""
    first, last = int(item.date[:4]), int(item.end[:4])
    span = last - first
    starts = [first - span - k for k in (1, 2, 3, 5)] + [last + k for k in (1, 2, 3, 5)]
    starts = [y for y in starts if y > 0 and (latest is None or y + span <= latest)]
    rng.shuffle(starts)
    return [f"{y:04d}{item.date[4:]}" for y in starts]


def verb_first(member: str, ctx: Context) -> bool:
    found = syntax.phrase(member, ctx.settings.extract.pipeline)
    return found is not None and found.reason == "a verb phrase"


def same_subject_dates(item: DatedEvent, ctx: Context) -> list[tuple[str, str | None]]:
    """Dates of the document's other events with the same subject ("the guild ...")."""
    subject = event_subject(item, ctx)
    if subject is None:
        return []
    return [
        (other.date, other.end)
        for other in ctx.corpus.of_document("date", ctx.document.name)
        if other is not item and event_subject(other, ctx) == subject
    ]
