"""Which questions a printed worksheet holds, and how each version lays them out.

Plain Python, no HTML: selection (types, tags, difficulty, counts per type, chosen
with a seed), the per-version shuffles of question order and choices, and cloze
texts as runs of text and blanks. The templates only print what is here.
"""

from __future__ import annotations

import random
import string
from collections.abc import Sequence
from dataclasses import dataclass

from ..generate.choose import TYPE_ORDER
from ..models import Question
from . import type_label

# Sections print in the order a sheet is filled (generate.choose.TYPE_ORDER): quick
# recognition first, free writing last. Other registered types follow (`section_types`),
# printed as a prompt with answer lines.
SECTION_ORDER = TYPE_ORDER


LETTERS = string.ascii_uppercase


def section_types() -> tuple[str, ...]:
    """Every type a sheet prints, in section order."""
    from ..generate import QUESTION_TYPES

    return SECTION_ORDER + tuple(t for t in QUESTION_TYPES.names() if t not in SECTION_ORDER)


class MalformedQuestion(ValueError):
    """A question the worksheet cannot print faithfully (e.g. broken cloze markup)."""


@dataclass(frozen=True)
class PromptPart:
    """A run of prompt text, or a blank (when `blank` is its 1-based number)."""

    text: str
    blank: int | None = None
    width: int = 0  # blank width in `ch`, sized to the hidden answer


@dataclass(frozen=True)
class PrintedQuestion:
    """A question as printed on one version: its number, shuffled options and key.

    Fields by type:
      multiple_choice: options (shuffled choices, lettered); key: (letter,)
      matching: terms (left column, numbered), options (right column, shuffled,
                lettered); key: the letter matching each term, in term order
      ordering: options (shuffled items, lettered, a box each); key: the number
                each box should hold, in printed order
      cloze: parts (text and blanks); key: the hidden answers in blank order
      list_recall: lines (one per member); key: the members
      true_false: key: ("True",) or ("False",)
      basic, short_answer: lines to write on; key: answer then accepted variants
    """

    number: int
    question: Question
    parts: tuple[PromptPart, ...]
    key: tuple[str, ...]
    options: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    lines: int = 0

    @property
    def order_letters(self) -> tuple[str, ...]:
        """For ordering: the printed items' letters in the correct order."""
        positions = [int(k) for k in self.key]
        return tuple(LETTERS[positions.index(p)] for p in range(1, len(positions) + 1))


@dataclass(frozen=True)
class Section:
    type: str
    questions: tuple[PrintedQuestion, ...]

    @property
    def label(self) -> str:
        return type_label(self.type)


@dataclass(frozen=True)
class Version:
    letter: str
    sections: tuple[Section, ...]

    @property
    def questions(self) -> tuple[PrintedQuestion, ...]:
        return tuple(q for s in self.sections for q in s.questions)


@dataclass(frozen=True)
class Selection:
    """What to take from the bank; empty filters keep everything."""

    types: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()  # a question is kept if it has any of these
    difficulty: tuple[int, ...] = ()
    counts: tuple[tuple[str, int], ...] = ()  # at most n of a type; unlisted types keep all


def select(questions: Sequence[Question], selection: Selection, seed: int) -> list[Question]:
    """The questions every version shares, sorted by id; counts are filled by a seeded draw."""
    kept = [
        q
        for q in sorted(questions, key=lambda q: q.id)
        if (not selection.types or q.type in selection.types)
        and (not selection.tags or set(q.tags) & set(selection.tags))
        and (not selection.difficulty or q.difficulty in selection.difficulty)
    ]
    rng = random.Random(f"worksheet-select:{seed}")
    for qtype, count in selection.counts:
        of_type = [q for q in kept if q.type == qtype]
        if len(of_type) > count:
            dropped = {q.id for q in of_type} - {q.id for q in rng.sample(of_type, count)}
            kept = [q for q in kept if q.id not in dropped]
    return kept


def cloze_parts(question: Question) -> tuple[PromptPart, ...]:
    """A cloze's text runs and numbered blanks, each blank sized to its answer."""
    parts: list[PromptPart] = []
    number = 0
    for part in question.cloze:
        if isinstance(part, str):
            parts.append(PromptPart(part))
        else:
            number += 1
            # Handwriting is wider than print: half as much again, plus room to spare.
            width = max(8, len(part.answer) * 3 // 2 + 4)
            parts.append(PromptPart("", blank=number, width=width))
    if not number or not all(b.strip() for b in question.blanks):
        raise MalformedQuestion("cloze without a blank to fill")
    return tuple(parts)


def layout(questions: Sequence[Question], versions: int, seed: int) -> list[Version]:
    """Versions A, B, ...: same questions, each with its own seeded order and choice order.

    Malformed questions must be filtered out beforehand (see `printable`).
    """
    return [_version(questions, LETTERS[i], seed) for i in range(versions)]


def printable(question: Question) -> bool:
    """False when the question cannot be printed faithfully (it is then skipped)."""
    if question.type not in section_types():
        return False
    if question.type == "cloze":
        try:
            cloze_parts(question)
        except MalformedQuestion:
            return False
    if question.type == "multiple_choice":
        return question.answer in question.choices and len(question.choices) <= len(LETTERS)
    if question.type == "matching":
        return 0 < len(question.pairs) <= len(LETTERS)
    if question.type == "ordering":
        return 0 < len(question.sequence) <= len(LETTERS)
    return True


def _version(questions: Sequence[Question], letter: str, seed: int) -> Version:
    rng = random.Random(f"worksheet:{seed}:{letter}")
    sections = []
    number = 1
    for qtype in section_types():
        of_type = [q for q in questions if q.type == qtype]
        rng.shuffle(of_type)
        printed = []
        for question in of_type:
            printed.append(_print(question, number, rng))
            number += 1
        if printed:
            sections.append(Section(qtype, tuple(printed)))
    return Version(letter, tuple(sections))


def _print(q: Question, number: int, rng: random.Random) -> PrintedQuestion:
    text = (PromptPart(q.prompt),)
    if q.type == "multiple_choice":
        options = _shuffled(q.choices, rng, avoid_identity=False)
        return PrintedQuestion(
            number, q, text, (LETTERS[options.index(q.answer)],), options=options
        )
    if q.type == "matching":
        terms = _shuffled([left for left, _ in q.pairs], rng, avoid_identity=False)
        options = _shuffled([right for _, right in q.pairs], rng)
        right_of = dict(q.pairs)
        key = tuple(LETTERS[options.index(right_of[t])] for t in terms)
        return PrintedQuestion(number, q, text, key, options=options, terms=terms)
    if q.type == "ordering":
        options = _shuffled(q.sequence, rng)
        key = tuple(str(q.sequence.index(item) + 1) for item in options)
        return PrintedQuestion(number, q, text, key, options=options)
    if q.type == "cloze":
        return PrintedQuestion(number, q, cloze_parts(q), q.blanks)
    if q.type == "list_recall":
        members = q.sequence or tuple(m.strip() for m in q.answer.split(";") if m.strip())
        return PrintedQuestion(number, q, text, tuple(members), lines=len(members))
    if q.type == "true_false":
        return PrintedQuestion(number, q, text, (q.answer,))
    # basic and short_answer: a definition needs more room than a name or date
    lines = 2 if q.type == "basic" else 1
    others = tuple(dict.fromkeys(a for a in q.accepted if a.casefold() != q.answer.casefold()))
    return PrintedQuestion(number, q, text, (q.answer, *others), lines=lines)


def _shuffled(
    items: Sequence[str], rng: random.Random, avoid_identity: bool = True
) -> tuple[str, ...]:
    """A seeded shuffle; for matching and ordering the given order would give the answer away."""
    shuffled = list(items)
    rng.shuffle(shuffled)
    if avoid_identity and len(set(items)) > 1 and shuffled == list(items):
        shuffled = shuffled[1:] + shuffled[:1]
    return tuple(shuffled)
