#!/usr/bin/env python3
"""Extraction speed: `quizgen extract` against en_core_web_sm's full pipeline, on the same text.

Usage (from the repository root):
    .venv/bin/python scripts/bench_extract.py [PATH ...] [--rounds N]

PATHs default to the gold-annotated documents: ../shared/corpus and ../shared/eval/dev/docs.
Each round times two whole processes (quizgen's with an empty cache), one after the other, on one core each:
  quizgen extract:  `quizgen extract PATHS --format json` (reading, cleaning, every extractor;
                    the trained components run only on the candidate sentences);
  full pipeline:    a Python process that loads en_core_web_sm with every component and runs
                    `nlp.pipe` over the same files' text, split into paragraphs.
Prints the wall and CPU time of each round, words per CPU second and the ratios (target >= 4x),
and the median ratios over the rounds: ratios within one run, since a shared machine is noisy;
CPU time (user + system, from the kernel's accounting of the child) is what load disturbs least.
With --stages, then one in-process run of the same work, split by stage: imports, pipeline load,
reading and cleaning, each extractor (and how much of it the trained components took), and
each component (tokenizer, tok2vec, tagger, parser, attribute_ruler, ner).
A measurement, not a test.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FOLDERS = (SHARED / "corpus", SHARED / "eval" / "dev" / "docs")

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


def timed(command: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of a child process; CPU time is what a busy machine disturbs least.
    Each run gets an empty cache folder, so that `quizgen extract` reads and extracts every file."""
    with tempfile.TemporaryDirectory(prefix="quizgen-bench-") as cache:
        environment = {**os.environ, "XDG_CACHE_HOME": cache}
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(
            command,
            cwd=ROOT,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(
            f"bench: {' '.join(command[:3])} failed: {done.stderr.strip().splitlines()[-1:]}"
        )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--stages", action="store_true", help="then split one in-process run by stage"
    )
    args = parser.parse_args()

    from quizgen.extract.nlp import TRAINED
    from quizgen.ingest import find_sources

    files = find_sources(
        args.paths or [f for f in FOLDERS if f.is_dir()]
    )  # what `quizgen extract` reads
    if not files:
        print(f"bench: no documents given and none found under {SHARED}", file=sys.stderr)
        return 2
    model = next((name for name in TRAINED if _installed(name)), None)
    if model is None:
        print("bench: no trained English pipeline installed", file=sys.stderr)
        return 2
    words = sum(len(f.read_text(encoding="utf-8", errors="replace").split()) for f in files)
    bin_dir = Path(sys.executable).parent
    quizgen = [
        str(bin_dir / "quizgen"),
        "extract",
        *map(str, files),
        "--format",
        "json",
        "--pipeline",
        "trained",
    ]
    full = [sys.executable, "-c", FULL_PIPELINE, model, *map(str, files)]

    print(
        f"documents      {len(files)} files, {words:,} words; full pipeline: {model} (every component)"
    )
    wall_ratios, cpu_ratios = [], []
    for round_ in range(1, args.rounds + 1):
        (ours, ours_cpu), (theirs, theirs_cpu) = timed(quizgen), timed(full)
        wall_ratios.append(theirs / ours)
        cpu_ratios.append(theirs_cpu / ours_cpu)
        print(
            f"round {round_}  quizgen extract {ours:6.2f} s wall {ours_cpu:6.2f} s CPU "
            f"({words / ours_cpu:,.0f} words per CPU s)   full pipeline {theirs:6.2f} s wall {theirs_cpu:6.2f} s CPU "
            f"({words / theirs_cpu:,.0f} words per CPU s)   ratio {theirs / ours:.1f}x wall, {theirs_cpu / ours_cpu:.1f}x CPU"
        )
    if cpu_ratios:
        print(
            f"ratio    {statistics.median(cpu_ratios):.1f}x CPU, {statistics.median(wall_ratios):.1f}x wall: "
            f"median over {args.rounds} rounds (target >= 4x)"
        )
    if args.stages:
        # A fresh process, so that imports and the pipeline load are counted as `quizgen extract` pays them.
        stages = [sys.executable, __file__, "--in-process-stages", *map(str, files)]
        subprocess.run(stages, cwd=ROOT, check=True)
    return 0


def print_stages(paths: list[str]) -> None:
    """CPU seconds of one in-process run of `quizgen extract` (trained pipeline), by stage."""
    started = time.process_time()
    from quizgen.config import Settings
    from quizgen.extract import KINDS, kinds_of
    from quizgen.extract.nlp import COMPONENT_CPU, forget_parses, load_pipeline
    from quizgen.pipeline import load

    imported = time.process_time()
    settings = Settings()
    nlp = load_pipeline("trained")
    loaded = time.process_time()
    documents, _ = load(paths, settings)
    read = time.process_time()
    by_kind: dict[str, list[float]] = {}  # kind -> [CPU s, of it in the components]
    for document in documents:
        for kind in kinds_of(settings):
            before, in_components = time.process_time(), sum(COMPONENT_CPU.values())
            list(KINDS.get(kind).extract(document, nlp, settings))
            spent = by_kind.setdefault(kind, [0.0, 0.0])
            spent[0] += time.process_time() - before
            spent[1] += sum(COMPONENT_CPU.values()) - in_components
        forget_parses()
    print(
        f"stages   (CPU s, one in-process run) imports {imported - started:.2f}, "
        f"pipeline load {loaded - imported:.2f}, reading and cleaning {read - loaded:.2f}, "
        f"extraction {time.process_time() - read:.2f}"
    )
    for kind, (total, in_components) in by_kind.items():
        print(
            f"  {kind:<12} {total:5.2f}  ({in_components:.2f} in the trained components, "
            f"{total - in_components:.2f} in the rules)"
        )
    print("  components   " + ", ".join(f"{n} {cpu:.2f}" for n, cpu in COMPONENT_CPU.items()))


def _installed(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


if __name__ == "__main__":
    if sys.argv[1:2] == ["--in-process-stages"]:
        print_stages(sys.argv[2:])
    else:
        sys.exit(main())
