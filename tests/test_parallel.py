"""Parallel extraction: same results as one process, in order, with bounded work in flight."""

from __future__ import annotations

import threading
from concurrent.futures import Future
from pathlib import Path

import pytest
from test_cache import write_readings

import quizgen.parallel as parallel
from quizgen.cache import Cache
from quizgen.config import Settings
from quizgen.parallel import Task, read_sources


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.model_validate(
        {"cache_dir": str(tmp_path / "cache"), "extract": {"pipeline": "blank"}}
    )


@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_workers_give_the_same_documents_and_items_in_order(tmp_path, settings, monkeypatch, start):
    monkeypatch.setattr(parallel, "_start_method", lambda: start)
    folder = tmp_path / "texts"
    write_readings(folder, 5)
    (folder / "reading2.md").write_text("   \n", encoding="utf-8")  # a bad file in the middle
    sequential = read_sources([str(folder)], settings, jobs=1)

    used_pool = []
    real_pool = parallel.ProcessPoolExecutor

    def recording_pool(*args, **kwargs):
        used_pool.append(kwargs["max_workers"])
        assert kwargs["mp_context"].get_start_method() == start
        return real_pool(*args, **kwargs)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", recording_pool)
    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 0)  # our readings are small
    cache = Cache(settings.cache_dir, settings)
    pooled = read_sources([str(folder)], settings, cache=cache, jobs=2)

    assert used_pool == [2]
    assert (pooled.sources, pooled.failures) == (sequential.sources, sequential.failures)
    assert [d.name for d, _ in pooled.sources] == [
        "reading0.md",
        "reading1.md",
        "reading3.md",
        "reading4.md",
    ]
    assert len(pooled.failures) == 1 and "reading2.md" in pooled.failures[0]
    assert cache.misses == 5 and len(list(Path(settings.cache_dir).rglob("*.json"))) == 4


def test_small_batches_stay_in_this_process(tmp_path, settings, monkeypatch):
    write_readings(tmp_path / "texts", 2)

    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started for two small files")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", no_pool)
    assert len(read_sources([str(tmp_path / "texts")], settings, jobs=4).sources) == 2


class RecordingPool:
    """Runs work at once and records the order files were handed to it."""

    def __init__(self):
        self.submitted: list[str] = []

    def submit(self, fn, path):
        self.submitted.append(Path(path).name)
        future: Future = Future()
        future.set_result(f"{Path(path).name}: done")
        return future


def test_largest_documents_go_to_the_workers_first_and_come_back_in_order(tmp_path, settings):
    sizes = [3, 9, 1, 7]
    tasks = []
    for n, size in enumerate(sizes):
        path = tmp_path / f"doc{n}.md"
        path.write_text("word " * size * 100, encoding="utf-8")
        tasks.append(Task(path, None, False))
    pool = RecordingPool()
    outcomes = [o for o, _ in parallel._outcomes(tasks, tasks, settings, None, pool)]
    assert pool.submitted == ["doc1.md", "doc3.md", "doc0.md", "doc2.md"]
    assert outcomes == [f"doc{n}.md: done" for n in range(4)]


def test_progress_counts_files_on_a_terminal_and_is_silent_elsewhere(tmp_path, settings):
    import io

    from rich.console import Console

    from quizgen.progress import BuildProgress

    write_readings(tmp_path / "texts", 3)
    shown = io.StringIO()
    with BuildProgress(
        enabled=True, console=Console(file=shown, force_terminal=True, width=100)
    ) as bars:
        stage = bars.stage("reading documents")
        read_sources([str(tmp_path / "texts")], settings, jobs=1, progress=stage)
        stage.done("read 3 documents")
    assert "read 3 documents" in shown.getvalue() and "3/3" in shown.getvalue()

    quiet = io.StringIO()  # not a terminal: nothing at all
    with BuildProgress(console=Console(file=quiet)) as bars:
        read_sources(
            [str(tmp_path / "texts")],
            settings,
            jobs=1,
            progress=bars.stage("reading documents"),
        )
    assert quiet.getvalue() == ""


def test_workers_are_forked_only_with_no_other_thread_running(monkeypatch):
    """A fork copies one thread: a lock another thread held would stay held in the worker."""
    monkeypatch.setattr(parallel.sys, "platform", "linux")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert parallel._start_method() == "spawn"
    finally:
        stop.set()
        other.join()
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 1)  # this thread alone
    assert parallel._start_method() == "fork"
    monkeypatch.setattr(parallel.sys, "platform", "darwin")
    assert parallel._start_method() == "spawn"
