"""`quizgen bench`: it builds a small corpus at two sizes and prints every figure; it times nothing here."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import psutil
import pytest
from typer.testing import CliRunner

from quizgen.bench import PeakMemory, corpus_files, nested_subsets, report, run
from quizgen.cli import app

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    if not SHARED_CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {SHARED_CORPUS}")
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in [*sorted(SHARED_CORPUS.glob("*.txt")), *sorted((ROOT / "samples").glob("*.md"))]:
        shutil.copy(path, folder / path.name)
    return folder


def test_sizes_are_nested_subsets_of_distinct_documents(corpus):
    files = corpus_files(corpus)
    small, larger, whole = nested_subsets(files, [1, 2_000, 0])
    assert len(small) == 1 and set(small) <= set(larger) <= set(whole) == set(files)
    assert sum(w for _, w in larger) >= 2_000 or larger == whole


def test_peak_memory_counts_worker_processes_too():
    extra = 200 << 20
    code = f"data = b'x' * {extra}; import time; time.sleep(1)"
    own = psutil.Process().memory_info().rss
    with PeakMemory(every=0.02) as memory:
        subprocess.run([sys.executable, "-c", code], check=True)
    assert memory.peak >= own + extra


def test_bench_prints_every_figure_per_size_and_against_its_target(tmp_path, corpus):
    lines: list[str] = []
    figures = run(corpus, (1_000, 0), jobs=1, keep=tmp_path / "work", say=lines.append)
    report(figures, say=lines.append)
    small, whole = figures.sizes
    assert small.words < whole.words and small.cold.questions <= whole.cold.questions
    assert whole.peak_bytes > 0 and figures.floor[0] == whole.words and figures.full[0] > 0
    stages = [name for name, _, _ in whole.cold.stages]
    for stage in ("read+extract", "generate", "bank", "anki", "worksheet", "csv"):
        assert stage in stages, stage
    assert whole.unchanged and whole.fact_free_edit and whole.fact_edit
    assert whole.fact_edit.questions > whole.cold.questions  # the added facts were asked
    for start in (
        "words:",
        "questions",
        "words/s (wall)",
        "CPU s per 1,000 words",
        "peak memory, MiB",
        "  read+extract",
        "  worksheet",
        "cold build:",
        "unchanged rebuild:",
        "one document changed, no fact changed:",
        "one document changed, facts added:",
        "peak memory, all processes together:",
        "cost per 1,000 words:",
        "extraction:",
        "en_core_web_sm full pipeline:",
    ):
        assert any(line.startswith(start) for line in lines), start


def test_a_missing_corpus_is_one_line(tmp_path):
    result = CliRunner().invoke(app, ["bench", "--corpus", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"quizgen: error: {tmp_path / 'nowhere'}: no such folder (the benchmark corpus; give one with --corpus)"
    ]
