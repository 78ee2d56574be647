"""A question as the student sees it, and its cited sentence in its paragraph.

The review pages show questions through `student_view` only, so a change to how a type
stores its parts (cloze blanks, say) is one function to adapt here.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from ..generate.ids import stable_int
from ..models import Question, Source

# Anki cloze markup as the bank stores it: {{c1::answer}} or {{c1::answer::hint}}.
CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::(.*?))?\}\}")
BLANK = "_____"


@dataclass(frozen=True)
class StudentView:
    prompt: str
    options: tuple[str, ...] = ()  # choices, statements to order, or "True"/"False"
    pairs_left: tuple[str, ...] = ()  # matching: what to match...
    pairs_right: tuple[str, ...] = ()  # ...with these, in a fixed shuffled order


def student_view(question: Question) -> StudentView:
    if question.type == "cloze":
        prompt = CLOZE.sub(
            lambda m: f"{BLANK} ({m.group(2)})" if m.group(2) else BLANK, question.prompt
        )
        return StudentView(prompt)
    if question.type == "multiple_choice":
        return StudentView(question.prompt, question.choices)
    if question.type == "true_false":
        return StudentView(question.prompt, ("True", "False"))
    if question.type == "ordering":
        return StudentView(question.prompt, _shuffled(question.sequence, question.id))
    if question.type == "matching":
        left = tuple(a for a, _ in question.pairs)
        right = _shuffled(tuple(b for _, b in question.pairs), question.id)
        return StudentView(question.prompt, pairs_left=left, pairs_right=right)
    return StudentView(question.prompt)


def distractors(question: Question) -> tuple[str, ...]:
    return tuple(c for c in question.choices if c != question.answer)


def _shuffled(items: tuple[str, ...], seed: str) -> tuple[str, ...]:
    return tuple(sorted(items, key=lambda item: stable_int(f"{seed}:{item}")))


@dataclass(frozen=True)
class InParagraph:
    """The cited sentence with the text of its paragraph around it."""

    before: str
    sentence: str
    after: str
    found: bool  # False: the paragraph could not be read; `sentence` is the citation alone


def in_paragraph(source: Source, document_path: str | None) -> InParagraph:
    """The sentence highlighted in its paragraph, read from the document when it is at hand
    (the bank keeps sentences, not paragraphs); the sentence alone when it is not."""
    paragraphs = _paragraphs(document_path) if document_path else ()
    for text, first, last in paragraphs:
        if first <= source.line <= last:
            at = text.find(source.sentence)
            if at >= 0:
                end = at + len(source.sentence)
                return InParagraph(text[:at], source.sentence, text[end:], True)
    return InParagraph("", source.sentence, "", False)


def _paragraphs(path: str) -> tuple[tuple[str, int, int], ...]:
    file = Path(path)
    try:
        stamp = file.stat().st_mtime_ns
    except OSError:
        return ()
    return _read_paragraphs(str(file), stamp)


@functools.lru_cache(
    maxsize=32
)  # one document read once per change, however many questions cite it
def _read_paragraphs(path: str, stamp: int) -> tuple[tuple[str, int, int], ...]:
    from ..errors import QuizgenError
    from ..ingest import load_document

    try:
        document = load_document(path)
    except QuizgenError:
        return ()
    return tuple((p.text, p.line, p.end_line) for p in document.paragraphs)
