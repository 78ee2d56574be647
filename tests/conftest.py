"""Fixtures shared by the whole suite: a real PostgreSQL server, and a store URL for each database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from quizgen.bank.pg_cluster import ClusterError, PostgresServer, throwaway_cluster

STORES = ("sqlite", "postgresql")


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
