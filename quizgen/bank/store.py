"""The store a database URL names: a SQLite file (store_sql.py) or PostgreSQL (store_pg.py)."""

from __future__ import annotations

from ..errors import BankError
from .store_sql import SqliteStore, Store, without_password


def open_store(url: str) -> Store:
    """The store a database URL names; a BankError naming the URL when it cannot be used."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        raise BankError(
            "not a database URL (expected sqlite:///PATH or postgresql://HOST/DATABASE)", url
        )
    scheme = scheme.lower()
    if scheme == "sqlite":
        if not rest.startswith("/") or rest == "/":
            raise BankError(
                "a SQLite URL needs a file path: sqlite:///relative/path or sqlite:////absolute/path",
                url,
            )
        if rest[1:] in ("", ":memory:"):
            raise BankError(
                "an in-memory database would be empty for every thread and lost on exit; "
                "name a file: sqlite:///PATH",
                url,
            )
        return SqliteStore(rest[1:])
    if scheme in ("postgresql", "postgres") or scheme.startswith("postgresql+"):
        from .store_pg import PostgresStore  # psycopg only when asked for

        return PostgresStore(f"postgresql://{rest}")
    raise BankError(
        f"unsupported database {scheme!r} (supported: sqlite, postgresql)", without_password(url)
    )
