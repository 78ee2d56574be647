#!/usr/bin/env python3
"""Extraction speed: quizgen's extractors against the full trained pipeline, on the same text.

Usage (from the repository root):
    .venv/bin/python scripts/bench_extract.py [PATH ...] [--min-words N]

PATHs default to the documents of ../shared/corpus that have gold annotations.
The cleaned documents are repeated until they hold at least --min-words words
(default 100,000), then timed twice in the same run:
  extraction: `extract_document` on every document (trained components only on
              the candidate sentences the cheap rules select);
  full pipeline: `nlp.pipe` of every usable sentence through every trained component.
Prints words/second of both (wall clock, and per CPU second, which a busy shared
machine disturbs less), their ratio (target >= 3x) and the peak resident memory
of the process. A measurement, not a test: timings depend on the machine.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def default_paths() -> list[Path]:
    """Corpus documents that have a gold file (the corpus folder also holds notes)."""
    stems = {p.stem for p in (SHARED / "eval" / "gold").glob("*.yaml")}
    return sorted(p for p in (SHARED / "corpus").iterdir() if p.stem in stems)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--min-words", type=int, default=100_000)
    args = parser.parse_args()

    from quizgen.config import Settings
    from quizgen.extract import extract_document
    from quizgen.extract.common import usable_sentences
    from quizgen.extract.nlp import has_parser, load_pipeline
    from quizgen.ingest import load_document

    paths = args.paths or default_paths()
    if not paths:
        print(f"bench: no documents given and none found under {SHARED}", file=sys.stderr)
        return 2
    settings = Settings.model_validate({"extract": {"pipeline": "trained"}})
    nlp = load_pipeline("trained")
    documents = [load_document(p, settings) for p in paths]
    words_once = sum(len(s.text.split()) for d in documents for s in usable_sentences(d, ("body", "aside", "heading")))
    repeat = -(-args.min_words // words_once)
    corpus = documents * repeat
    words = words_once * repeat
    for doc in documents:  # warm-up: rules, matchers and the pipeline loaded once, not timed
        extract_document(doc, settings)

    wall, cpu = time.perf_counter(), time.process_time()
    items = sum(len(extract_document(doc, settings)) for doc in corpus)
    extraction, extraction_cpu = time.perf_counter() - wall, time.process_time() - cpu

    texts = [s.text for d in corpus for s in usable_sentences(d, ("body", "aside", "heading"))]
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts):
        pass
    full, full_cpu = time.perf_counter() - wall, time.process_time() - cpu

    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"documents      {len(documents)} x {repeat} = {len(corpus)} ({words:,} words, {len(texts):,} sentences)")
    print(f"pipeline       {nlp.meta.get('name')} {nlp.meta.get('version')}: {', '.join(nlp.pipe_names)}"
          f"{'' if has_parser(nlp) else ' (no parser)'}")
    print(f"extraction     {words / extraction:>10,.0f} words/s  ({extraction:.2f} s wall, "
          f"{words / extraction_cpu:,.0f} words/s of CPU; {items:,} items)")
    print(f"full pipeline  {words / full:>10,.0f} words/s  ({full:.2f} s wall, {words / full_cpu:,.0f} words/s of CPU)")
    print(f"ratio          {full / extraction:>10.1f}x  wall, {full_cpu / extraction_cpu:.1f}x CPU  (target >= 3x)")
    print(f"peak memory    {peak_mib:>10,.0f} MiB  (resident, whole process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
