#!/usr/bin/env python3
"""Fuzz the readers' front-matter handling and the cleaner (atheris, coverage-guided).

Usage (from the repository root): `make fuzz` or
    .venv/bin/python fuzz/fuzz_ingest.py fuzz/seeds -max_total_time=60 -artifact_prefix=fuzz/crashes/

The first input byte picks the target: even -> a Markdown file with front matter
(the Markdown reader's YAML, dates, metadata), odd -> a text file (decoding and every
cleaning step). Refusing bad input with a QuizgenError is fine; any other exception
is a crash, written under fuzz/crashes/ for replay (pass the file instead of seeds/).
"""
from __future__ import annotations

import json
import sys

import atheris

with atheris.instrument_imports(include=["quizgen"]):
    import importlib
    import pkgutil

    import quizgen.ingest

    # The cleaner imports its steps inside functions; import them all here so they are instrumented.
    for module in pkgutil.walk_packages(quizgen.ingest.__path__, "quizgen.ingest."):
        importlib.import_module(module.name)
    from quizgen.config import Settings
    from quizgen.errors import QuizgenError
    from quizgen.ingest.clean import clean
    from quizgen.ingest.readers.markdown import MarkdownReader
    from quizgen.ingest.readers.text import TextReader

SETTINGS = Settings()
MARKDOWN, TEXT = MarkdownReader(), TextReader()


def test_one_input(data: bytes) -> None:
    if not data:
        return
    if data[0] % 2 == 0:
        reader, path, body = MARKDOWN, "fuzz.md", b"---\n" + data[1:]
    else:
        reader, path, body = TEXT, "fuzz.txt", data[1:]
    try:
        document = clean(reader.read(path, body, SETTINGS))
    except QuizgenError as exc:
        if path not in str(exc):
            raise AssertionError(f"an error that does not name the file: {exc}") from None
        return
    json.dumps(document.to_dict())  # the cache and `quizgen ingest --json` rely on it


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
