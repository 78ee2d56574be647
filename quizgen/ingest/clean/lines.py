"""Small predicates about single lines, shared by the cleaning steps."""

from __future__ import annotations

import re

from . import EMPHASIS_CLOSE, EMPHASIS_OPEN, INLINE_MARKS, NOTE_OPEN

_MARKED = re.compile(f"[{NOTE_OPEN}{EMPHASIS_OPEN}{EMPHASIS_CLOSE}]")
# A sentence is closed by . ! ? or … optionally followed by closing quotes/brackets.
_CLOSED = re.compile(r"""[.!?…]["”’')\]]*$""")

# Words that cannot end a sentence: a line ending in one continues on the next line.
FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for from with into onto and or nor but as than that which who whose "
    "whom is are was were be been being has have had its their his her our your my this these those "
    "not no both either neither between among through over under about against towards toward via".split()
)


def without_markers(text: str) -> str:
    """The line as read: no note markers, no emphasis characters."""
    if text.isascii():  # the usual case: markers are private-use characters
        return text
    return INLINE_MARKS.sub("", text) if _MARKED.search(text) else text


def is_blank(text: str) -> bool:
    return not text.strip()


def ends_sentence(text: str) -> bool:
    """True when the line closes a sentence ('...place.', 'us.”', 'said.' + a note marker)."""
    return bool(_CLOSED.search(without_markers(text).rstrip()))


def ends_open(text: str) -> bool:
    """True when the line stops mid-sentence: no final punctuation, or a comma/semicolon/dash."""
    stripped = without_markers(text).rstrip()
    return bool(stripped) and not ends_sentence(stripped) and not stripped.endswith(":")


def starts_lowercase(text: str) -> bool:
    """The line continues a sentence: it starts with a lowercase word (not with a quote or number)."""
    stripped = without_markers(text).lstrip()
    return bool(stripped) and stripped[0].islower()


def last_word(text: str) -> str:
    words = re.findall(r"[A-Za-z]+", without_markers(text))
    return words[-1].lower() if words else ""
