"""The question store on PostgreSQL: the tables and queries of store_sql.SqlStore over psycopg 3.

Each process keeps a pool of connections (psycopg_pool) in autocommit mode; a write is
one transaction that first takes a transaction-scoped advisory lock, the same lock for
every writer of the database, so the read-then-write of an upsert cannot interleave with
another process's. Migrations take that lock too: server processes started together
migrate a fresh database once. Adding a quiz needs no lock (see `_quiz_write`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg_pool import ConnectionPool

from ..errors import BankError
from .store_sql import SqlStore, without_password

CONNECT_TIMEOUT = 10  # seconds before an unreachable host is reported
POOL_SIZE = 8  # connections per server process; requests beyond wait for one
POOL_TIMEOUT = 30  # seconds a request waits for a free connection
WRITE_LOCK = 0x7175697A67656E  # "quizgen": the advisory lock every writer takes


class PgDb:
    """A psycopg connection with the `?` placeholders and method names of sqlite3 (store_sql.Db)."""

    def __init__(self, conn: psycopg.Connection):
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> psycopg.Cursor:
        return self.conn.execute(
            sql.replace("?", "%s"), params
        )  # the shared SQL holds no literal ? or %

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            with self.conn.cursor() as cursor:
                cursor.executemany(sql.replace("?", "%s"), rows)


class PostgresStore(SqlStore):
    """A PostgreSQL database named by a libpq URL; the pool is opened once the server answered."""

    database_error = psycopg.Error
    contains = "strpos({}, ?) > 0"

    def __init__(self, url: str):
        self.where = without_password(url)
        try:
            psycopg.connect(url, connect_timeout=CONNECT_TIMEOUT).close()
        except psycopg.Error as exc:
            raise BankError(connection_problem(exc), self.where) from None
        self._pool = ConnectionPool(
            url,
            min_size=1,
            max_size=POOL_SIZE,
            timeout=POOL_TIMEOUT,
            kwargs={"autocommit": True, "connect_timeout": CONNECT_TIMEOUT},
            configure=_configure,
            name="quizgen",
            open=True,
        )
        try:
            self._migrate()
        except BaseException:
            self._pool.close()
            raise

    @contextmanager
    def _read(self) -> Iterator[PgDb]:
        with self._pool.connection() as conn:
            yield PgDb(conn)

    @contextmanager
    def _write(self) -> Iterator[PgDb]:
        with self._pool.connection() as conn, conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            yield PgDb(conn)

    @contextmanager
    def _quiz_write(self) -> Iterator[PgDb]:
        # No write lock: ON CONFLICT settles racing inserts. And no wait for the disk, as SQLite's
        # synchronous=NORMAL: a crash may lose the last fraction of a second of quizzes, which
        # the same requests make again (docs/deploy.md); upserts of questions stay durable.
        with self._pool.connection() as conn, conn.transaction():
            conn.execute("SET LOCAL synchronous_commit = off")
            yield PgDb(conn)

    def close(self) -> None:
        self._pool.close()


def _configure(conn: psycopg.Connection) -> None:
    # Every query is an index lookup whatever its parameters; without this, PostgreSQL plans a
    # prepared quiz draw afresh each time (its generic estimate of `draw >= $1` looks costly).
    conn.execute("SET plan_cache_mode = force_generic_plan")


def connection_problem(exc: psycopg.Error) -> str:
    """libpq's reason for a failed connection in one line, e.g. 'password authentication failed for user "x"'."""
    # libpq: 'connection to server at "h", port 5432 failed: FATAL:  <reason>' then hint lines.
    reason = re.split(r"failed: (?:FATAL:\s+)?", str(exc))[-1].strip().split("\n")[0].strip()
    return f"cannot connect to PostgreSQL: {reason or type(exc).__name__}"
