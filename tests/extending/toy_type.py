"""A toy question type, registered from outside the package: "What is HSB, written out in full?"

The worked example of docs/extending.md: one module with its registry entry (`TYPE`),
what it asks of each item kind (`BY_KIND`), and, for a renderer that can express it,
that renderer's function (Anki: a basic note, see `register`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from quizgen.generate import QuestionType
from quizgen.generate.context import Context, ask_each, fact
from quizgen.models import Item, Question
from quizgen.registry import Registry

QTYPE = "expansion"


def make(items: Sequence[Item], ctx: Context) -> Iterable[Question]:
    return ask_each(BY_KIND, items, ctx)


def ask_acronym(item, ctx: Context) -> Question:
    return ctx.question(
        QTYPE,
        fact(item),
        [item],
        prompt=f"What is {item.letters}, written out in full?",
        answer=item.expansion,
    )


BY_KIND: Registry = Registry("expansion question of kind")
BY_KIND.register("acronym", ask_acronym)
TYPE = QuestionType(QTYPE, code="exp", label="Expansion", make=make, by_kind=BY_KIND)


def ask_basic(item, ctx: Context) -> Question:
    """What the existing basic type asks of the new kind: the short form of the words."""
    return ctx.question(
        "basic",
        fact(item),
        [item],
        prompt=f"What is the short form of {item.expansion}?",
        answer=item.letters,
    )
