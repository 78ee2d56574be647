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
from collections.abc import Iterable

from ..util.text import normalise, sentence_key

__all__ = ["fact_key", "normalise", "question_id", "sentence_key", "stable_int", "type_code"]

DIGEST_CHARS = 12  # 48 bits: collisions are negligible for banks of thousands of questions


def fact_key(item) -> tuple[str, ...]:
    """What identifies the fact of an item, whatever a question makes of its wording:
    its kind's `fact_key` (each extractor module declares its own, e.g. a list is its
    members in any order, a definition its term)."""
    from ..extract import KINDS

    return KINDS.get(item.kind).fact_key(item)


def question_id(qtype: str, core: Iterable[str]) -> str:
    """Id of a question of type `qtype` asking about `core` (the parts that define the fact)."""
    return _question_id(qtype, tuple(core))


@functools.lru_cache(maxsize=65536)  # generation asks for a question's id more than once
def _question_id(qtype: str, core: tuple[str, ...]) -> str:
    code = type_code(qtype)
    key = "\x1f".join([qtype, *(normalise(part) for part in core)])
    return f"{code}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:DIGEST_CHARS]}"


def type_code(qtype: str) -> str:
    """The readable id prefix a question type declares in its registry entry ("mc")."""
    from ..generate import QUESTION_TYPES

    if qtype in QUESTION_TYPES:
        return QUESTION_TYPES.get(qtype).code
    return re.sub(r"[^a-z0-9]", "", qtype.lower())[:4] or "q"


def stable_int(text: str) -> int:
    """A 64-bit integer from text that, unlike hash(), is the same in every process."""
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")
