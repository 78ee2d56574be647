"""Cloze deletions: the source sentence with the fact blanked, held as text runs and
`Blank`s (renderers write each format's own markup, e.g. Anki's, from them).

A list gets one blank per member (one Anki card each); a definition blanks its term,
a dated event its date, a quote its speaker. Where the sentence does not hold the
words verbatim, a plain sentence is built from the item instead (a list, a term, a
quote) or no cloze is made (a date).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..models import (
    GAP,
    Blank,
    ClozePart,
    DatedEvent,
    Definition,
    Enumeration,
    Item,
    Question,
    Quote,
    cloze_text,
)
from ..registry import Registry
from . import QuestionType
from .context import Context, fact, unshouted_names
from .phrasing import bare_name, capitalise, date_pattern, list_phrase
from .wording import YEAR, definition_statement, is_fragment, quote_statement

Cloze = tuple[ClozePart, ...]

QTYPE = "cloze"
MIN_CONTEXT_WORDS = 3  # words a list's cloze must keep around its blanks
MAX_BLANK_WORDS = 8  # a longer member is a clause to write out, not a blank to fill
MAX_BLANKS = 7  # more members than a student can recall from one sentence


def make(items: Sequence[Item], ctx: Context) -> Iterable[Question]:
    for item in items:
        parts = blank(item, ctx)
        if parts is None:
            continue
        answers = [part.answer for part in parts if isinstance(part, Blank)]
        yield ctx.question(
            QTYPE,
            fact(item),
            [item],
            prompt=cloze_text(parts, GAP),
            answer="; ".join(answers),
            cloze=parts,
        )


def blank(item: Item, ctx: Context) -> Cloze | None:
    """The cloze text as runs and blanks, or None when no fair cloze can be made."""
    return BY_KIND.get(item.kind)(item, ctx) if item.kind in BY_KIND else None


def blank_enumeration(item: Enumeration, ctx: Context) -> Cloze | None:
    if any(len(m.split()) > MAX_BLANK_WORDS for m in item.members):
        return None  # members that are whole sentences leave a page of blanks, no clue
    if len(item.members) > MAX_BLANKS:
        return None  # ten countries in a row are a test of memory, not of the reading
    found = in_text(source_sentence(item), list(item.members))
    if found and len(re.findall(r"\w+", cloze_text(found, " "))) < MIN_CONTEXT_WORDS:
        found = None  # a bare run of members (a list under a heading) gives no clue
    return found or listed(item)


def blank_definition(item: Definition, ctx: Context) -> Cloze | None:
    found = in_text(source_sentence(item), [item.term])
    if found:
        return found
    statement = definition_statement(item, item.definition, ctx)
    return in_text(statement, [item.term]) if statement else None


def blank_date(item: DatedEvent, ctx: Context) -> Cloze | None:
    if item.end:
        return None
    sentence = source_sentence(item)
    found = list(date_pattern(item.date).finditer(sentence))
    if len(found) != 1:
        return None
    outside = sentence[: found[0].start()] + " " + sentence[found[0].end() :]
    if YEAR.search(outside):
        return None  # another date beside the blank could be taken for the answer
    return in_text(sentence, [found[0].group(0)])


def blank_quote(item: Quote, ctx: Context) -> Cloze | None:
    name = bare_name(item.speaker)
    if in_text(source_sentence(item), [name]) or is_fragment(item.text):
        return in_text(source_sentence(item), [name])  # a fragment reads only in its own sentence
    return in_text(quote_statement(item, name), [name])


def source_sentence(item: Item) -> str:
    return unshouted_names(item.source.sentence.strip())  # "the PEACE OF X was ..." as a name


def in_text(text: str, phrases: list[str]) -> Cloze | None:
    """Blank each phrase where it occurs exactly once as whole words; numbered in reading order."""
    spans = []
    for phrase in phrases:
        found = list(re.finditer(rf"(?<!\w){re.escape(phrase.strip())}(?!\w)", text, re.IGNORECASE))
        if len(found) != 1:
            return None
        spans.append(found[0].span())
    spans.sort()
    if any(a_end > b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:])):
        return None  # one phrase inside another: the blanks would overlap
    parts: list[ClozePart] = []
    last = 0
    for start, end in spans:
        parts += [text[last:start], Blank(text[start:end])]
        last = end
    parts.append(text[last:])
    return tuple(part for part in parts if part != "")


def listed(item: Enumeration) -> Cloze | None:
    """'The three deficits are [a], [b] and [c].' (`phrasing.join_words`, with blanks)."""
    named = list_phrase(item.label, len(item.members))
    if named is None:
        return None
    members = list(item.members)
    serial = "," if len(members) > 2 and any(" and " in m for m in members) else ""
    parts: list[ClozePart] = [f"{capitalise(named)} are "]
    for number, member in enumerate(members):
        if number:
            parts.append(f"{serial} and " if number == len(members) - 1 else ", ")
        parts.append(Blank(member))
    parts.append(".")
    return tuple(parts)


BY_KIND: Registry[Callable[[Any, Context], Cloze | None]] = Registry("cloze of kind")
BY_KIND.register("enumeration", blank_enumeration)
BY_KIND.register("definition", blank_definition)
BY_KIND.register("date", blank_date)
BY_KIND.register("quote", blank_quote)
TYPE = QuestionType(
    QTYPE, code="clz", label="Cloze", make=make, by_kind=BY_KIND, prompt_asks_answer=False
)
