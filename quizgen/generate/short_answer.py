"""Short-answer questions graded by matching: the answer is a few words, with the
spellings a teacher would also accept (case, articles, both orders of 'x and y')."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..models import DatedEvent, Definition, Enumeration, Item, Question, Quote
from .context import Context, fact
from .ids import normalise
from .phrasing import (
    answer_variants,
    bare_name,
    capitalise,
    cited,
    date_forms,
    display_date,
    join_words,
    list_phrase,
    name_variants,
    ordinal,
    word_count,
)
from .wording import date_question, who_said

QTYPE = "short_answer"
MAX_ANSWER_WORDS = 6  # longer answers cannot be graded by matching a few spellings


def make(items: Sequence[Item], ctx: Context) -> Iterable[Question]:
    for item in items:
        question = ask(item, ctx)
        if question is not None:
            yield question


def ask(item: Item, ctx: Context) -> Question | None:
    if isinstance(item, Definition):
        term = item.term
        if word_count(term) > MAX_ANSWER_WORDS:
            return None
        return ctx.question(
            QTYPE,
            fact(item),
            [item],
            level="understand",
            prompt=f"Which term does the text explain with these words: {cited(item.definition)}?",
            answer=term,
            accepted=alternatives(term, answer_variants(term)),
        )
    if isinstance(item, Enumeration):
        members = list(item.members)
        missing = members[-1]
        named = list_phrase(item.label, len(members), with_count=True)
        last = ordinal(len(members))
        if (
            named is None
            or last is None
            or len(members) < 2
            or word_count(missing) > MAX_ANSWER_WORDS
        ):
            return None
        # Members quoted one by one: "Besides A and B and C and D" cannot be read when
        # members hold "and" themselves.
        given = join_words([f"“{m}”" for m in members[:-1]] + ["one more"])
        return ctx.question(
            QTYPE,
            (*fact(item), "missing", normalise(missing)),
            [item],
            prompt=f"{capitalise(named)} are {given}. What is the {last}?",
            answer=missing,
            accepted=alternatives(missing, answer_variants(missing)),
        )
    if isinstance(item, DatedEvent):
        prompt = date_question(item, ctx)
        if prompt is None:
            return None
        answer_date = display_date(item.date, item.end)
        return ctx.question(
            QTYPE,
            fact(item),
            [item],
            prompt=prompt,
            answer=answer_date,
            accepted=alternatives(answer_date, date_forms(item.date, item.end)),
        )
    if isinstance(item, Quote) and (prompt := who_said(item)):
        return ctx.question(
            QTYPE,
            fact(item),
            [item],
            prompt=prompt,
            answer=bare_name(item.speaker),
            accepted=alternatives(bare_name(item.speaker), name_variants(item.speaker)),
        )
    return None


def alternatives(answer: str, forms) -> tuple[str, ...]:
    """The other spellings a teacher accepts: the answer itself is not repeated."""
    return tuple(f for f in forms if f != answer)
