"""List recall: 'Name the three deficits.' The members are the answer, in the text's order."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..models import Enumeration, Item, Question
from . import QuestionType
from .context import Context, fact
from .phrasing import join_words, list_phrase

QTYPE = "list_recall"


def make(items: Sequence[Item], ctx: Context) -> Iterable[Question]:
    for item in items:
        if not isinstance(item, Enumeration) or len(item.members) < 2:
            continue
        named = list_phrase(item.label, len(item.members), with_count=True)
        if named is None:
            continue  # the list's name is not a noun phrase: nothing to ask it by
        yield ctx.question(
            QTYPE,
            fact(item),
            [item],
            prompt=f"Name {named}.",
            answer=join_words(item.members),
            sequence=tuple(item.members),
        )


TYPE = QuestionType(
    QTYPE, code="lst", label="List recall", make=make, several_parts=True, prompt_asks_answer=False
)
