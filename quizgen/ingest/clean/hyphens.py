"""Words broken by hyphenation: 'gov-' at a line end + 'ernment', or 'gov- ernment' inside a line (OCR).

The document's own vocabulary decides. At a line end, the halves are joined without the
hyphen when the joined word occurs elsewhere in the document, and kept hyphenated when the
compound does ('well-known'), when the left half already holds a hyphen ('hard-to-' /
'reach') or is a prefix that takes a hyphen ('self-'), or when both halves are words the
document uses on their own ('decision-' / 'making'); otherwise the hyphen only split a word
at the margin ('inter-' / 'national') and goes. Inside a line, 'gov- ernment' is joined only
when the document has the word 'government': 'pre- and post-war' stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..source import Line
from . import Draft

WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
LETTERS = re.compile(r"[a-z]+")
COMPOUND = re.compile(r"(?<![a-z])[a-z]+(?:-[a-z]+)+")
# (Each pattern starts at a word start only: tried inside words, it would cost a lot on a big file.)
BROKEN_AT_LINE_END = re.compile(r"(?<![a-z-])[a-z]+(?:-[a-z]+)*-[ \t]*\n(?:[ \t]*\n)*[ \t]*[a-z]+")
LINE_END_FRAGMENT = re.compile(r"([A-Za-z]+(?:-[A-Za-z]+)*)-$")
SPACED_HYPHEN = re.compile(r"\b([A-Za-z]{2,})- ([a-z]{2,})\b")
# Prefixes written with a hyphen before a word ('self-governing', 'non-aligned').
HYPHEN_PREFIXES = frozenset("self non ex all half quasi cross well ill so anti neo pan mid".split())


@dataclass(frozen=True)
class Vocabulary:
    words: frozenset[str]  # lowercase words, also each part of a compound
    compounds: frozenset[str]  # lowercase hyphenated compounds


def vocabulary(lines: list[Line]) -> Vocabulary:
    """The document's words, leaving out the halves of words broken at a line end."""
    text = "\n".join(ln.text for ln in lines).lower()
    text = BROKEN_AT_LINE_END.sub(
        " ", text
    )  # 'gov' and 'ernment' of 'gov-' / 'ernment' are no words
    compounds = set(COMPOUND.findall(text))
    return Vocabulary(frozenset(LETTERS.findall(text)), frozenset(compounds))


def joins_without_hyphen(left: str, right: str, vocab: Vocabulary) -> bool:
    """'gov-' + 'ernment' -> True; 'well-' + 'known', 'hard-to-' + 'reach' -> False."""
    left_word = left.rsplit("-", 1)[-1].lower()
    right_word = WORD.match(right)
    if not left_word or not right_word:
        return False
    right_word = right_word.group(0).split("-")[0].lower()
    if (
        f"{left.lower()}-{right_word}" in vocab.compounds
        or f"{left_word}-{right_word}" in vocab.compounds
    ):
        return False
    if left_word + right_word in vocab.words:
        return True
    if "-" in left or left_word in HYPHEN_PREFIXES:
        return False
    return not (left_word in vocab.words and right_word in vocab.words)


def join_spaced_hyphens(draft: Draft) -> Draft:
    """'gov- ernment' -> 'government' when the document uses 'government'."""
    if not any("- " in ln.text for ln in draft.lines):
        return draft
    vocab = vocabulary(draft.lines)

    def join(match: re.Match) -> str:
        joined = match.group(1) + match.group(2)
        return joined if joined.lower() in vocab.words else match.group(0)

    lines = []
    for ln in draft.lines:
        text = SPACED_HYPHEN.sub(join, ln.text) if "- " in ln.text else ln.text
        lines.append(Line(ln.no, text) if text != ln.text else ln)
    return replace(draft, lines=lines)
