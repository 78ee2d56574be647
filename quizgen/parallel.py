"""Ingest and extract many source files: from the cache when unchanged, else in worker processes.

Small batches run in this process (starting workers and loading spaCy costs about a
second); large ones go to a process pool, forked after this process loaded the pipeline
where that is safe (else spawned, and each worker loads its own). Documents are shared out largest first, so no worker is left with a long
document while the other idles at the end; results come back in input order so builds
stay deterministic. Failures and counters travel in the result (`Reading`).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from .cache import Cache
from .errors import QuizgenError
from .models import Document, Item

# Below these a pool costs more than it saves (starting workers and loading spaCy, ~1 s).
PARALLEL_MIN_FILES = 4
PARALLEL_MIN_BYTES = 256 * 1024

Outcome = tuple[Document, list[Item]] | str  # a result, or the one-line error of a bad file


@dataclass(frozen=True)
class Reading:
    """What reading a set of sources gave: documents with their items in order, one line per
    file that failed, each document's cache key (name -> key) and how many came from the cache."""

    sources: tuple[tuple[Document, tuple[Item, ...]], ...] = ()
    failures: tuple[str, ...] = ()
    keys: dict[str, str] = field(default_factory=dict)
    from_cache: int = 0
    extracted: int = 0


def default_jobs() -> int:
    return max(
        1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    )


def ingest_and_extract(path: str, settings) -> Outcome:
    """Read, clean and extract one file; a QuizgenError becomes its message."""
    from . import extract, ingest  # looked up at call time so tests can count the calls

    try:
        document = ingest.load_document(path, settings)
        return document, extract.extract_document(document, settings)
    except QuizgenError as exc:
        return str(exc)


_worker_settings = None


def _start_worker(settings_json: str) -> None:
    """Pool initializer: settings and the spaCy pipeline, once per worker."""
    global _worker_settings
    from .config import Settings
    from .extract.nlp import load_pipeline

    # Ctrl-C goes to the whole process group; only the parent decides what to do with it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_settings = Settings.model_validate_json(settings_json)
    load_pipeline(_worker_settings.extract.pipeline)


def _start_method() -> str:
    """How worker processes start: forked where that is safe, else spawned (a fresh interpreter).

    A fork copies only the thread that calls it: with another thread running (rich's refresh
    thread, a server's threads) a lock it held would stay held in the worker for ever. Linux
    only: macOS's system libraries are not safe to use after a fork.
    """
    if sys.platform == "linux" and threading.active_count() == 1:
        return "fork"
    return "spawn"


def _work(path: str) -> Outcome:
    return ingest_and_extract(path, _worker_settings)


class Workers:
    """Worker processes a build shares between reading and generation: started on first use
    (with the spaCy pipeline loaded once), stopped by `close`. `jobs` None: one per core."""

    def __init__(self, settings, jobs: int | None = None):
        self.settings = settings
        self.jobs = default_jobs() if jobs is None else max(1, jobs)
        self._pool: ProcessPoolExecutor | None = None

    def worth_it(self, count: int, size: int) -> bool:
        """Whether `count` pieces of work of `size` bytes in all are worth sending to workers."""
        return self.jobs > 1 and count >= PARALLEL_MIN_FILES and size >= PARALLEL_MIN_BYTES

    @property
    def started(self) -> bool:
        """Whether the worker processes are running (they have loaded spaCy)."""
        return self._pool is not None

    def pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            method = _start_method()
            if method == "fork":
                # Loaded once here, the pipeline is shared by every worker (copy on write)
                # instead of loaded again in each.
                from .extract.nlp import load_pipeline

                load_pipeline(self.settings.extract.pipeline)
            self._pool = ProcessPoolExecutor(
                max_workers=self.jobs,
                mp_context=multiprocessing.get_context(method),
                initializer=_start_worker,
                initargs=(self.settings.model_dump_json(),),
            )
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


@dataclass(frozen=True)
class Task:
    path: Path
    key: str | None  # cache key; None when the file cannot be hashed (load_document will say why)
    cached: bool


def plan_sources(
    paths: Sequence[str], settings, cache: Cache | None = None
) -> tuple[list[Task], list[str]]:
    """(the files under `paths` in order, each with its cache key; problems): missing paths and
    clashing names are problems. Hashes each file, loads nothing."""
    from .ingest import find_sources

    tasks: list[Task] = []
    failures: list[str] = []
    seen: dict[str, str] = {}
    for given in paths:
        try:
            found = find_sources([given])
        except QuizgenError as exc:
            failures.append(str(exc))
            continue
        for path in found:
            if path.name in seen:  # Document.name is the file name
                failures.append(
                    f"{path}: has the same name as {seen[path.name]}; "
                    "questions cite documents by name, so rename one"
                )
                continue
            seen[path.name] = str(path)
            tasks.append(_task(path, settings, cache))
    return tasks, failures


def read_tasks(
    tasks: Sequence[Task],
    settings,
    *,
    cache: Cache | None = None,
    jobs: int | None = None,
    progress=None,
    workers: Workers | None = None,
) -> Reading:
    """Each planned file's document and items, in order, and a line for each file that failed.

    `jobs`: worker processes for the files the cache does not hold (None: one per core);
    `workers`: a pool to use instead, left running for the caller.
    `progress`: a `progress.Stage` advanced once per file.
    """
    if progress is not None:
        progress.total(len(tasks))
    read: list[tuple[Document, tuple[Item, ...]]] = []
    failures: list[str] = []
    keys: dict[str, str] = {}
    from_cache = 0
    outcomes = stream(tasks, settings, cache=cache, jobs=jobs, workers=workers)
    for task, (outcome, cached) in zip(tasks, outcomes, strict=True):
        if isinstance(outcome, str):
            failures.append(outcome)
        else:
            read.append((outcome[0], tuple(outcome[1])))
            if task.key is not None:
                keys[outcome[0].name] = task.key
            from_cache += cached
        if progress is not None:
            progress.advance()
    return Reading(tuple(read), tuple(failures), keys, from_cache, len(read) - from_cache)


def read_sources(
    paths: Sequence[str],
    settings,
    *,
    cache: Cache | None = None,
    jobs: int | None = None,
    progress=None,
    workers: Workers | None = None,
) -> Reading:
    """Every document under `paths` with its items, in order: `plan_sources` then `read_tasks`."""
    tasks, problems = plan_sources(paths, settings, cache)
    reading = read_tasks(
        tasks, settings, cache=cache, jobs=jobs, progress=progress, workers=workers
    )
    return replace(reading, failures=tuple(problems) + reading.failures)


def stream(
    tasks: Sequence[Task],
    settings,
    *,
    cache: Cache | None = None,
    jobs: int | None = None,
    workers: Workers | None = None,
) -> Iterator[tuple[Outcome, bool]]:
    """(outcome, from the cache) per planned file, in order: cached, computed here, or by a worker."""
    misses = [t for t in tasks if not t.cached]
    own = workers is None
    workers = Workers(settings, jobs) if own else workers
    pool = None
    if workers.worth_it(len(misses), sum(_size(t.path) for t in misses)):
        pool = workers.pool()
    try:
        yield from _outcomes(tasks, misses, settings, cache, pool)
    finally:
        if own:
            workers.close()


def _outcomes(tasks, misses, settings, cache, pool) -> Iterator[tuple[Outcome, bool]]:
    submitted: dict[Path, Future] = {}
    if pool is not None:
        # Largest first: the last document to finish is a short one, so neither worker idles long.
        for task in sorted(misses, key=lambda t: -_size(t.path)):
            submitted[task.path] = pool.submit(_work, str(task.path))
    for task in tasks:
        if task.cached:
            entry = cache.get(task.key, task.path)
            if entry is not None:
                cache.hits += 1
                yield (entry.document, list(entry.items)), True
                continue
        future = submitted.pop(task.path, None)
        outcome = (
            future.result() if future is not None else ingest_and_extract(str(task.path), settings)
        )
        if cache is not None:
            cache.misses += 1
            if task.key is not None and not isinstance(outcome, str):
                cache.put(task.key, *outcome)
        yield outcome, False


def _task(path: Path, settings, cache: Cache | None) -> Task:
    if cache is None:
        return Task(path, None, False)
    try:
        if path.stat().st_size > settings.ingest.max_file_mb * 1024 * 1024:
            return Task(path, None, False)  # load_document refuses it with the limit in the message
        key = cache.key(path, path.read_bytes())
    except OSError:
        return Task(path, None, False)
    return Task(path, key, cache.has(key))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
