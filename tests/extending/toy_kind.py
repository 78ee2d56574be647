"""A toy item kind, registered from outside the package: an acronym and what it stands for.

This is the worked example of docs/extending.md: one extractor module (this file), its
registry entry (`KIND`, registered by the caller) and its rules file (acronyms.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from quizgen.extract import ItemKind
from quizgen.extract.common import load_rules, provenance, usable_sentences
from quizgen.models import Document, Provenance
from quizgen.util.text import normalise

RULES = Path(__file__).with_name("acronyms.yaml")


@dataclass(frozen=True)
class Acronym:
    letters: str  # "HSB"
    expansion: str  # "Harbour Safety Board"
    source: Provenance
    kind: Literal["acronym"] = "acronym"


class Rules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    min_letters: int
    max_letters: int
    small_words: frozenset[str]


def extract(doc: Document, nlp, settings) -> Iterator[Acronym]:
    """'the Harbour Safety Board (HSB)': the words before the brackets whose initials
    spell the letters (small words left out)."""
    rules = load_rules(RULES, Rules)
    short_form = re.compile(rf"\(([A-Z]{{{rules.min_letters},{rules.max_letters}}})\)")
    for sentence in usable_sentences(doc):
        for match in short_form.finditer(sentence.text):
            letters = match.group(1)
            expansion = spelled_by(sentence.text[: match.start()].split(), letters, rules)
            if expansion:
                yield Acronym(letters, expansion, provenance(doc, [sentence], "acronym.brackets"))


def spelled_by(words: list[str], letters: str, rules: Rules) -> str | None:
    """The last words whose initials are `letters`, or None."""
    taken: list[str] = []
    for word in reversed(words):
        taken.insert(0, word.strip("“”\"',;:"))
        initials = "".join(w[0] for w in taken if w.lower() not in rules.small_words)
        if initials == letters and taken[0].lower() not in rules.small_words:
            return " ".join(taken)
        if len(initials) > len(letters):
            return None
    return None


def describe(item: Acronym) -> str:
    return f"{item.letters} = {item.expansion}"


def fact_key(item: Acronym) -> tuple[str, ...]:
    """An acronym is its letters and what they stand for, however the text words around them."""
    return ("acronym", item.letters, normalise(item.expansion))


KIND = ItemKind(
    name="acronym",
    item_class=Acronym,
    extract=extract,
    describe=describe,
    shown=lambda item: item.letters,
    fact_key=fact_key,
)
