"""`quizgen bench`: it builds a made-up corpus three times and prints every figure; it times nothing here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import psutil

from quizgen.bench import PeakMemory, make_corpus, report, run

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def test_the_corpus_is_distinct_copies_of_the_originals(tmp_path):
    files, words = make_corpus(tmp_path, 5_000, [SAMPLES])
    originals = sorted(SAMPLES.glob("*.md"))
    assert words >= 5_000 and len(files) % len(originals) == 0
    texts = [f.read_text(encoding="utf-8") for f in files]
    assert len(set(texts)) == len(texts)  # each copy is its own document for the cache
    assert len({f.name for f in files}) == len(files)


def test_peak_memory_counts_worker_processes_too():
    extra = 200 << 20
    code = f"data = b'x' * {extra}; import time; time.sleep(1)"
    own = psutil.Process().memory_info().rss
    with PeakMemory(every=0.02) as memory:
        subprocess.run([sys.executable, "-c", code], check=True)
    assert memory.peak >= own + extra


def test_bench_prints_every_figure_against_its_target(tmp_path):
    lines: list[str] = []
    figures = run(
        2_000, outputs=("csv",), jobs=1, keep=tmp_path, say=lines.append, sources=[SAMPLES]
    )
    report(figures, say=lines.append)
    assert figures.words >= 2_000 and figures.questions > 0 and figures.peak_bytes > 0
    for start in (
        "corpus:",
        "cold build:",
        "unchanged rebuild:",
        "one document changed:",
        "peak memory",
    ):
        assert any(line.startswith(start) for line in lines), start
    assert any("words/s" in line for line in lines)
    assert (tmp_path / "cache").is_dir()  # kept: the one fresh cache all three builds used
