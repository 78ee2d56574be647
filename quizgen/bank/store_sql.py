"""The question store behind `quizgen serve`: questions, documents and quizzes in SQL.

A store is opened from a database URL:
  sqlite:///build/bank.sqlite    a file relative to the working folder (created when absent)
  sqlite:////srv/quizgen.sqlite  an absolute path (four slashes)
  postgresql://USER:PASSWORD@HOST:PORT/DATABASE   a PostgreSQL database (store_pg.py)

Both stores share the tables, the migrations and every query (`SqlStore`); they differ
only in how they connect and lock. The schema is created and migrated by the program:
`schema_version` holds the version reached and `MIGRATIONS` are applied in order, all in
one transaction, so a failed migration leaves the database as it was, and a database
newer than this code is refused. Writers hold a store-wide write lock for the length of
their transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock), so
read-then-write upserts from threads or processes lose nothing.

A question is stored as its `Question.to_dict()` JSON plus the columns the API filters
on, and `draw`: a fixed pseudo-random position (a hash of the id) that seeded quiz
sampling walks through an index, so drawing a quiz costs the same whatever the bank's
size. Upserting a question that is already there keeps its id and merges the sources and
tags, as generation does for a fact found in two documents.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path
from typing import Any, Protocol

import orjson

from ..errors import BankError
from ..models import Question
from . import Bank, DocumentInfo, canonical_json, question_from_dict

CLOZE_MARKUP = re.compile(r"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}")  # Anki's {{c1::answer::hint}}
BATCH = 500  # questions per round of statements when upserting
NEIGHBOURS = 16  # how far past its point a quiz draw may land (see SqlStore.sample_ids)


class Db(Protocol):
    """A connection as the shared queries use it: `?` placeholders, sqlite3's method names."""

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any: ...

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Any: ...


def draw_position(text: str) -> int:
    """A fixed pseudo-random 63-bit integer for `text`: the same in every store and process."""
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big") >> 1


def _kind_and_draw(db: Db) -> None:
    """Schema 2: the kind filter and seeded sampling as indexed columns, filled from each question;
    `data` rewritten as canonical JSON, which the API sends as it is."""
    for statement in _statements("""
        ALTER TABLE questions ADD COLUMN kind TEXT NOT NULL DEFAULT '';
        ALTER TABLE questions ADD COLUMN draw BIGINT NOT NULL DEFAULT 0;
        CREATE INDEX questions_kind ON questions (kind, id);
        CREATE INDEX questions_difficulty ON questions (difficulty, id);
        CREATE INDEX questions_draw ON questions (draw, id);
        CREATE INDEX questions_type_draw ON questions (type, draw, id);
    """):
        db.execute(statement)
    questions = {
        qid: orjson.loads(data)
        for qid, data in db.execute("SELECT id, data FROM questions").fetchall()
    }
    db.executemany(
        "UPDATE questions SET kind = ?, draw = ?, data = ? WHERE id = ?",
        [
            (data["kind"], draw_position(qid), canonical_json(data), qid)
            for qid, data in questions.items()
        ],
    )


# Ordered: MIGRATIONS[n] takes the schema from version n to n + 1. Never edit a shipped one.
# A migration is a SQL script both databases run, or a function given the open transaction.
MIGRATIONS: tuple[str | Callable[[Db], None], ...] = (
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
        data TEXT NOT NULL     -- Question.to_dict() as canonical JSON (bank.canonical_json, from schema 2)
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
    _kind_and_draw,
)


@dataclass(frozen=True)
class QuestionFilter:
    """What GET /questions and POST /quizzes select on; empty fields do not filter."""

    types: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()  # a question must have all of them
    document: str | None = None
    difficulties: tuple[int, ...] = ()
    text: str | None = None  # case-insensitive substring of prompt, answer or explanation (a scan)


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

    def upsert(
        self, questions: Iterable[Question], documents: Iterable[DocumentInfo] = ()
    ) -> Upserted: ...

    def replace_document(
        self, document: DocumentInfo, questions: Iterable[Question]
    ) -> tuple[Upserted, tuple[str, ...]]: ...

    def question(self, question_id: str) -> Question | None: ...

    def questions(
        self, where: QuestionFilter, after: str | None = None, limit: int | None = None
    ) -> list[Question]:
        """Matching questions sorted by id, starting after id `after`, at most `limit`."""

    def question_json(
        self, where: QuestionFilter, after: str | None = None, limit: int | None = None
    ) -> list[tuple[str, str]]:
        """The same as (id, canonical JSON of `Question.to_dict()`), as stored: the API's fast path."""

    def question_json_by_id(self, ids: Sequence[str]) -> dict[str, str]:
        """The canonical JSON of each of these ids that is stored."""

    def sample_ids(self, where: QuestionFilter, count: int, seed: int) -> list[str]:
        """`count` ids of matching questions (all of them when fewer match) drawn with `seed`, in quiz order."""

    def documents(self, names: Iterable[str] | None = None) -> list[DocumentInfo]: ...

    def count(self) -> int: ...

    def add_quiz(self, quiz: Quiz) -> tuple[Quiz, bool]:
        """Store a quiz unless its id is there; returns the stored quiz and whether it is new."""

    def quiz(self, quiz_id: str) -> Quiz | None: ...

    def schema_version(self) -> int: ...

    def close(self) -> None: ...


def load_bank(store: Store, bank: Bank) -> Upserted:
    """Add or update every question and document of a built bank."""
    return store.upsert(bank.questions, bank.documents)


class SqlStore:
    """The tables' queries, shared by both stores. Subclasses connect, lock and name the database.

    SQL is written once with sqlite3's `?` placeholders; `Db` hides the driver.
    """

    where: str  # the path or (password-masked) URL that error messages name
    database_error: type[Exception]  # the driver's root error, for migration failures
    contains = "instr({}, ?) > 0"  # substring test; no LIKE, so no wildcard escaping

    def _read(self) -> AbstractContextManager[Db]:
        raise NotImplementedError

    def _write(self) -> AbstractContextManager[Db]:
        """A transaction holding the store-wide write lock from its start."""
        raise NotImplementedError

    def _quiz_write(self) -> AbstractContextManager[Db]:
        """The transaction that adds a quiz: a write, unless the store can do with less."""
        return self._write()

    # -- schema ----------------------------------------------------------------------

    def _migrate(self) -> None:
        try:
            self._apply_migrations(MIGRATIONS)  # read at call time: tests add migrations
        except self.database_error as exc:  # e.g. a role that may not create tables
            raise BankError(
                f"cannot read or create the schema: {_first_line(exc)}", self.where
            ) from None

    def _apply_migrations(self, migrations: Sequence[str | Callable[[Db], None]]) -> None:
        with self._write() as db:
            db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = db.execute("SELECT version FROM schema_version").fetchone()
            if row is None:
                db.execute("INSERT INTO schema_version VALUES (0)")
            version = row[0] if row else 0
            if version > len(migrations):
                raise BankError(
                    f"the database is at schema version {version}, newer than this quizgen "
                    f"({len(migrations)}); upgrade quizgen",
                    self.where,
                )
            for number in range(version, len(migrations)):
                migration = migrations[number]
                try:
                    if callable(migration):
                        migration(db)
                    else:
                        for statement in _statements(migration):
                            db.execute(statement)
                except self.database_error as exc:
                    raise BankError(
                        f"migration to schema version {number + 1} failed ({_first_line(exc)}); "
                        "the database was left unchanged",
                        self.where,
                    ) from None
                db.execute("UPDATE schema_version SET version = ?", (number + 1,))

    def schema_version(self) -> int:
        with self._read() as db:
            return db.execute("SELECT version FROM schema_version").fetchone()[0]

    # -- questions and documents -------------------------------------------------

    def upsert(
        self, questions: Iterable[Question], documents: Iterable[DocumentInfo] = ()
    ) -> Upserted:
        with self._write() as db:
            return self._upsert(db, questions, documents)

    def replace_document(
        self, document: DocumentInfo, questions: Iterable[Question]
    ) -> tuple[Upserted, tuple[str, ...]]:
        """A document's questions as the document now supports them; returns (upserted, withdrawn ids).

        A stored question keeps no source from the document's earlier version. One the new
        version no longer supports loses the document's sources, and is withdrawn (deleted:
        quizzes that held it list it no more) when it cites no other document.
        """
        questions = list(questions)
        new_ids = {q.id for q in questions}
        with self._write() as db:
            cited = {
                qid
                for (qid,) in db.execute(
                    "SELECT question_id FROM question_documents WHERE document = ?", [document.name]
                ).fetchall()
            }
            stripped, withdrawn = [], []
            for qid, old in self._stored(db, cited).items() if cited else ():
                others = tuple(s for s in old.sources if s.document != document.name)
                if others or qid in new_ids:
                    stripped.append(replace(old, sources=others))
                else:
                    withdrawn.append(qid)
            if stripped:
                self._put(db, stripped)
            if withdrawn:
                db.execute(f"DELETE FROM questions WHERE id IN ({_marks(withdrawn)})", withdrawn)
            return self._upsert(db, questions, [document]), tuple(sorted(withdrawn))

    def _upsert(
        self, db: Db, questions: Iterable[Question], documents: Iterable[DocumentInfo]
    ) -> Upserted:
        added: list[str] = []
        updated: list[str] = []
        db.executemany(
            "INSERT INTO documents (name, path, checksum, title, author, date) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET path = excluded.path, checksum = excluded.checksum, "
            "title = excluded.title, author = excluded.author, date = excluded.date",
            [(d.name, d.path, d.checksum, d.title, d.author, d.date) for d in documents],
        )
        for batch in _batches(questions, BATCH):
            stored = self._stored(db, {q.id for q in batch})
            merged: dict[str, Question] = {}
            for question in batch:
                old = merged.get(question.id) or stored.get(question.id)
                (updated if old else added).append(question.id)
                merged[question.id] = _merged(old, question) if old else question
            self._put(db, list(merged.values()))
        return Upserted(tuple(added), tuple(updated))

    @staticmethod
    def _stored(db: Db, ids: set[str]) -> dict[str, Question]:
        rows = db.execute(
            f"SELECT data FROM questions WHERE id IN ({_marks(ids)})", list(ids)
        ).fetchall()
        return {q.id: q for q in (question_from_dict(orjson.loads(data)) for (data,) in rows)}

    @staticmethod
    def _put(db: Db, questions: list[Question]) -> None:
        db.executemany(
            "INSERT INTO questions (id, type, kind, difficulty, draw, search, data) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET type = excluded.type, kind = excluded.kind, "
            "difficulty = excluded.difficulty, draw = excluded.draw, search = excluded.search, data = excluded.data",
            [
                (
                    q.id,
                    q.type,
                    q.kind,
                    q.difficulty,
                    draw_position(q.id),
                    _search_text(q),
                    canonical_json(q.to_dict()),
                )
                for q in questions
            ],
        )
        ids = [q.id for q in questions]
        db.execute(f"DELETE FROM question_tags WHERE question_id IN ({_marks(ids)})", ids)
        db.executemany(
            "INSERT INTO question_tags VALUES (?, ?)",
            [(q.id, t) for q in questions for t in set(q.tags)],
        )
        db.execute(f"DELETE FROM question_documents WHERE question_id IN ({_marks(ids)})", ids)
        db.executemany(
            "INSERT INTO question_documents VALUES (?, ?)",
            [(q.id, d) for q in questions for d in {s.document for s in q.sources}],
        )

    def question(self, question_id: str) -> Question | None:
        data = self.question_json_by_id([question_id]).get(question_id)
        return None if data is None else question_from_dict(orjson.loads(data))

    def question_json_by_id(self, ids: Sequence[str]) -> dict[str, str]:
        if not ids:
            return {}
        with self._read() as db:
            return dict(
                db.execute(
                    f"SELECT id, data FROM questions WHERE id IN ({_marks(ids)})", list(ids)
                ).fetchall()
            )

    def questions(
        self, where: QuestionFilter, after: str | None = None, limit: int | None = None
    ) -> list[Question]:
        return [
            question_from_dict(orjson.loads(data))
            for _, data in self.question_json(where, after, limit)
        ]

    def question_json(
        self, where: QuestionFilter, after: str | None = None, limit: int | None = None
    ) -> list[tuple[str, str]]:
        clauses, params = self._where(where)
        if after is not None:
            clauses.append("q.id > ?")
            params.append(after)
        sql = f"SELECT q.id, q.data FROM questions q WHERE {' AND '.join(clauses) or '1 = 1'} ORDER BY q.id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        with self._read() as db:
            return [tuple(row) for row in db.execute(sql, params).fetchall()]

    def sample_ids(self, where: QuestionFilter, count: int, seed: int) -> list[str]:
        """Index range reads, not a scan, so the cost does not grow with the bank.

        The seed gives `count` points in `draw` order, each with an offset below NEIGHBOURS: a point
        takes the matching question that many places after it (wrapping round). A question's chance
        is then its share of the draw range averaged over NEIGHBOURS gaps, close to uniform; the first
        question after a point alone would favour those after wide gaps. Points that meet the same
        question are made up by the next ones after the first point. The result is shuffled with the
        seed, so both stores give the same quiz."""
        rng = random.Random(seed)
        points = [(rng.getrandbits(63), rng.randrange(NEIGHBOURS)) for _ in range(count)]
        clauses, params = self._where(where)
        match = " AND ".join(clauses) or "1 = 1"
        window = (
            f"SELECT * FROM (SELECT CAST(? AS INTEGER) AS n, q.id, q.draw FROM questions q "
            f"WHERE {match} AND q.draw >= ? ORDER BY q.draw, q.id LIMIT {NEIGHBOURS}) AS w"
        )
        arguments = [value for n, (point, _) in enumerate(points) for value in (n, *params, point)]
        with self._read() as db:
            # One window per point, and the first questions of all (n = -1) for windows that wrap round.
            rows = db.execute(
                " UNION ALL ".join([window] * (count + 1)), [-1, *params, 0, *arguments]
            ).fetchall()
            windows: dict[int, list[tuple[int, str]]] = {}
            for n, qid, draw in rows:
                windows.setdefault(n, []).append((draw, qid))
            start = sorted(windows.pop(-1, []))
            found: set[str] = set()
            for n, (_, offset) in enumerate(points):
                candidates = [qid for _, qid in sorted(windows.get(n, [])) + start]
                if candidates:
                    found.add(candidates[min(offset, len(candidates) - 1)])
            for draw_clause in ("q.draw >= ?", "q.draw < ?"):
                missing = count - len(found)
                if not missing or not found:
                    break
                rows = db.execute(
                    f"SELECT q.id FROM questions q WHERE {match} AND {draw_clause} "
                    f"AND q.id NOT IN ({_marks(found)}) ORDER BY q.draw, q.id LIMIT ?",
                    [*params, points[0][0], *sorted(found), missing],
                ).fetchall()
                found.update(qid for (qid,) in rows)
        ids = sorted(found)
        rng.shuffle(ids)
        return ids

    def _where(self, where: QuestionFilter) -> tuple[list[str], list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        for column, values in (
            ("q.type", where.types),
            ("q.kind", where.kinds),
            ("q.difficulty", where.difficulties),
        ):
            if values:
                clauses.append(f"{column} IN ({_marks(values)})")
                params.extend(values)
        for tag in where.tags:
            clauses.append("q.id IN (SELECT t.question_id FROM question_tags t WHERE t.tag = ?)")
            params.append(tag)
        if where.document is not None:
            clauses.append(
                "q.id IN (SELECT d.question_id FROM question_documents d WHERE d.document = ?)"
            )
            params.append(where.document)
        if where.text:
            # Case folding done in Python covers non-ASCII letters.
            clauses.append(self.contains.format("q.search"))
            params.append(where.text.casefold())
        return clauses, params

    def documents(self, names: Iterable[str] | None = None) -> list[DocumentInfo]:
        with self._read() as db:
            rows = db.execute(
                "SELECT name, path, checksum, title, author, date FROM documents ORDER BY name"
            ).fetchall()
        wanted = None if names is None else set(names)
        return [DocumentInfo(*row) for row in rows if wanted is None or row[0] in wanted]

    def count(self) -> int:
        with self._read() as db:
            return db.execute("SELECT count(*) FROM questions").fetchone()[0]

    # -- quizzes -------------------------------------------------------------------

    def add_quiz(self, quiz: Quiz) -> tuple[Quiz, bool]:
        with self._quiz_write() as db:
            # Whoever inserts first wins; a racing insert of the same id waits for it, then does nothing.
            inserted = db.execute(
                "INSERT INTO quizzes (id, request, question_ids) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
                (
                    quiz.id,
                    json.dumps(quiz.request, sort_keys=True),
                    json.dumps(list(quiz.question_ids)),
                ),
            ).rowcount
            if inserted != 1:
                return self._quiz(db, quiz.id), False
        return quiz, True

    def quiz(self, quiz_id: str) -> Quiz | None:
        with self._read() as db:
            return self._quiz(db, quiz_id)

    @staticmethod
    def _quiz(db: Db, quiz_id: str) -> Quiz | None:
        row = db.execute(
            "SELECT request, question_ids FROM quizzes WHERE id = ?", (quiz_id,)
        ).fetchone()
        if row is None:
            return None
        return Quiz(quiz_id, json.loads(row[0]), tuple(json.loads(row[1])))


BUSY_TIMEOUT_MS = 5_000  # how long a SQLite writer waits for another before the API answers 503
MMAP_BYTES = (
    1 << 30
)  # reads through a memory map, not a read() per page: random index reads stay cheap


class SqliteStore(SqlStore):
    """A SQLite file in WAL mode (readers never wait for the writer); one connection per thread."""

    database_error = sqlite3.DatabaseError

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.where = str(self.path)
        if not self.path.parent.is_dir():  # a typo in a URL must not build a tree of folders
            raise BankError(
                f"the folder {self.path.parent} does not exist; create it or name another",
                str(self.path),
            )
        self._local = threading.local()
        self._migrate()

    def _connection(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            try:
                # Autocommit mode: transactions are begun explicitly in _write.
                conn = sqlite3.connect(
                    self.path,
                    timeout=BUSY_TIMEOUT_MS / 1000,
                    isolation_level=None,
                    check_same_thread=False,
                )
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA foreign_keys = ON")
                conn.execute(
                    "PRAGMA synchronous = NORMAL"
                )  # durable enough in WAL mode, much faster
                conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            except sqlite3.DatabaseError as exc:
                raise BankError(f"not a usable SQLite database: {exc}", str(self.path)) from None
            self._local.conn = conn
        return conn

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        yield self._connection()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        conn = self._connection()
        conn.execute("BEGIN IMMEDIATE")  # the write lock now, so read-then-write cannot race
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None


def _search_text(question: Question) -> str:
    prompt = CLOZE_MARKUP.sub(
        r"\1", question.prompt
    )  # "{{c1::osmosis}} moves" is found by "osmosis moves"
    return "\n".join((prompt, question.answer, question.explanation)).casefold()


def _merged(old: Question, new: Question) -> Question:
    """The new version of a question, keeping the sources and tags the old one had from elsewhere."""
    sources = tuple(
        dict.fromkeys(new.sources + tuple(s for s in old.sources if s not in new.sources))
    )
    tags = tuple(sorted(set(new.tags) | set(old.tags)))
    return replace(new, sources=sources, tags=tags)


def _marks(values: Iterable[Any]) -> str:
    return ", ".join("?" for _ in values)


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _statements(script: str) -> list[str]:
    """A migration script's statements (executed one by one, inside the migration's transaction)."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def without_password(url: str) -> str:
    """The URL as error messages show it: any password replaced by ***."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    authority, slash, tail = rest.partition("/")
    credentials, at, host = authority.rpartition("@")
    if at and ":" in credentials:
        authority = f"{credentials.split(':', 1)[0]}:***@{host}"
    tail = re.sub(r"(?i)(\bpassword=)[^&]*", r"\1***", tail)
    return f"{scheme}://{authority}{slash}{tail}"
