"""Parallel extraction: same results as one process, in order, with bounded work in flight."""

from __future__ import annotations

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


def test_workers_give_the_same_documents_and_items_in_order(tmp_path, settings, monkeypatch):
    folder = tmp_path / "texts"
    write_readings(folder, 5)
    (folder / "reading2.md").write_text("   \n", encoding="utf-8")  # a bad file in the middle
    sequential_failures: list[str] = []
    sequential = read_sources([str(folder)], settings, sequential_failures, jobs=1)

    used_pool = []
    real_pool = parallel.ProcessPoolExecutor

    def recording_pool(*args, **kwargs):
        used_pool.append(kwargs["max_workers"])
        return real_pool(*args, **kwargs)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", recording_pool)
    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 0)  # our readings are small
    failures: list[str] = []
    cache = Cache(settings.cache_dir, settings)
    pooled = read_sources([str(folder)], settings, failures, cache=cache, jobs=2)

    assert used_pool == [2]
    assert pooled == sequential
    assert [d.name for d, _ in pooled] == [
        "reading0.md",
        "reading1.md",
        "reading3.md",
        "reading4.md",
    ]
    assert failures == sequential_failures and "reading2.md" in failures[0]
    assert cache.misses == 5 and len(list(Path(settings.cache_dir).rglob("*.json"))) == 4


def test_small_batches_stay_in_this_process(tmp_path, settings, monkeypatch):
    write_readings(tmp_path / "texts", 2)

    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started for two small files")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", no_pool)
    assert len(read_sources([str(tmp_path / "texts")], settings, [], jobs=4)) == 2


class RecordingPool:
    """Runs work at once and records the most results submitted but not yet handed out."""

    def __init__(self):
        self.submitted = 0
        self.handed_out = 0
        self.most_in_flight = 0

    def submit(self, fn, path):
        self.submitted += 1
        self.most_in_flight = max(self.most_in_flight, self.submitted - self.handed_out)
        future: Future = Future()
        future.set_result(f"{Path(path).name}: done")
        return future


def test_work_in_flight_is_bounded(tmp_path, settings):
    tasks = [Task(tmp_path / f"doc{n}.md", None, False) for n in range(10)]
    pool = RecordingPool()
    outcomes = []
    for outcome in parallel._outcomes(tasks, tasks, settings, None, pool, window=3):
        pool.handed_out += 1
        outcomes.append(outcome)
    assert outcomes == [f"doc{n}.md: done" for n in range(10)]
    assert pool.submitted == 10 and pool.most_in_flight == 3


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
        read_sources([str(tmp_path / "texts")], settings, [], jobs=1, progress=stage)
        stage.done("read 3 documents")
    assert "read 3 documents" in shown.getvalue() and "3/3" in shown.getvalue()

    quiet = io.StringIO()  # not a terminal: nothing at all
    with BuildProgress(console=Console(file=quiet)) as bars:
        read_sources(
            [str(tmp_path / "texts")],
            settings,
            [],
            jobs=1,
            progress=bars.stage("reading documents"),
        )
    assert quiet.getvalue() == ""
