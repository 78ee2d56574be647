"""Stable question ids: derived from what a question asks, never from run order.

An id is a readable type code plus a short sha256 of the question type and a
normalised, document-independent wording of the fact it asks about (its "core").
The explanation, sources, tags and distractors are not part of it, so fixing a
typo in an explanation keeps the id (and an Anki card's review history), while a
changed fact gets a new one. The same fact found in two documents gets the same
id, which is how generation merges them into one question with two sources.

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

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "–": "-", "—": "-"})
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
