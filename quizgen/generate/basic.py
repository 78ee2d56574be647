"""Basic (front/back) cards: a term's meaning, a list's members, an event's date, a quote's speaker."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..models import DatedEvent, Definition, Enumeration, Item, Question, Quote
from ..registry import Registry
from . import QuestionType
from .context import Context, ask_each, fact
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
    return ask_each(BY_KIND, items, ctx)


def ask_definition(item: Definition, ctx: Context) -> Question | None:
    asked = meaning_question(item, ctx)
    if asked is None:
        return None
    prompt, answer = asked
    return ctx.question(QTYPE, fact(item), [item], level="understand", prompt=prompt, answer=answer)


def ask_enumeration(item: Enumeration, ctx: Context) -> Question | None:
    named = list_phrase(item.label, len(item.members))
    if named is None:
        return None
    return ctx.question(
        QTYPE, fact(item), [item], prompt=f"What are {named}?", answer=join_words(item.members)
    )


def ask_date(item: DatedEvent, ctx: Context) -> Question | None:
    prompt = date_question(item, ctx)
    if prompt is None:
        return None
    return ctx.question(
        QTYPE, fact(item), [item], prompt=prompt, answer=display_date(item.date, item.end)
    )


def ask_quote(item: Quote, ctx: Context) -> Question | None:
    prompt = who_said(item)
    if not prompt:
        return None
    return ctx.question(QTYPE, fact(item), [item], prompt=prompt, answer=speaker_answer(item))


BY_KIND: Registry[Callable[[Any, Context], Question | None]] = Registry("basic question of kind")
BY_KIND.register("definition", ask_definition)
BY_KIND.register("enumeration", ask_enumeration)
BY_KIND.register("date", ask_date)
BY_KIND.register("quote", ask_quote)
TYPE = QuestionType(QTYPE, code="bas", label="Basic", make=make, by_kind=BY_KIND)


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
