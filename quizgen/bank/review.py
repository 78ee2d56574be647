"""`quizgen sample`: a seeded random sample of a bank, printed for a teacher's review."""

from __future__ import annotations

import random
import textwrap

from ..models import Question
from . import Bank

WIDTH = 100


def sample(bank: Bank, n: int, seed: int) -> list[Question]:
    """`n` questions drawn with `seed` (all when the bank is smaller), in id order."""
    questions = sorted(bank.questions, key=lambda q: q.id)
    if n < len(questions):
        questions = sorted(random.Random(seed).sample(questions, n), key=lambda q: q.id)
    return questions


def describe(question: Question, number: int, total: int) -> str:
    """A question as plain text: type, prompt, choices or pairs, answer, and each source."""
    lines = [
        f"[{number}/{total}] {question.type}  {question.id}  "
        f"(kind: {question.kind}, difficulty {question.difficulty})"
    ]
    lines += _wrapped("Q: ", question.prompt)
    letters = "abcdefghijklmnopqrstuvwxyz"
    for letter, choice in zip(letters, question.choices):
        mark = "*" if choice == question.answer else " "
        lines += _wrapped(f"  {mark}{letter}) ", choice)
    for left, right in question.pairs:
        lines += _wrapped("   - ", f"{left}  =>  {right}")
    if question.sequence and question.type in ("list_recall", "ordering"):
        for i, entry in enumerate(question.sequence, 1):
            lines += _wrapped(f"   {i}. ", entry)
    if question.answer:
        lines += _wrapped("A: ", question.answer)
    if question.accepted:
        lines += _wrapped("   also accepted: ", "; ".join(question.accepted))
    for source in question.sources:
        lines += _wrapped(f"   source {source.document}:{source.line}: ", source.sentence)
        if source.footnote:
            lines += _wrapped("   footnote: ", source.footnote)
    return "\n".join(lines)


def _wrapped(head: str, text: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=head, subsequent_indent=" " * len(head)) or [
        head.rstrip()
    ]
