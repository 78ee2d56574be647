"""Cloze deletions in Anki's markup: the source sentence with the fact blanked.

A list gets one numbered blank per member ({{c1::..}}, {{c2::..}}: one Anki card
each); a definition blanks its term, a dated event its date, a quote its speaker.
Where the sentence does not hold the words verbatim, a plain sentence is built
from the item instead (a list, a term, a quote) or no cloze is made (a date).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..models import DatedEvent, Definition, Enumeration, Item, Question, Quote
from .context import Context, fact, unshouted_names
from .phrasing import bare_name, capitalise, cloze, date_pattern, join_words, list_phrase
from .wording import YEAR, definition_statement, is_fragment, quote_statement

QTYPE = "cloze"
MIN_CONTEXT_WORDS = 3  # words a list's cloze must keep around its blanks
MAX_BLANK_WORDS = 8  # a longer member is a clause to write out, not a blank to fill
MAX_BLANKS = 7  # more members than a student can recall from one sentence
_CLOZES = re.compile(r"\{\{c\d+::.*?\}\}")


def make(items: Sequence[Item], ctx: Context) -> Iterable[Question]:
    for item in items:
        marked = blank(item, ctx)
        if marked is None:
            continue
        prompt, blanks = marked
        yield ctx.question(
            QTYPE,
            fact(item),
            [item],
            prompt=prompt,
            answer="; ".join(blanks),
            blanks=tuple(blanks),
        )


def blank(item: Item, ctx: Context) -> tuple[str, list[str]] | None:
    """The cloze text and its blanks in order, or None when no fair cloze can be made."""
    sentence = unshouted_names(item.source.sentence.strip())  # "the PEACE OF X was ..." as a name
    if isinstance(item, Enumeration):
        if any(len(m.split()) > MAX_BLANK_WORDS for m in item.members):
            return None  # members that are whole sentences leave a page of blanks, no clue
        if len(item.members) > MAX_BLANKS:
            return None  # ten countries in a row are a test of memory, not of the reading
        found = in_text(sentence, list(item.members))
        if found and len(re.findall(r"\w+", _CLOZES.sub(" ", found[0]))) < MIN_CONTEXT_WORDS:
            found = None  # a bare run of members (a list under a heading) gives no clue
        return found or listed(item)
    if isinstance(item, Definition):
        found = in_text(sentence, [item.term])
        if found:
            return found
        statement = definition_statement(item, item.definition, ctx)
        return in_text(statement, [item.term]) if statement else None
    if isinstance(item, DatedEvent):
        if item.end:
            return None
        found = list(date_pattern(item.date).finditer(sentence))
        if len(found) != 1:
            return None
        outside = sentence[: found[0].start()] + " " + sentence[found[0].end() :]
        if YEAR.search(outside):
            return None  # another date beside the blank could be taken for the answer
        return in_text(sentence, [found[0].group(0)])
    if isinstance(item, Quote):
        name = bare_name(item.speaker)
        if in_text(sentence, [name]) or is_fragment(item.text):
            return in_text(sentence, [name])  # a fragment reads only in its own sentence
        return in_text(quote_statement(item, name), [name])
    return None


def in_text(text: str, phrases: list[str]) -> tuple[str, list[str]] | None:
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
    out, blanks, last = [], [], 0
    for number, (start, end) in enumerate(spans, 1):
        out += [text[last:start], cloze(number, text[start:end])]
        blanks.append(text[start:end])
        last = end
    out.append(text[last:])
    return "".join(out), blanks


def listed(item: Enumeration) -> tuple[str, list[str]] | None:
    """'The three deficits are {{c1::...}}, {{c2::...}} and {{c3::...}}.'"""
    named = list_phrase(item.label, len(item.members))
    if named is None:
        return None
    marked = [cloze(n, m) for n, m in enumerate(item.members, 1)]
    return f"{capitalise(named)} are {join_words(marked)}.", list(item.members)
