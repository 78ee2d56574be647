"""The one pipeline: read (cache, workers) -> generate (per-document cache) -> questions for a bank.

`quizgen build` (build.py), `quizgen ingest` and `quizgen extract` (cli.py) and the API's
uploads (api/uploads.py) all call these steps. Nothing here prints, and a bad source
raises nothing: each result carries its failures and counters.

Generation is kept per document between builds (cache.GenerationCache): a document's
questions are made again only when its items changed or when something it asked of the
corpus did (a distractor pool, another document's answer for the same fact), so a build
after one document changed gives the bank a cold build of the changed corpus gives.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .errors import QuizgenError
from .models import Document, Question
from .parallel import Reading, read_sources

__all__ = ["Generation", "Reading", "bank_ready", "generate", "load", "read"]


def read(
    paths: Sequence[str], settings, *, jobs: int | None = None, progress=None, cache: bool = True
) -> Reading:
    """Every document under `paths` with its items: unchanged ones from the cache in
    `settings.cache_dir`, the others in `jobs` worker processes when there are many."""
    from .cache import Cache

    store = Cache(settings.cache_dir, settings) if cache else None
    return read_sources(paths, settings, cache=store, jobs=jobs, progress=progress)


def load(paths: Sequence[str], settings) -> tuple[list[Document], list[str]]:
    """(cleaned documents, one line per file that failed): ingest only, for `quizgen ingest`."""
    from .ingest import find_sources, load_document

    failures: list[str] = []
    documents = []
    for path in find_sources(paths, failures):
        try:
            documents.append(load_document(path, settings))
        except QuizgenError as exc:
            failures.append(str(exc))
    return documents, failures


@dataclass(frozen=True)
class Generation:
    """Questions of a reading: those fit for the bank, those refused (gate and schema) with
    why, ranks, and how many documents' questions were reused from the cache."""

    questions: tuple[Question, ...] = ()
    rejections: tuple[Any, ...] = ()  # generate.Rejection
    scores: dict[str, float] = field(default_factory=dict)
    reused: int = 0
    made: int = 0
    failure: str | None = None


def generate(
    reading: Reading, settings, types: Sequence[str] | None = None, *, cache: bool = True
) -> Generation:
    """Questions of every document read, merged, gated and schema-checked (once) for the bank."""
    from . import generate as gen
    from .cache import GeneratedEntry, GenerationCache
    from .generate.context import Corpus

    try:
        wanted = gen.wanted_types(settings, types)
        store = GenerationCache(settings.cache_dir, settings, wanted) if cache else None
        ordered = sorted(reading.sources, key=lambda pair: pair[0].name)
        keys = {
            d.name: store.key(d, reading.keys[d.name])
            for d, _ in ordered
            if store is not None and d.name in reading.keys
        }
        entries = {name: store.get(key) for name, key in keys.items()}
        screened = [
            gen.Screened(d, e.usable, e.refused)
            if (e := entries.get(d.name)) is not None
            else gen.screen_document(d, items, settings)
            for d, items in ordered
        ]
        corpus = Corpus.of([(s.document, s.usable) for s in screened])
        made = []
        reused = 0
        for part in screened:
            name = part.document.name
            entry = entries.get(name)
            if entry is not None and all(_digest(corpus, q) == d for q, d in entry.lookups):
                made.append(gen.Made(entry.questions, entry.scores))
                reused += 1
                continue
            if entry is not None:
                gen.prepare_parses(part.usable, settings)  # screening came from the cache
            recording = _Recording(corpus)
            questions = gen.questions_of(part, recording, settings, wanted)
            made.append(questions)
            if name in keys:
                asked = tuple((q, _digest(corpus, q)) for q in recording.asked)
                store.put(
                    keys[name],
                    GeneratedEntry(
                        part.usable, part.refused, questions.questions, questions.scores, asked
                    ),
                )
        generated = gen.finish(screened, made, settings)
    except QuizgenError as exc:
        return Generation(failure=str(exc))
    kept, refused = bank_ready(generated.questions, {d.name for d, _ in ordered})
    return Generation(
        questions=tuple(kept),
        rejections=tuple(generated.rejections) + tuple(refused),
        scores=generated.scores,
        reused=reused,
        made=len(screened) - reused,
    )


def bank_ready(questions: Sequence[Question], documents: set[str]) -> tuple[list[Question], list]:
    """(questions the bank schema accepts, the others as rejections): the one schema check,
    so a question the schema would refuse is reported instead of failing the build."""
    from .bank.schema import question_problems
    from .generate import Rejection

    kept, refused = [], []
    for question in questions:
        found = question_problems(question.to_dict(), documents)
        if found:
            refused.append(Rejection(question, f"schema: {found[0]}"))
        else:
            kept.append(question)
    return kept, refused


class _Recording:
    """The corpus, noting each lookup a document's question types make (context.Corpus's API)."""

    def __init__(self, corpus):
        self._corpus = corpus
        self.asked: dict[tuple, None] = {}

    @property
    def _memo(self) -> dict:
        return self._corpus._memo

    @property
    def documents(self):
        return self._corpus.documents

    def pool(self, kind: str, name: str):
        self.asked[("pool", kind, name)] = None
        return self._corpus.pool(kind, name)

    def where(self, kind: str, key: str, value: str, name: str) -> list[str]:
        self.asked[("where", kind, key, value, name)] = None
        return self._corpus.where(kind, key, value, name)

    def of_document(self, kind: str, document: str):
        self.asked[("of_document", kind, document)] = None
        return self._corpus.of_document(kind, document)


def _digest(corpus, lookup: tuple) -> str:
    """A hash of what `lookup` answers in `corpus` (worked out once per corpus)."""
    memo = corpus._memo.setdefault("digests", {})
    if lookup not in memo:
        what, *args = lookup
        if what == "pool":
            answer: Any = corpus.pool(*args).entries
        elif what == "where":
            answer = corpus.where(*args)
        elif what == "of_document":
            answer = corpus.of_document(*args)
        else:
            return ""  # a lookup this version does not know: never equal to a recorded digest
        memo[lookup] = hashlib.sha256(repr(answer).encode("utf-8")).hexdigest()
    return memo[lookup]
