"""Shared fixtures for extractor tests: small texts of our own, cleaned by the real cleaner."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.extract.nlp import load_pipeline
from quizgen.ingest.clean import clean
from quizgen.ingest.readers import choose_reader


def _make_doc(text: str, name: str = "sample.txt"):
    """A Document made from `text` as if read from a file called `name` (.txt or .md)."""
    data = text.encode("utf-8")
    reader = choose_reader(Path(name), data[:4096])
    return clean(reader.read(name, data, None))


@pytest.fixture(scope="session")
def make_doc():
    return _make_doc


@pytest.fixture(scope="session")
def blank_nlp():
    return load_pipeline("blank")


@pytest.fixture(scope="session")
def trained_nlp():
    try:
        return load_pipeline("trained")
    except Exception as exc:  # noqa: BLE001 - any load failure means: skip the trained tests
        pytest.skip(f"trained English pipeline not available: {exc}")


@pytest.fixture(scope="session")
def settings():
    from quizgen.config import Settings

    return Settings()
