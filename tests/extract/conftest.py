"""Shared fixtures for extractor tests: the pipelines and settings (`make_doc`, small texts of
our own cleaned by the real cleaner, is in tests/conftest.py)."""

from __future__ import annotations

import pytest

from quizgen.extract.nlp import load_pipeline


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
