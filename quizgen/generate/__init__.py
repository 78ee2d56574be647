"""Generation: items -> questions. One module per question type, registered by name.

A question type is a `QuestionType` entry of `QUESTION_TYPES`: its function
`make(items, context) -> Iterable[Question]` over the items of one document, the code
its ids start with, and (for types that ask one item at a time) `by_kind`, the
registry of what it asks of each item kind, so a new kind adds its own entry there.
`make` is given the items (`context.py` gives it the document, the corpus for
distractors and the settings). `generate_questions` runs every configured type,
merges the same fact found in several documents into one question with several
sources, then the quality gate (`gate.py`) keeps or rejects each question with a
reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..config import REGISTRIES
from ..errors import GenerateError
from ..models import Document, Item, Question
from ..registry import Registry
from .context import Context, Corpus, as_read, reading_order
from .gate import Rejection, check
from .screen import item_problem

QuestionMaker = Callable[[Sequence[Item], Context], Iterable[Question]]


@dataclass(frozen=True)
class QuestionType:
    """A question type and what the other stages need from it."""

    name: str
    code: str  # readable start of its question ids ("mc-3f2a..."): never change it
    label: str  # its name for people: "Multiple choice" (Anki subdecks, reports)
    make: QuestionMaker
    by_kind: Registry[Any] | None = None  # per item kind: what this type asks of it
    default: bool = True  # generated when the settings name no types of their own
    # How the quality gate, the difficulty and the sheet treat it (defaults: a prompt and
    # one typed answer, as `basic`).
    recognition: bool = False  # the answer is picked among given ones (difficulty 1)
    several_parts: bool = False  # the answer is several things to recall or order (difficulty 3)
    shared_prompt: bool = (
        False  # one wording for many questions ("Match each ..."): no duplicates check
    )
    answer_shown: bool = True  # the answer is text a student reads (not "True", not pairs joined)
    prompt_asks_answer: bool = True  # the prompt asks for the answer, so it must not hold it


def traits(qtype: str) -> QuestionType:
    """The registry entry of a question type; an unknown type is treated as `basic` is."""
    return QUESTION_TYPES.get(qtype) if qtype in QUESTION_TYPES else _UNKNOWN


_UNKNOWN = QuestionType("", code="q", label="", make=lambda items, context: ())


QUESTION_TYPES: Registry[QuestionType] = Registry("question type")
REGISTRIES["types"] = QUESTION_TYPES  # the settings and recipes check type names against it


@dataclass(frozen=True)
class Generated:
    """What generation made: the questions the gate kept and the ones it refused."""

    questions: tuple[Question, ...]  # sorted by id, merged across documents
    rejections: tuple[Rejection, ...] = ()
    scores: dict = field(default_factory=dict)  # question id -> rank, best highest (choose.py)


def _register_builtin() -> None:
    from . import (
        basic,
        cloze,
        list_recall,
        matching,
        multiple_choice,
        ordering,
        short_answer,
        true_false,
    )

    for module in (
        basic,
        short_answer,
        cloze,
        multiple_choice,
        true_false,
        list_recall,
        matching,
        ordering,
    ):
        QUESTION_TYPES.register(module.TYPE.name, module.TYPE)


_register_builtin()


def generate_questions(
    sources: Sequence[tuple[Document, Sequence[Item]]],
    settings=None,
    types: Sequence[str] | None = None,
) -> Generated:
    """Questions of the given types (default: settings.generate.types) from every document.

    Deterministic for a given seed: documents are processed in name order, the
    same fact in two documents becomes one question citing both, and the result
    is sorted by id. Questions the gate refuses are returned as rejections.
    The steps (`screen_document`, `questions_of`, `finish`) are public so that a
    build can keep each document's part between builds (quizgen.pipeline).
    """
    from ..config import Settings

    settings = settings or Settings()
    wanted = wanted_types(settings, types)
    # Items screened first, so a refused item is neither asked nor offered as a distractor.
    screened = [
        screen_document(document, items, settings)
        for document, items in sorted(sources, key=lambda pair: pair[0].name)
    ]
    corpus = Corpus.of([(s.document, s.usable) for s in screened])
    made = [questions_of(s, corpus, settings, wanted) for s in screened]
    return finish(screened, made, settings)


@dataclass(frozen=True)
class Screened:
    """One document's items as questions may quote them, and those no question may be made of."""

    document: Document
    usable: tuple[Item, ...]
    refused: tuple[Rejection, ...] = ()


@dataclass(frozen=True)
class Made:
    """The questions made from one document, before merging and the gate, with their ranks."""

    questions: tuple[Question, ...]
    scores: dict = field(default_factory=dict)  # question id -> rank (choose.score)


def wanted_types(settings, types: Sequence[str] | None = None) -> list[str]:
    wanted = list(types) if types is not None else types_of(settings)
    for name in wanted:
        if name not in QUESTION_TYPES:
            known = ", ".join(QUESTION_TYPES.names())
            raise GenerateError(f"unknown question type {name!r} (known: {known})")
    return wanted


def screen_document(document: Document, items: Sequence[Item], settings) -> Screened:
    """The document's items as read (`as_read`), less those the screen refuses, in reading order."""
    items = as_read(items, document)
    screening = Context(document=document, corpus=Corpus.of([]), settings=settings)
    prepare_parses(items, settings)
    usable = []
    for item in reading_order(items):
        problem = item_problem(item, screening)
        if problem:
            screening.refuse(item, problem, shown_text(item))
        else:
            usable.append(item)
    refused = tuple(Rejection(question, reason) for question, reason in screening.refused)
    return Screened(document, tuple(usable), refused)


def questions_of(screened: Screened, corpus: Corpus, settings, wanted: Sequence[str]) -> Made:
    """Every wanted type's questions of one document; `corpus` gives the distractors."""
    context = Context(document=screened.document, corpus=corpus, settings=settings)
    questions: list[Question] = []
    for name in wanted:
        questions.extend(QUESTION_TYPES.get(name).make(screened.usable, context))
    return Made(tuple(questions), dict(context.scores))


def finish(
    screened: Sequence[Screened], made: Sequence[Made], settings, known: dict | None = None
) -> Generated:
    """Merge the documents' questions (in document name order) and pass them through the gate.
    `known`: the gate's reasons already found for some questions (gate.check)."""
    scores: dict[str, float] = {}
    for part in made:
        for qid, value in part.scores.items():
            scores[qid] = max(scores.get(qid, 0.0), value)
    documents = {s.document.name: s.document for s in screened}
    merged = merge(q for part in made for q in part.questions)
    kept, rejections = check(merged, documents, settings, known)
    refused = tuple(r for s in screened for r in s.refused)
    return Generated(
        questions=tuple(sorted(kept, key=lambda q: q.id)),
        rejections=refused + tuple(rejections),
        scores={q.id: scores.get(q.id, 0.0) for q in kept},
    )


def prepare_parses(items: Sequence[Item], settings) -> None:
    """Parse a document's event clauses, terms, definitions, members and speakers in one batch."""
    from .phrasing import term_phrase
    from .syntax import prepare

    clauses, phrases, speakers = [], [], []
    for item in items:
        if item.kind == "date":
            clauses.append(item.event)
        elif item.kind == "definition":
            phrases += [
                item.term,
                term_phrase(item.term, item.source.sentence),
                item.definition.split(",")[0],
            ]
        elif item.kind == "enumeration":
            phrases += list(item.members)
        elif item.kind == "quote":
            speakers.append(item.speaker)
    prepare(clauses, phrases, speakers, settings.extract.pipeline)


def shown_text(item: Item) -> str:
    """What an item says, for a refused item's line in the report."""
    from ..extract import KINDS

    return KINDS.get(item.kind).shown(item)


def types_of(settings) -> list[str]:
    """The types the settings ask for: `all` is every registered type that is on by default."""
    wanted = settings.generate.types
    if wanted == "all":
        return [name for name, qtype in QUESTION_TYPES.items() if qtype.default]
    return list(wanted)


def merge(questions: Iterable[Question]) -> list[Question]:
    """One question per id; a fact asked again from another document adds its source."""
    firsts: dict[str, Question] = {}
    sources: dict[str, dict] = {}  # id -> sources in first-seen order (a dict: no quadratic search)
    tags: dict[str, dict] = {}
    for question in questions:
        firsts.setdefault(question.id, question)
        sources.setdefault(question.id, {}).update(dict.fromkeys(question.sources))
        tags.setdefault(question.id, {}).update(dict.fromkeys(question.tags))
    # Tags sorted, as Anki keeps them: a question merged from two documents has two doc:: tags.
    merged = []
    for qid, first in firsts.items():
        found, tagged = tuple(sources[qid]), tuple(sorted(tags[qid]))
        same = found == first.sources and tagged == first.tags
        merged.append(first if same else replace(first, sources=found, tags=tagged))
    return merged
