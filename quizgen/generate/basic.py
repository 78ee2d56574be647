"""Basic (front/back) cards: a term's meaning, a list's members, an event's date, a quote's speaker."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..models import DatedEvent, Definition, Enumeration, Item, Question, Quote
from .context import Context, fact
from .phrasing import (
    capitalise,
    display_date,
    join_words,
    list_phrase,
    term_phrase,
    verb_definition,
)
from .syntax import common_start
from .wording import date_question, says_what, who_said

QTYPE = "basic"


def make(items: Sequence[Item], ctx: Context) -> Iterable[Question]:
    for item in items:
        if isinstance(item, Definition) and (asked := meaning_question(item, ctx)):
            prompt, answer = asked
            yield ctx.question(
                QTYPE, fact(item), [item], level="understand", prompt=prompt, answer=answer
            )
        elif isinstance(item, Enumeration) and (
            named := list_phrase(item.label, len(item.members))
        ):
            yield ctx.question(
                QTYPE,
                fact(item),
                [item],
                prompt=f"What are {named}?",
                answer=join_words(item.members),
            )
        elif isinstance(item, DatedEvent) and (prompt := date_question(item, ctx)):
            yield ctx.question(
                QTYPE, fact(item), [item], prompt=prompt, answer=display_date(item.date, item.end)
            )
        elif isinstance(item, Quote) and (prompt := who_said(item)):
            yield ctx.question(
                QTYPE, fact(item), [item], prompt=prompt, answer=speaker_answer(item)
            )


def meaning_question(item: Definition, ctx: Context | None = None) -> tuple[str, str] | None:
    """'What is meant by the key to ...?' -> its definition. A definition that is the
    sentence's own predicate ("The term “tenure” involves the ...") does not answer
    "What is meant by": it is asked with its verb ("What does the term “tenure”
    involve?" -> "The ..."). The term is a noun phrase (`screen` refuses others)."""
    sentence = item.source.sentence
    predicate = verb_definition(item.term, item.definition, sentence)
    if predicate:
        named, verb, rest = predicate
        return f"What does {named} {verb}?", capitalise(rest)
    if ctx is not None and says_what(item.definition, ctx) is False:
        return None  # "Founded to provide relief ...": no answer to "What is meant by"
    term = term_phrase(item.term, sentence)
    if ctx is not None:
        term = common_start(term, ctx.settings.extract.pipeline)
    return f"What is meant by {term}?", capitalise(item.definition)


def speaker_answer(item: Quote) -> str:
    """The speaker with their role ("Edda Marstrand (Danish Trade Minister)"). A role
    that is only another name ("Peter J. Halvorsen") says nothing of a role and is left out."""
    return f"{item.speaker} ({item.role})" if item.role and is_role(item.role) else item.speaker


def is_role(role: str) -> bool:
    """A role says what someone is: it holds a common word ("editor of the Gazette") or a
    title noun ("Danish Trade Minister"); a name ("Peter J. Halvorsen") or a cut-off
    fragment of a title ("Mint", from "Master of the Mint") does not."""
    words = re.findall(r"[^\W\d_][\w'’.-]*", role)
    return any(
        w[0].islower() or any(part in ROLE_WORDS for part in w.lower().rstrip(".").split("-"))
        for w in words
    )


ROLE_WORDS = {
    "president",
    "minister",
    "secretary",
    "general",
    "chairman",
    "chairwoman",
    "senator",
    "governor",
    "mayor",
    "chancellor",
    "premier",
    "prime",
    "professor",
    "dr",
    "ambassador",
    "editor",
    "director",
    "head",
    "chief",
    "leader",
    "member",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "adviser",
    "advisor",
    "historian",
    "author",
    "official",
    "commander",
    "deputy",
    "king",
    "queen",
    "emperor",
    "representative",
    "delegate",
    "envoy",
    "founder",
}
