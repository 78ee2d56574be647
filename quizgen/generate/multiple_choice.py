"""Multiple choice: the answer and three distractors of the same kind, in a seeded order.

No question is made when fewer than three fair distractors can be found.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..models import DatedEvent, Definition, Enumeration, Item, Question, Quote
from ..registry import Registry
from . import QuestionType
from .context import Context, fact
from .distractors import OPTIONS, list_members_like, pick, pick_dates
from .ids import normalise, stable_int
from .phrasing import (
    bare_name,
    cited,
    date_parts,
    display_date,
    list_phrase,
    name_variants,
    shift_years,
)
from .wording import date_question, who_said

QTYPE = "multiple_choice"


@dataclass(frozen=True)
class Asked:
    """What a kind's entry makes of an item: the question before its options are shuffled."""

    core: tuple[str, ...]
    prompt: str
    answer: str
    wrong: list[str]  # the distractors found (a question needs OPTIONS of them)
    level: str = "remember"


def make(items: Sequence[Item], ctx: Context) -> Iterable[Question]:
    for item in items:
        question = ask(item, ctx)
        if question is not None:
            yield question


def ask(item: Item, ctx: Context) -> Question | None:
    if item.kind not in BY_KIND:
        return None
    rng = ctx.rng(QTYPE, fact(item))
    asked = BY_KIND.get(item.kind)(item, ctx, rng)
    if asked is None or len(asked.wrong) < OPTIONS:
        return None
    choices = [asked.answer, *asked.wrong]
    rng.shuffle(choices)
    return ctx.question(
        QTYPE,
        asked.core,
        [item],
        prompt=asked.prompt,
        answer=asked.answer,
        choices=tuple(choices),
        level=asked.level,
    )


def ask_definition(item: Definition, ctx: Context, rng) -> Asked:
    same = ctx.corpus.where("definition", "definition", item.definition, "term")
    others = ctx.corpus.pool("definition", "term").draw(ctx.document.name, rng)
    vocabulary = ctx.settings.generate.distractor_vocabulary
    return Asked(
        fact(item),
        f"Which term does the text explain with these words: {cited(item.definition)}?",
        item.term,
        pick(item.term, others, rng, correct=same, vocabulary=vocabulary),
        level="understand",
    )


def ask_enumeration(item: Enumeration, ctx: Context, rng) -> Asked | None:
    named = list_phrase(item.label, len(item.members))
    if named is None:
        return None
    core = fact(item)
    # Which member is asked depends on the fact only, so the id does not change with the seed.
    answer = item.members[stable_int("|".join(core)) % len(item.members)]
    others = list_members_like(
        item.members, ctx.corpus.pool("enumeration", "members").draw(ctx.document.name, rng)
    )
    correct = list(item.members) + same_list_members(item, ctx)
    vocabulary = ctx.settings.generate.distractor_vocabulary
    return Asked(
        (*core, "member", normalise(answer)),
        f"Which of these is one of {named}?",
        answer,
        pick(answer, others, rng, correct=correct, vocabulary=vocabulary),
    )


def ask_date(item: DatedEvent, ctx: Context, rng) -> Asked | None:
    prompt = date_question(item, ctx)
    if prompt is None:
        return None
    same = ctx.corpus.where("date", "event", item.event, "date")
    if item.end:
        wrong = other_ranges(item, rng, same, ctx.latest_year)
    else:
        others = ctx.corpus.pool("date", "date").draw(ctx.document.name, rng)
        dates = pick_dates(item.date, others, rng, correct=same, latest=ctx.latest_year)
        wrong = [display_date(d) for d in dates]
    return Asked(fact(item), prompt, display_date(item.date, item.end), wrong)


def ask_quote(item: Quote, ctx: Context, rng) -> Asked | None:
    prompt = who_said(item)
    if not prompt:
        return None
    answer = bare_name(item.speaker)
    same = ctx.corpus.where("quote", "text", item.text, "speaker")
    others = (
        (tier, bare_name(speaker))
        for tier, speaker in ctx.corpus.pool("quote", "speaker").draw(ctx.document.name, rng)
    )
    vocabulary = ctx.settings.generate.distractor_vocabulary
    correct = name_variants(item.speaker) + same
    return Asked(
        fact(item),
        prompt,
        answer,
        pick(answer, others, rng, correct=correct, vocabulary=vocabulary),
    )


BY_KIND: Registry[Callable[[Any, Context, Any], Asked | None]] = Registry(
    "multiple-choice question of kind"
)
BY_KIND.register("definition", ask_definition)
BY_KIND.register("enumeration", ask_enumeration)
BY_KIND.register("date", ask_date)
BY_KIND.register("quote", ask_quote)
TYPE = QuestionType(
    QTYPE, code="mc", label="Multiple choice", make=make, by_kind=BY_KIND, recognition=True
)


def same_list_members(item: Enumeration, ctx: Context) -> list[str]:
    """Members of lists with the same name elsewhere: also right, so never distractors."""
    return ctx.corpus.where("enumeration", "label", item.label, "members")


def other_ranges(item: DatedEvent, rng, correct: list[str], latest: int | None) -> list[str]:
    """A range's distractors are the same range moved by a few years: a single date among
    ranges (or a range among single dates) would give the answer away."""
    span = date_parts(item.end)[0] - date_parts(item.date)[0]
    starts = pick_dates(
        item.date,
        [],
        rng,
        end=item.end,
        correct=correct,
        latest=None if latest is None else latest - span,
    )
    return [
        display_date(d, shift_years(item.end, date_parts(d)[0] - date_parts(item.date)[0]))
        for d in starts
    ]
