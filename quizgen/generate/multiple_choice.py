"""Multiple choice: the answer and three distractors of the same kind, in a seeded order.

No question is made when fewer than three fair distractors can be found.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..models import DatedEvent, Definition, Enumeration, Item, Question, Quote
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


def make(items: Sequence[Item], ctx: Context) -> Iterable[Question]:
    for item in items:
        question = ask(item, ctx)
        if question is not None:
            yield question


def ask(item: Item, ctx: Context) -> Question | None:
    vocabulary = ctx.settings.generate.distractor_vocabulary
    core = fact(item)
    rng = ctx.rng(QTYPE, core)
    near = ctx.document.name
    if isinstance(item, Definition):
        prompt = f"Which term does the text explain with these words: {cited(item.definition)}?"
        answer = item.term
        same = ctx.corpus.where("definition", "definition", item.definition, "term")
        others = ctx.corpus.pool("definition", "term").draw(near, rng)
        wrong = pick(answer, others, rng, correct=same, vocabulary=vocabulary)
        level = "understand"
    elif isinstance(item, Enumeration) and (named := list_phrase(item.label, len(item.members))):
        # Which member is asked depends on the fact only, so the id does not change with the seed.
        answer = item.members[stable_int("|".join(core)) % len(item.members)]
        core = (*core, "member", normalise(answer))
        prompt = f"Which of these is one of {named}?"
        others = list_members_like(
            item.members, ctx.corpus.pool("enumeration", "members").draw(near, rng)
        )
        correct = list(item.members) + same_list_members(item, ctx)
        wrong = pick(answer, others, rng, correct=correct, vocabulary=vocabulary)
        level = "remember"
    elif isinstance(item, DatedEvent) and (prompt := date_question(item, ctx)):
        answer = display_date(item.date, item.end)
        same = ctx.corpus.where("date", "event", item.event, "date")
        if item.end:
            wrong = other_ranges(item, rng, same, ctx.latest_year)
        else:
            others = ctx.corpus.pool("date", "date").draw(near, rng)
            dates = pick_dates(item.date, others, rng, correct=same, latest=ctx.latest_year)
            wrong = [display_date(d) for d in dates]
        level = "remember"
    elif isinstance(item, Quote) and (prompt := who_said(item)):
        answer = bare_name(item.speaker)
        same = ctx.corpus.where("quote", "text", item.text, "speaker")
        others = (
            (tier, bare_name(speaker))
            for tier, speaker in ctx.corpus.pool("quote", "speaker").draw(near, rng)
        )
        wrong = pick(
            answer, others, rng, correct=name_variants(item.speaker) + same, vocabulary=vocabulary
        )
        level = "remember"
    else:
        return None
    if len(wrong) < OPTIONS:
        return None
    choices = [answer, *wrong]
    rng.shuffle(choices)
    return ctx.question(
        QTYPE, core, [item], prompt=prompt, answer=answer, choices=tuple(choices), level=level
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
