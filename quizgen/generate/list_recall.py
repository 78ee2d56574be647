"""List recall: 'Name the three deficits.' The members are the answer, in the text's order."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..models import Enumeration, Item, Question
from .context import Context, fact
from .phrasing import count_word, in_sentence, join_words, states_count, strip_article, with_article

QTYPE = "list_recall"


def make(items: Sequence[Item], ctx: Context) -> Iterable[Question]:
    for item in items:
        if not isinstance(item, Enumeration) or len(item.members) < 2:
            continue
        label = in_sentence(item.label)
        if states_count(label):
            named = with_article(label)
        else:
            named = f"the {count_word(len(item.members))} {strip_article(label)}"
        members = tuple(in_sentence(m) for m in item.members)
        yield ctx.question(
            QTYPE, fact(item), [item], prompt=f"Name {named}.", answer=join_words(members), sequence=members,
        )
