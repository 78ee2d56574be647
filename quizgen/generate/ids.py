"""Stable question ids: derived from the fact a question asks and its type, never from
its wording or from run order.

An id is a readable type code plus a short sha256 of the question type and the fact's
key (`fact_key`): the item's kind and its identifying fields, normalised: a list's
members, a defined term, a date with the sentence that dates the event, a quotation's
words. For a type that asks one part of a fact (the missing member of a list, a false
statement's changed value) that part is added. The prompt, answer wording,
explanation, sources, tags and distractors are not part of it: rewording a question
keeps its id (and an Anki card's review history), while a changed fact gets a new one.
The same fact found in two documents gets the same id, which is how generation merges
them into one question with two sources.

Ids start with a letter and use only [a-z0-9-], so they are valid Anki GUIDs and
XML NCNames (QTI identifiers).
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable

TYPE_CODES: dict[str, str] = {
    "basic": "bas",
    "short_answer": "sa",
    "cloze": "clz",
    "multiple_choice": "mc",
    "true_false": "tf",
    "list_recall": "lst",
    "matching": "mat",
    "ordering": "ord",
}

DIGEST_CHARS = 12  # 48 bits: collisions are negligible for banks of thousands of questions

_QUOTES = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "–": "-", "—": "-"}
)
_ARTICLES = {"a", "an", "the"}


@functools.lru_cache(maxsize=65536)  # distractor checks compare the same phrases many times
def normalise(text: str) -> str:
    """Lower-case words of a phrase without articles, punctuation or spacing differences.

    "The Hundred Days’ Reform," and "hundred days' reform" normalise to the same text.
    """
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    text = re.sub(r"(?<=\w)'s\b|(?<=s)'(?!\w)", "", text)  # possessives: "China's" ~ "China"
    words = re.findall(r"[^\W_]+(?:[.'][^\W_]+)*", text)
    return " ".join(w for w in words if w not in _ARTICLES)


def fact_key(item) -> tuple[str, ...]:
    """What identifies the fact of an item, whatever a question makes of its wording.

    A list is its members in any order (its name differs between texts); a definition
    its term (a better-cut definition of the same term is the same fact); a dated event
    its date and the sentence that dates it (the extractor's cut of the event may
    change, the sentence is the text's); a quotation its words (a speaker's name or
    title read better keeps the id).
    """
    kind = item.kind
    if kind == "enumeration":
        return ("enumeration", *sorted(normalise(m) for m in item.members))
    if kind == "definition":
        return ("definition", normalise(item.term))
    if kind == "date":
        return ("date", item.date, item.end or "", sentence_key(item.source.sentence))
    if kind == "quote":
        return ("quote", normalise(item.text))
    raise TypeError(f"not an item: {item!r}")


_CITATION_MARKS = re.compile(r"\[(?:\d+|[a-z]|citation needed)\]|\[\^[^\]]+\]")


def sentence_key(sentence: str) -> str:
    """A source sentence as a key: reference marks and Markdown emphasis left out, normalised."""
    return normalise(_CITATION_MARKS.sub(" ", sentence).replace("*", " ").replace("_", " "))


def question_id(qtype: str, core: Iterable[str]) -> str:
    """Id of a question of type `qtype` asking about `core` (the parts that define the fact)."""
    return _question_id(qtype, tuple(core))


@functools.lru_cache(maxsize=65536)  # generation asks for a question's id more than once
def _question_id(qtype: str, core: tuple[str, ...]) -> str:
    code = TYPE_CODES.get(qtype, re.sub(r"[^a-z0-9]", "", qtype.lower())[:4] or "q")
    key = "\x1f".join([qtype, *(normalise(part) for part in core)])
    return f"{code}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:DIGEST_CHARS]}"


def stable_int(text: str) -> int:
    """A 64-bit integer from text that, unlike hash(), is the same in every process."""
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")
