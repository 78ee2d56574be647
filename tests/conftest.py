"""Fixtures shared by the whole suite: golden files, documents from a string, the small test
bank, a real PostgreSQL server and a store URL for each database (helpers in tests/helpers.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from quizgen.bank import Bank, read_bank
from quizgen.bank.pg_cluster import ClusterError, PostgresServer, throwaway_cluster
from tests.helpers import SMALL_BANK, UPDATE_FLAG, check_golden, make_doc

STORES = ("sqlite", "postgresql")


def pytest_addoption(parser):
    parser.addoption(
        UPDATE_FLAG,
        action="store_true",
        help="rewrite the golden files under tests/golden/ from what the code writes now",
    )


@pytest.fixture
def golden(request):
    """golden(suite, case, {name: text}): compare with tests/golden/<suite>/<case>/."""
    update = request.config.getoption(UPDATE_FLAG)
    return lambda suite, case, files: check_golden(suite, case, files, update)


@pytest.fixture(name="make_doc", scope="session")
def make_doc_fixture():
    """make_doc(text, name="sample.txt") -> Document, by the real reader and cleaner."""
    return make_doc


@pytest.fixture(scope="session")
def small_bank_path() -> Path:
    return SMALL_BANK


@pytest.fixture(scope="session")
def small_bank() -> Bank:
    """tests/roots/bank-small: one question of each type, written by hand."""
    return read_bank(SMALL_BANK)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A PostgreSQL server of the session's own on 127.0.0.1 (quizgen/bank/pg_cluster.py), removed at the end."""
    try:
        with throwaway_cluster() as server:
            yield server
    except ClusterError as exc:
        pytest.fail(str(exc))


@pytest.fixture(params=STORES)
def store_url(request, tmp_path: Path) -> str:
    """A URL of a new, empty database: a SQLite file, or a fresh schema on the test PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'bank.sqlite'}"
    return request.getfixturevalue("postgres").fresh_url()
