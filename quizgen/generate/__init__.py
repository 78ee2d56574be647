"""Generation: items -> questions. One module per question type, registered by name.

A question type is a function `make(items, context) -> Iterable[Question]` over the
items of one document (`context.py` gives it the document, the corpus for
distractors and the settings). `generate_questions` runs every configured type,
merges the same fact found in several documents into one question with several
sources, then the quality gate (`gate.py`) keeps or rejects each question with a
reason.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from ..errors import GenerateError
from ..models import Document, Item, Question
from ..registry import Registry
from .context import Context, Corpus, as_read
from .gate import Rejection, check

QuestionMaker = Callable[[Sequence[Item], Context], Iterable[Question]]

QUESTION_TYPES: Registry[QuestionMaker] = Registry("question type")


@dataclass(frozen=True)
class Generated:
    """What generation made: the questions the gate kept and the ones it refused."""

    questions: tuple[Question, ...]  # sorted by id, merged across documents
    rejections: tuple[Rejection, ...] = ()


def _register_builtin() -> None:
    from . import (
        basic, cloze, list_recall, matching, multiple_choice, ordering, short_answer, true_false,
    )

    QUESTION_TYPES.register("basic", basic.make)
    QUESTION_TYPES.register("short_answer", short_answer.make)
    QUESTION_TYPES.register("cloze", cloze.make)
    QUESTION_TYPES.register("multiple_choice", multiple_choice.make)
    QUESTION_TYPES.register("true_false", true_false.make)
    QUESTION_TYPES.register("list_recall", list_recall.make)
    QUESTION_TYPES.register("matching", matching.make)
    QUESTION_TYPES.register("ordering", ordering.make)


_register_builtin()


# Below this many documents a pool costs more than it saves (each worker starts Python).
PARALLEL_MIN_DOCUMENTS = 24
CHUNKS_PER_WORKER = 4


def generate_questions(
    sources: Sequence[tuple[Document, Sequence[Item]]],
    settings=None,
    types: Sequence[str] | None = None,
    jobs: int = 1,
) -> Generated:
    """Questions of the given types (default: settings.generate.types) from every document.

    Deterministic for a given seed: documents are processed in name order, the
    same fact in two documents becomes one question citing both, and the result
    is sorted by id. Questions the gate refuses are returned as rejections.
    With `jobs` > 1 and many documents, documents are shared out to worker processes;
    the result is the same.
    """
    from ..config import Settings

    settings = settings or Settings()
    wanted = tuple(types) if types is not None else tuple(settings.generate.types)
    for name in wanted:
        if name not in QUESTION_TYPES:
            known = ", ".join(QUESTION_TYPES.names())
            raise GenerateError(f"unknown question type {name!r} (known: {known})")
    ordered = sorted(((doc, as_read(items, doc)) for doc, items in sources), key=lambda pair: pair[0].name)
    corpus = Corpus.of(ordered)
    documents = [document for document, _ in ordered]
    if jobs > 1 and len(documents) >= PARALLEL_MIN_DOCUMENTS:
        made = _in_workers(documents, corpus, settings, wanted, jobs)
    else:
        made = questions_of(documents, corpus, settings, wanted)
    kept, rejections = check(merge(made), {document.name: document for document in documents}, settings)
    return Generated(questions=tuple(sorted(kept, key=lambda q: q.id)), rejections=tuple(rejections))


def questions_of(documents: Sequence[Document], corpus: Corpus, settings, wanted: Sequence[str]) -> list[Question]:
    """Every wanted type's questions about each document's items, in document order."""
    made: list[Question] = []
    for document in documents:
        context = Context(document=document, corpus=corpus, settings=settings)
        items = corpus.items_of(document.name)
        for name in wanted:
            made.extend(QUESTION_TYPES.get(name)(items, context))
    return made


def _in_workers(documents, corpus: Corpus, settings, wanted, jobs: int) -> list[Question]:
    """`questions_of` over contiguous chunks of documents in worker processes, in order.

    Each worker gets the corpus once; each document travels to one worker only.
    """
    from ..parallel import worker_pool

    size = -(-len(documents) // (jobs * CHUNKS_PER_WORKER))
    chunks = [documents[start:start + size] for start in range(0, len(documents), size)]
    pool = worker_pool(jobs, _start_worker, (corpus, settings.model_dump_json(), wanted))
    try:
        return [question for made in pool.map(_work, chunks) for question in made]
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # on Ctrl-C, chunks not begun are dropped


_worker_state: tuple = ()


def _start_worker(corpus: Corpus, settings_json: str, wanted: tuple[str, ...]) -> None:
    global _worker_state
    from ..config import Settings

    _worker_state = (corpus, Settings.model_validate_json(settings_json), wanted)


def _work(documents: Sequence[Document]) -> list[Question]:
    corpus, settings, wanted = _worker_state
    return questions_of(documents, corpus, settings, wanted)


def merge(questions: Iterable[Question]) -> list[Question]:
    """One question per id; a fact asked again from another document adds its source."""
    firsts: dict[str, Question] = {}
    sources: dict[str, dict] = {}  # id -> sources in first-seen order (a dict: no quadratic search)
    tags: dict[str, dict] = {}
    for question in questions:
        firsts.setdefault(question.id, question)
        sources.setdefault(question.id, {}).update(dict.fromkeys(question.sources))
        tags.setdefault(question.id, {}).update(dict.fromkeys(question.tags))
    return [replace(first, sources=tuple(sources[qid]), tags=tuple(tags[qid])) for qid, first in firsts.items()]
