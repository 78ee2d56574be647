"""Ingest and extract many source files: from the cache when unchanged, else in worker processes.

Small batches run in this process (starting workers and loading spaCy in each costs
seconds); large ones go to a process pool whose initializer loads the pipeline once
per worker. Documents are streamed: at most a few futures are in flight, and results
come back in input order so builds stay deterministic.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .cache import Cache
from .errors import QuizgenError
from .models import Document, Item

# Below these a pool costs more than it saves (each worker loads spaCy, ~4 s).
PARALLEL_MIN_FILES = 4
PARALLEL_MIN_BYTES = 256 * 1024
IN_FLIGHT_PER_WORKER = 8  # results are taken in order: a slow document must not leave a worker idle

Outcome = tuple[Document, list[Item]] | str  # a result, or the one-line error of a bad file


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


def _work(path: str) -> Outcome:
    return ingest_and_extract(path, _worker_settings)


@dataclass(frozen=True)
class Task:
    path: Path
    key: str | None  # cache key; None when the file cannot be hashed (load_document will say why)
    cached: bool


def plan_sources(
    paths: Sequence[str], settings, failures: list[str], cache: Cache | None = None
) -> list[Task]:
    """The files under `paths`, in order, each with its cache key; missing paths and
    clashing names are added to `failures`. Reads and hashes each file, loads nothing."""
    from .ingest import find_sources

    tasks: list[Task] = []
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
    return tasks


def read_tasks(
    tasks: Sequence[Task],
    settings,
    failures: list[str],
    *,
    cache: Cache | None = None,
    jobs: int | None = None,
    progress=None,
) -> list[tuple[Document, list[Item]]]:
    """Each planned file's document and items, in order; bad files are added to `failures`.

    `jobs`: worker processes for the files the cache does not hold (None: one per core).
    `progress`: a `progress.Stage` advanced once per file.
    """
    if progress is not None:
        progress.total(len(tasks))
    read: list[tuple[Document, list[Item]]] = []
    for outcome in stream(tasks, settings, cache=cache, jobs=jobs):
        if isinstance(outcome, str):
            failures.append(outcome)
        else:
            read.append(outcome)
        if progress is not None:
            progress.advance()
    return read


def read_sources(
    paths: Sequence[str],
    settings,
    failures: list[str],
    *,
    cache: Cache | None = None,
    jobs: int | None = None,
    progress=None,
) -> list[tuple[Document, list[Item]]]:
    """Every document under `paths` with its items, in order: `plan_sources` then `read_tasks`."""
    tasks = plan_sources(paths, settings, failures, cache)
    return read_tasks(tasks, settings, failures, cache=cache, jobs=jobs, progress=progress)


def stream(
    tasks: Sequence[Task], settings, *, cache: Cache | None = None, jobs: int | None = None
) -> Iterator[Outcome]:
    """One outcome per planned file, in order: cached, computed here, or computed by a worker."""
    misses = [t for t in tasks if not t.cached]
    jobs = default_jobs() if jobs is None else max(1, jobs)
    big = (
        len(misses) >= PARALLEL_MIN_FILES
        and sum(_size(t.path) for t in misses) >= PARALLEL_MIN_BYTES
    )
    pool = None
    if jobs > 1 and big:
        pool = ProcessPoolExecutor(
            max_workers=min(jobs, len(misses)),
            # spawn: a fork would copy the parent's threads (rich's refresh thread) mid-lock.
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(settings.model_dump_json(),),
        )
    try:
        yield from _outcomes(tasks, misses, settings, cache, pool, jobs * IN_FLIGHT_PER_WORKER)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _outcomes(tasks, misses, settings, cache, pool, window) -> Iterator[Outcome]:
    submitted: dict[Path, Future] = {}
    queue = iter(misses)

    def top_up() -> None:
        while pool is not None and len(submitted) < window:
            task = next(queue, None)
            if task is None:
                return
            submitted[task.path] = pool.submit(_work, str(task.path))

    for task in tasks:
        top_up()
        if task.cached:
            entry = cache.get(task.key, task.path)
            if entry is not None:
                cache.hits += 1
                yield entry.document, list(entry.items)
                continue
        future = submitted.pop(task.path, None)
        outcome = (
            future.result() if future is not None else ingest_and_extract(str(task.path), settings)
        )
        if cache is not None:
            cache.misses += 1
            if task.key is not None and not isinstance(outcome, str):
                cache.put(task.key, *outcome)
        yield outcome


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
