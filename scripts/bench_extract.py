#!/usr/bin/env python3
"""Extraction speed: `quizgen extract` against en_core_web_sm's full pipeline, on the same text.

Usage (from the repository root):
    .venv/bin/python scripts/bench_extract.py [PATH ...] [--rounds N]

PATHs default to the gold-annotated documents: ../shared/corpus and ../shared/eval/dev/docs.
Each round times two whole processes, one after the other, on one core each:
  quizgen extract:  `quizgen extract PATHS --format json` (reading, cleaning, every extractor;
                    the trained components run only on the candidate sentences);
  full pipeline:    a Python process that loads en_core_web_sm with every component and runs
                    `nlp.pipe` over the same files' text, split into paragraphs.
Prints the wall time of each round, words per second and the ratio (target >= 4x), and the
median ratio over the rounds: ratios within one run, since a shared machine is noisy.
A measurement, not a test.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FOLDERS = (SHARED / "corpus", SHARED / "eval" / "dev" / "docs")
SKIPPED = ("README", "NOTES", "CHANGELOG", "LICENSE")  # what `quizgen extract FOLDER` skips too

FULL_PIPELINE = """
import sys, spacy
nlp = spacy.load(sys.argv[1])
texts = []
for path in sys.argv[2:]:
    text = open(path, encoding="utf-8", errors="replace").read()
    texts.extend(p for p in text.split("\\n\\n") if p.strip())
for _ in nlp.pipe(texts):
    pass
"""


def documents(paths: list[Path]) -> list[Path]:
    files = []
    for path in paths:
        found = sorted(path.iterdir()) if path.is_dir() else [path]
        files += [f for f in found if f.is_file() and not f.name.startswith(".") and not f.name.startswith(SKIPPED)]
    return files


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        raise SystemExit(f"bench: {' '.join(command[:3])} failed: {done.stderr.strip().splitlines()[-1:]}")
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from quizgen.extract.nlp import TRAINED

    files = documents(args.paths or [f for f in FOLDERS if f.is_dir()])
    if not files:
        print(f"bench: no documents given and none found under {SHARED}", file=sys.stderr)
        return 2
    model = next((name for name in TRAINED if _installed(name)), None)
    if model is None:
        print("bench: no trained English pipeline installed", file=sys.stderr)
        return 2
    words = sum(len(f.read_text(encoding="utf-8", errors="replace").split()) for f in files)
    bin_dir = Path(sys.executable).parent
    quizgen = [str(bin_dir / "quizgen"), "extract", *map(str, files), "--format", "json", "--pipeline", "trained"]
    full = [sys.executable, "-c", FULL_PIPELINE, model, *map(str, files)]

    print(f"documents      {len(files)} files, {words:,} words; full pipeline: {model} (every component)")
    ratios = []
    for round_ in range(1, args.rounds + 1):
        ours, theirs = timed(quizgen), timed(full)
        ratios.append(theirs / ours)
        print(f"round {round_}        quizgen extract {ours:6.2f} s ({words / ours:,.0f} words/s)   "
              f"full pipeline {theirs:6.2f} s ({words / theirs:,.0f} words/s)   ratio {theirs / ours:.1f}x")
    print(f"ratio          {statistics.median(ratios):.1f}x median over {args.rounds} rounds (target >= 4x)")
    return 0


def _installed(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


if __name__ == "__main__":
    sys.exit(main())
