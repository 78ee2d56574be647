"""The question store behind `quizgen serve`: questions, documents and quizzes in SQLite.

A store is opened from a database URL:
  sqlite:///build/bank.sqlite    a file relative to the working folder (created when absent)
  sqlite:////srv/quizgen.sqlite  an absolute path (four slashes)
  postgresql://...               recognised and refused: the seam for a server database is
                                 the `Store` protocol below; a PostgreSQL store would
                                 implement it with the same tables and migrations (psycopg).

The schema is created and migrated by the program: `schema_version` holds the version
reached and `MIGRATIONS` are applied in order, all in one transaction, so a failed
migration leaves the database as it was. The file
runs in WAL mode so readers never wait for a writer; writers take the write lock up
front (BEGIN IMMEDIATE) and wait for each other (busy_timeout), so parallel writers
from threads or processes lose nothing.

A question is stored as its `Question.to_dict()` JSON plus the columns the API
filters on. Upserting a question that is already there keeps its id and merges the
sources and tags, as generation does for a fact found in two documents.
"""
from __future__ import annotations

import importlib.util
import json
import re
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from ..errors import BankError
from ..models import Question
from . import Bank, DocumentInfo, question_from_dict

CLOZE_MARKUP = re.compile(r"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}")  # Anki's {{c1::answer::hint}}
BUSY_TIMEOUT_MS = 30_000  # how long a writer waits for another one before giving up

# Ordered: MIGRATIONS[n] takes the schema from version n to n + 1. Never edit a shipped one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE documents (
        name TEXT PRIMARY KEY,
        path TEXT NOT NULL,
        checksum TEXT NOT NULL,
        title TEXT, author TEXT, date TEXT
    );
    CREATE TABLE questions (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        difficulty INTEGER NOT NULL,
        search TEXT NOT NULL,  -- case-folded prompt, answer and explanation, for ?q=
        data TEXT NOT NULL     -- Question.to_dict() as JSON
    );
    CREATE INDEX questions_type ON questions (type, id);
    CREATE TABLE question_tags (
        question_id TEXT NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (question_id, tag)
    );
    CREATE INDEX question_tags_tag ON question_tags (tag, question_id);
    CREATE TABLE question_documents (
        question_id TEXT NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
        document TEXT NOT NULL,
        PRIMARY KEY (question_id, document)
    );
    CREATE INDEX question_documents_document ON question_documents (document, question_id);
    CREATE TABLE quizzes (
        id TEXT PRIMARY KEY,
        request TEXT NOT NULL,      -- the sampling request as JSON
        question_ids TEXT NOT NULL  -- JSON list, in quiz order
    );
    """,
)


@dataclass(frozen=True)
class QuestionFilter:
    """What GET /questions and POST /quizzes select on; empty fields do not filter."""

    types: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()  # a question must have all of them
    document: str | None = None
    difficulties: tuple[int, ...] = ()
    text: str | None = None  # case-insensitive substring of prompt, answer or explanation


@dataclass(frozen=True)
class Quiz:
    id: str
    request: dict[str, Any]
    question_ids: tuple[str, ...]


@dataclass(frozen=True)
class Upserted:
    added: tuple[str, ...]
    updated: tuple[str, ...]


class Store(Protocol):
    """Where the API keeps questions. Implementations must be safe to call from several threads."""

    def upsert(self, questions: Iterable[Question], documents: Iterable[DocumentInfo] = ()) -> Upserted: ...

    def question(self, question_id: str) -> Question | None: ...

    def questions(self, where: QuestionFilter, after: str | None = None, limit: int | None = None) -> list[Question]:
        """Matching questions sorted by id, starting after id `after`, at most `limit`."""

    def question_dicts(self, where: QuestionFilter, after: str | None = None,
                       limit: int | None = None) -> list[dict[str, Any]]:
        """The same as `Question.to_dict()`s, without building the dataclasses (the API's fast path)."""

    def question_ids(self, where: QuestionFilter) -> list[str]:
        """Ids of every matching question, sorted."""

    def documents(self, names: Iterable[str] | None = None) -> list[DocumentInfo]: ...

    def count(self) -> int: ...

    def add_quiz(self, quiz: Quiz) -> tuple[Quiz, bool]:
        """Store a quiz unless its id is there; returns the stored quiz and whether it is new."""

    def quiz(self, quiz_id: str) -> Quiz | None: ...

    def schema_version(self) -> int: ...


def open_store(url: str) -> Store:
    """The store a database URL names; a BankError naming the URL when it cannot be used."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        raise BankError("not a database URL (expected sqlite:///PATH)", url)
    scheme = scheme.lower()
    if scheme == "sqlite":
        if not rest.startswith("/") or rest == "/":
            raise BankError("a SQLite URL needs a file path: sqlite:///relative/path or sqlite:////absolute/path",
                            url)
        if rest[1:] in ("", ":memory:"):
            raise BankError("an in-memory database would be empty for every thread and lost on exit; "
                            "name a file: sqlite:///PATH", url)
        return SqliteStore(rest[1:])
    if scheme in ("postgresql", "postgres") or scheme.startswith("postgresql+"):
        if importlib.util.find_spec("psycopg") is None:
            raise BankError("PostgreSQL needs the psycopg driver, which is not installed; "
                            "use a SQLite URL (sqlite:///PATH) instead", _without_password(url))
        raise BankError("psycopg is installed but quizgen has no PostgreSQL store yet "
                        "(implement quizgen.bank.store_sql.Store); use sqlite:///PATH", _without_password(url))
    raise BankError(f"unsupported database {scheme!r} (supported: sqlite; postgresql is planned)",
                    _without_password(url))


def load_bank(store: Store, bank: Bank) -> Upserted:
    """Add or update every question and document of a built bank."""
    return store.upsert(bank.questions, bank.documents)


class SqliteStore:
    """A SQLite file in WAL mode; one connection per thread."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BankError(f"cannot create the database folder: {exc.strerror}", str(self.path)) from None
        self._local = threading.local()
        self._migrate()

    # -- connection and schema -------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            try:
                # Autocommit mode: transactions are begun explicitly below.
                conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                       check_same_thread=False)
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA foreign_keys = ON")
                conn.execute("PRAGMA synchronous = NORMAL")  # durable enough in WAL mode, much faster
            except sqlite3.DatabaseError as exc:
                raise BankError(f"not a usable SQLite database: {exc}", str(self.path)) from None
            self._local.conn = conn
        return conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction holding the lock from the start, so read-then-write cannot race."""
        conn = self._connection()
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def _migrate(self) -> None:
        with self._write() as conn:
            conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = conn.execute("SELECT version FROM schema_version").fetchone()
            if row is None:
                conn.execute("INSERT INTO schema_version VALUES (0)")
            version = row[0] if row else 0
            if version > len(MIGRATIONS):
                raise BankError(f"the database is at schema version {version}, newer than this quizgen "
                                f"({len(MIGRATIONS)}); upgrade quizgen", str(self.path))
            for number in range(version, len(MIGRATIONS)):
                try:
                    for statement in _statements(MIGRATIONS[number]):
                        conn.execute(statement)
                except sqlite3.DatabaseError as exc:
                    raise BankError(f"migration to schema version {number + 1} failed ({exc}); "
                                    "the database was left unchanged", str(self.path)) from None
                conn.execute("UPDATE schema_version SET version = ?", (number + 1,))

    def schema_version(self) -> int:
        return self._connection().execute("SELECT version FROM schema_version").fetchone()[0]

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    # -- questions and documents -----------------------------------------------

    def upsert(self, questions: Iterable[Question], documents: Iterable[DocumentInfo] = ()) -> Upserted:
        added: list[str] = []
        updated: list[str] = []
        with self._write() as conn:
            for doc in documents:
                conn.execute(
                    "INSERT INTO documents (name, path, checksum, title, author, date) VALUES (?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (name) DO UPDATE SET path = excluded.path, checksum = excluded.checksum, "
                    "title = excluded.title, author = excluded.author, date = excluded.date",
                    (doc.name, doc.path, doc.checksum, doc.title, doc.author, doc.date))
            for question in questions:
                row = conn.execute("SELECT data FROM questions WHERE id = ?", (question.id,)).fetchone()
                if row is not None:
                    question = _merged(question_from_dict(json.loads(row[0])), question)
                    updated.append(question.id)
                else:
                    added.append(question.id)
                self._put(conn, question)
        return Upserted(tuple(added), tuple(updated))

    @staticmethod
    def _put(conn: sqlite3.Connection, question: Question) -> None:
        prompt = CLOZE_MARKUP.sub(r"\1", question.prompt)  # "{{c1::osmosis}} moves" is found by "osmosis moves"
        search = "\n".join((prompt, question.answer, question.explanation)).casefold()
        conn.execute(
            "INSERT INTO questions (id, type, difficulty, search, data) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET type = excluded.type, difficulty = excluded.difficulty, "
            "search = excluded.search, data = excluded.data",
            (question.id, question.type, question.difficulty, search,
             json.dumps(question.to_dict(), ensure_ascii=False, sort_keys=True)))
        conn.execute("DELETE FROM question_tags WHERE question_id = ?", (question.id,))
        conn.executemany("INSERT INTO question_tags VALUES (?, ?)", [(question.id, t) for t in set(question.tags)])
        conn.execute("DELETE FROM question_documents WHERE question_id = ?", (question.id,))
        conn.executemany("INSERT INTO question_documents VALUES (?, ?)",
                         [(question.id, d) for d in {s.document for s in question.sources}])

    def question(self, question_id: str) -> Question | None:
        row = self._connection().execute("SELECT data FROM questions WHERE id = ?", (question_id,)).fetchone()
        return question_from_dict(json.loads(row[0])) if row else None

    def questions(self, where: QuestionFilter, after: str | None = None, limit: int | None = None) -> list[Question]:
        return [question_from_dict(data) for data in self.question_dicts(where, after, limit)]

    def question_dicts(self, where: QuestionFilter, after: str | None = None,
                       limit: int | None = None) -> list[dict[str, Any]]:
        return [json.loads(data) for (data,) in self._select("q.data", where, after, limit)]

    def question_ids(self, where: QuestionFilter) -> list[str]:
        return [qid for (qid,) in self._select("q.id", where)]

    def _select(self, column: str, where: QuestionFilter, after: str | None = None,
                limit: int | None = None) -> list[tuple]:
        clauses, params = _where(where)
        if after is not None:
            clauses.append("q.id > ?")
            params.append(after)
        sql = f"SELECT {column} FROM questions q"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY q.id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return self._connection().execute(sql, params).fetchall()

    def documents(self, names: Iterable[str] | None = None) -> list[DocumentInfo]:
        rows = self._connection().execute(
            "SELECT name, path, checksum, title, author, date FROM documents ORDER BY name").fetchall()
        wanted = None if names is None else set(names)
        return [DocumentInfo(*row) for row in rows if wanted is None or row[0] in wanted]

    def count(self) -> int:
        return self._connection().execute("SELECT count(*) FROM questions").fetchone()[0]

    # -- quizzes -----------------------------------------------------------------

    def add_quiz(self, quiz: Quiz) -> tuple[Quiz, bool]:
        with self._write() as conn:
            existing = self._quiz(conn, quiz.id)
            if existing is not None:
                return existing, False
            conn.execute("INSERT INTO quizzes (id, request, question_ids) VALUES (?, ?, ?)",
                         (quiz.id, json.dumps(quiz.request, sort_keys=True), json.dumps(list(quiz.question_ids))))
        return quiz, True

    def quiz(self, quiz_id: str) -> Quiz | None:
        return self._quiz(self._connection(), quiz_id)

    @staticmethod
    def _quiz(conn: sqlite3.Connection, quiz_id: str) -> Quiz | None:
        row = conn.execute("SELECT request, question_ids FROM quizzes WHERE id = ?", (quiz_id,)).fetchone()
        if row is None:
            return None
        return Quiz(quiz_id, json.loads(row[0]), tuple(json.loads(row[1])))


def _where(where: QuestionFilter) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if where.types:
        clauses.append(f"q.type IN ({', '.join('?' * len(where.types))})")
        params.extend(where.types)
    if where.difficulties:
        clauses.append(f"q.difficulty IN ({', '.join('?' * len(where.difficulties))})")
        params.extend(where.difficulties)
    for tag in where.tags:
        clauses.append("EXISTS (SELECT 1 FROM question_tags t WHERE t.question_id = q.id AND t.tag = ?)")
        params.append(tag)
    if where.document is not None:
        clauses.append("EXISTS (SELECT 1 FROM question_documents d WHERE d.question_id = q.id AND d.document = ?)")
        params.append(where.document)
    if where.text:
        # instr, not LIKE: no wildcard escaping, and case folding done in Python covers non-ASCII letters.
        clauses.append("instr(q.search, ?) > 0")
        params.append(where.text.casefold())
    return clauses, params


def _merged(old: Question, new: Question) -> Question:
    """The new version of a question, keeping the sources and tags the old one had from elsewhere."""
    sources = tuple(dict.fromkeys(new.sources + tuple(s for s in old.sources if s not in new.sources)))
    tags = tuple(sorted(set(new.tags) | set(old.tags)))
    return replace(new, sources=sources, tags=tags)


def _statements(script: str) -> list[str]:
    """A migration script's statements (executed one by one, inside the migration's transaction)."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _without_password(url: str) -> str:
    scheme, _, rest = url.partition("://")
    credentials, at, host = rest.rpartition("@")
    if not at:
        return url
    return f"{scheme}://{credentials.split(':', 1)[0]}:***@{host}"

