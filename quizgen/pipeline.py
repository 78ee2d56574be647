"""The one pipeline: read (cache, workers) -> generate (per-document cache) -> questions for a bank.

`quizgen build` (build.py), `quizgen ingest` and `quizgen extract` (cli.py) and the API's
uploads (api/uploads.py) all call these steps. Nothing here prints, and a bad source
raises nothing: each result carries its failures and counters.

Generation is kept per document between builds (cache.GenerationCache): a document's
questions are made again only when its items changed or when something it asked of the
corpus did (the other documents' texts a distractor draw was given, another document's
answer for the same fact), so a build after one document changed gives the bank a cold
build of the changed corpus gives. The gate's and the schema's verdict on each question
are kept with it, so only the documents made again (and merged questions) are checked.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from .errors import QuizgenError
from .models import Document, Question
from .parallel import Reading, Workers, read_sources

__all__ = ["Generation", "Reading", "Workers", "bank_ready", "generate", "load", "read"]


def read(
    paths: Sequence[str],
    settings,
    *,
    jobs: int | None = None,
    progress=None,
    cache: bool = True,
    workers: Workers | None = None,
) -> Reading:
    """Every document under `paths` with its items: unchanged ones from the cache in
    `settings.cache_dir`, the others in `jobs` worker processes (or `workers`) when there are many."""
    from .cache import Cache

    store = Cache(settings.cache_dir, settings) if cache else None
    return read_sources(paths, settings, cache=store, jobs=jobs, progress=progress, workers=workers)


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
    reading: Reading,
    settings,
    types: Sequence[str] | None = None,
    *,
    cache: bool = True,
    workers: Workers | None = None,
) -> Generation:
    """Questions of every document read, merged, gated and schema-checked (once) for the bank.

    `workers`: when many documents need it, each is screened and then asked about in those
    processes (the same questions as here; only the merge and the gate need every document).
    """
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
        fresh = _each(
            workers,
            _screen,
            [(d, items, settings) for d, items in ordered if entries.get(d.name) is None],
        )
        screened = [
            gen.Screened(d, e.usable, e.refused)
            if (e := entries.get(d.name)) is not None
            else next(fresh)
            for d, _ in ordered
        ]
        corpus = Corpus.of([(s.document, s.usable) for s in screened])
        reusable = {
            s.document.name
            for s in screened
            if (e := entries.get(s.document.name)) is not None
            and all(_digest(corpus, q) == d for q, d in e.lookups)
        }
        to_make = [s for s in screened if s.document.name not in reusable]
        ship = _worth_shipping(workers, len(to_make), _weight((to_make,)))
        with _shipped(corpus, ship) as shipped:
            asked = _each(
                workers if ship else None,
                _make,
                [(s, shipped, settings, wanted, s.document.name in entries) for s in to_make],
            )
            made, checks = [], []
            for part in screened:
                name = part.document.name
                if name in reusable:
                    entry = entries[name]
                    made.append(gen.Made(entry.questions, entry.scores))
                    checks.append(entry.checks)
                    continue
                questions, lookups, checked = next(asked)
                made.append(questions)
                checks.append(checked)
                if name in keys:
                    digests = tuple((q, _digest(corpus, q)) for q in lookups)
                    store.put(
                        keys[name],
                        GeneratedEntry(
                            part.usable,
                            part.refused,
                            questions.questions,
                            questions.scores,
                            digests,
                            checked,
                        ),
                    )
        alone = _made_alone(made, checks)
        generated = gen.finish(
            screened, made, settings, known={qid: gate for qid, (gate, _) in alone.items()}
        )
    except QuizgenError as exc:
        return Generation(failure=str(exc))
    kept, refused = bank_ready(
        generated.questions,
        {d.name for d, _ in ordered},
        known={qid: schema for qid, (_, schema) in alone.items()},
    )
    return Generation(
        questions=tuple(kept),
        rejections=tuple(generated.rejections) + tuple(refused),
        scores=generated.scores,
        reused=len(reusable),
        made=len(screened) - len(reusable),
    )


def _screen(document: Document, items, settings):
    from .generate import screen_document

    return screen_document(document, items, settings)


def _make(screened, corpus, settings, wanted, parsed_before: bool):
    """One document's questions, the corpus lookups they made and their checks (`_checked`).
    `corpus` is the Corpus, or in a worker the file it was shipped in."""
    from . import generate as gen

    if parsed_before:
        gen.prepare_parses(screened.usable, settings)  # screening came from the cache
    recording = _Recording(_unshipped(corpus))
    questions = gen.questions_of(screened, recording, settings, wanted)
    return questions, tuple(recording.asked), _checked(questions, screened.document, settings)


Checks = dict[str, tuple[str | None, str | None]]  # question id -> (gate reason, schema problem)


def _checked(made, document: Document, settings) -> Checks:
    """The gate's reason and (when it has none) the schema's first problem for each question
    one document makes, as that document alone makes it: a question no other document makes
    is the same in the bank, so a build checks again only the documents it made again."""
    from .generate import merge
    from .generate.gate import first_problem, flagged_spans

    flagged = flagged_spans({document.name: document})
    found = {}
    for question in merge(made.questions):
        reason = first_problem(question, flagged, settings)
        found[question.id] = (
            reason,
            None if reason else _schema_problem(question, {document.name}),
        )
    return found


def _made_alone(made, checks: list[Checks]) -> Checks:
    """The checks of the questions only one document made (one made by several is merged
    from all of theirs, so it is checked again)."""
    makers = Counter(qid for part in made for qid in {q.id for q in part.questions})
    return {qid: found for part in checks for qid, found in part.items() if makers[qid] == 1}


# Workers started for generation alone (each loads spaCy, a second or more) pay only for much
# text: making a document's questions costs about a twentieth of reading it.
GENERATION_MIN_BYTES = 4 << 20


def _worth_shipping(workers: Workers | None, count: int, size: int) -> bool:
    if workers is None or not workers.worth_it(count, size):
        return False
    return workers.started or size >= GENERATION_MIN_BYTES


def _each(workers: Workers | None, work, calls: list[tuple]):
    """The results of `work(*call)` for each call, in order: in worker processes (largest
    document first) when there are enough, else here, one at a time as they are taken."""
    if not _worth_shipping(workers, len(calls), sum(_weight(c) for c in calls)):
        return (work(*call) for call in calls)
    pool = workers.pool()
    order = sorted(range(len(calls)), key=lambda i: -_weight(calls[i]))
    futures = {i: pool.submit(work, *calls[i]) for i in order}
    return (futures[i].result() for i in range(len(calls)))


def _weight(call: tuple) -> int:
    """About how much work a call is: its document's text length (a list: theirs together)."""
    first = call[0]
    if isinstance(first, list):
        return sum(_weight((part,)) for part in first)
    document = first if isinstance(first, Document) else first.document
    return sum(len(p.text) for p in document.paragraphs)


_SHIPPED: tuple[str, Any] | None = None  # (file, Corpus) last loaded in this worker


class _shipped:
    """The corpus as workers receive it: a pickle file each loads once (not once per task)."""

    def __init__(self, corpus, ship: bool):
        self.corpus, self.ship, self.path = corpus, ship, None

    def __enter__(self):
        if not self.ship:
            return self.corpus
        fd, self.path = tempfile.mkstemp(prefix="quizgen-corpus-", suffix=".pickle")
        with os.fdopen(fd, "wb") as out:
            pickle.dump(self.corpus.documents, out, protocol=pickle.HIGHEST_PROTOCOL)
        return self.path

    def __exit__(self, *exc) -> None:
        if self.path is not None:
            os.unlink(self.path)


def _unshipped(corpus):
    global _SHIPPED
    if not isinstance(corpus, str):
        return corpus
    if _SHIPPED is None or _SHIPPED[0] != corpus:
        from .generate.context import Corpus

        with open(corpus, "rb") as shipped:
            _SHIPPED = (corpus, Corpus(pickle.load(shipped)))
    return _SHIPPED[1]


def bank_ready(
    questions: Sequence[Question], documents: set[str], known: dict | None = None
) -> tuple[list[Question], list]:
    """(questions the bank schema accepts, the others as rejections): the one schema check,
    so a question the schema would refuse is reported instead of failing the build.
    `known`: question id -> its problem (None: none) already found for that very question."""
    from .generate import Rejection

    known = known or {}
    kept, refused = [], []
    for question in questions:
        found = known[question.id] if question.id in known else _schema_problem(question, documents)
        if found:
            refused.append(Rejection(question, f"schema: {found}"))
        else:
            kept.append(question)
    return kept, refused


def _schema_problem(question: Question, documents: set[str]) -> str | None:
    from .bank.schema import question_problems

    found = question_problems(question.to_dict(), documents)
    return str(found[0]) if found else None


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
        return _RecordingPool(self._corpus.pool(kind, name), kind, name, self.asked)

    def where(self, kind: str, key: str, value: str, name: str) -> list[str]:
        self.asked[("where", kind, key, value, name)] = None
        return self._corpus.where(kind, key, value, name)

    def of_document(self, kind: str, document: str):
        self.asked[("of_document", kind, document)] = None
        return self._corpus.of_document(kind, document)


class _RecordingPool:
    """A distractor pool (distractors.Pool), noting what each draw was given beyond its own
    document's texts: where on the ring it started and how many texts it asked for. Another
    build may reuse the draw while those are the same texts (a text added elsewhere on the
    ring, or beyond what it asked for, changes nothing)."""

    def __init__(self, pool, kind: str, name: str, asked: dict):
        self._pool, self._kind, self._name, self._asked = pool, kind, name, asked

    def draw(self, near: str, rng):
        from .generate.distractors import ring_start

        self._asked[("own", self._kind, self._name, near)] = None
        yield from ((0, text) for text in self._pool.own(near, rng))
        lookup = ("others", self._kind, self._name, near, ring_start(rng))
        given = 0
        for text in self._pool.others(near, lookup[-1]):
            self._note(lookup, given, given + 1)
            given += 1
            yield 1, text
        self._note(lookup, given, given + 1)  # asked past the last: a text added would count

    def _note(self, lookup: tuple, before: int, asked: int) -> None:
        self._asked.pop((*lookup, before), None)
        self._asked[(*lookup, asked)] = None


def _digest(corpus, lookup: tuple) -> str:
    """A hash of what `lookup` answers in `corpus` (worked out once per corpus)."""
    memo = corpus._memo.setdefault("digests", {})
    if lookup not in memo:
        what, *args = lookup
        if what == "own":  # one document's texts in a pool
            kind, name, near = args
            answer: Any = tuple(corpus.pool(kind, name)._by_document.get(near, ()))
        elif what == "others":  # the first texts of other documents from a place on the ring
            kind, name, near, start, asked = args
            answer = tuple(islice(corpus.pool(kind, name).others(near, start), asked))
        elif what == "where":
            answer = corpus.where(*args)
        elif what == "of_document":
            answer = corpus.of_document(*args)
        else:
            return ""  # a lookup this version does not know: never equal to a recorded digest
        memo[lookup] = hashlib.sha256(repr(answer).encode("utf-8")).hexdigest()
    return memo[lookup]
