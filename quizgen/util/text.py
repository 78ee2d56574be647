"""Phrases compared as facts: the normal form question ids, distractor checks and the
item kinds' fact keys share (`generate/ids.py` builds ids from it)."""

from __future__ import annotations

import functools
import re
import unicodedata

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


_CITATION_MARKS = re.compile(r"\[(?:\d+|[a-z]|citation needed)\]|\[\^[^\]]+\]")


def sentence_key(sentence: str) -> str:
    """A source sentence as a key: reference marks and Markdown emphasis left out, normalised."""
    return normalise(_CITATION_MARKS.sub(" ", sentence).replace("*", " ").replace("_", " "))
