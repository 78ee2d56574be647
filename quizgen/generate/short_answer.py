"""Short-answer questions graded by matching: the answer is a few words, with the
spellings a teacher would also accept (case, articles, both orders of 'x and y')."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..models import DatedEvent, Definition, Enumeration, Item, Question, Quote
from ..registry import Registry
from . import QuestionType
from .context import Context, ask_each, fact
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
    return ask_each(BY_KIND, items, ctx)


def ask_definition(item: Definition, ctx: Context) -> Question | None:
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


def ask_enumeration(item: Enumeration, ctx: Context) -> Question | None:
    members = list(item.members)
    missing = members[-1]
    named = list_phrase(item.label, len(members), with_count=True)
    last = ordinal(len(members))
    if named is None or last is None or len(members) < 2 or word_count(missing) > MAX_ANSWER_WORDS:
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


def ask_date(item: DatedEvent, ctx: Context) -> Question | None:
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


def ask_quote(item: Quote, ctx: Context) -> Question | None:
    prompt = who_said(item)
    if not prompt:
        return None
    return ctx.question(
        QTYPE,
        fact(item),
        [item],
        prompt=prompt,
        answer=bare_name(item.speaker),
        accepted=alternatives(bare_name(item.speaker), name_variants(item.speaker)),
    )


BY_KIND: Registry[Callable[[Any, Context], Question | None]] = Registry(
    "short-answer question of kind"
)
BY_KIND.register("definition", ask_definition)
BY_KIND.register("enumeration", ask_enumeration)
BY_KIND.register("date", ask_date)
BY_KIND.register("quote", ask_quote)
TYPE = QuestionType(QTYPE, code="sa", label="Short answer", make=make, by_kind=BY_KIND)


def alternatives(answer: str, forms) -> tuple[str, ...]:
    """The other spellings a teacher accepts: the answer itself is not repeated."""
    return tuple(f for f in forms if f != answer)
