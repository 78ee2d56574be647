"""The SQLite question store: URLs, migrations, filters, upserts, and parallel writers."""
from __future__ import annotations

import multiprocessing
import sqlite3
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from quizgen.bank import Bank, DocumentInfo, read_bank
from quizgen.bank import store_sql
from quizgen.bank.store_sql import MIGRATIONS, QuestionFilter, Quiz, SqliteStore, load_bank, open_store
from quizgen.errors import BankError
from quizgen.models import Question, Source

ROOT = Path(__file__).resolve().parents[2]
BANK_SMALL = ROOT / "tests" / "roots" / "bank-small" / "bank.json"


def question(qid: str, qtype: str = "basic", *, document: str = "cells.md", line: int = 1,
             tags: tuple[str, ...] = (), difficulty: int = 2, prompt: str = "What is osmosis?") -> Question:
    return Question(
        id=qid, type=qtype, prompt=prompt, answer="the movement of water across a membrane",
        explanation="Osmosis is the movement of water across a membrane.",
        sources=(Source(document=document, line=line, sentence="Osmosis is the movement of water."),),
        kind="definition", tags=tags, difficulty=difficulty)


@pytest.fixture
def store(tmp_path: Path) -> SqliteStore:
    return SqliteStore(tmp_path / "bank.sqlite")


@pytest.mark.parametrize("url, problem", [
    ("bank.sqlite", "not a database URL"),
    ("sqlite://", "needs a file path"),
    ("sqlite:///", "needs a file path"),
    ("mysql://db/quiz", "unsupported database 'mysql'"),
    ("sqlite:///:memory:", "name a file"),
    ("postgresql://reader:hunter2@db.example/quiz", "PostgreSQL needs the psycopg driver"),
])
def test_unusable_urls_are_refused_in_one_line(url: str, problem: str) -> None:
    with pytest.raises(BankError) as caught:
        open_store(url)
    assert problem in str(caught.value)
    assert "hunter2" not in str(caught.value)  # a password never reaches a log line


def test_a_relative_sqlite_url_makes_the_file_and_its_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    store = open_store("sqlite:///build/deep/bank.sqlite")
    assert (tmp_path / "build" / "deep" / "bank.sqlite").is_file()
    assert store.schema_version() == len(MIGRATIONS)


def test_the_file_runs_in_wal_mode(store: SqliteStore) -> None:
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopening_keeps_data_and_does_not_migrate_again(tmp_path: Path) -> None:
    first = SqliteStore(tmp_path / "b.sqlite")
    first.upsert([question("bas-1")])
    again = SqliteStore(tmp_path / "b.sqlite")
    assert again.schema_version() == len(MIGRATIONS)
    assert again.question("bas-1") == question("bas-1")


def test_a_database_from_a_newer_quizgen_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "b.sqlite"
    SqliteStore(path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE schema_version SET version = 99")
    with pytest.raises(BankError, match="schema version 99, newer than this quizgen"):
        SqliteStore(path)


def test_a_new_migration_upgrades_an_existing_database(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "b.sqlite"
    SqliteStore(path).upsert([question("bas-1")])
    monkeypatch.setattr(store_sql, "MIGRATIONS", MIGRATIONS + ("CREATE TABLE notes (text TEXT);",))
    upgraded = SqliteStore(path)
    assert upgraded.schema_version() == len(MIGRATIONS) + 1
    assert upgraded.question("bas-1") == question("bas-1")
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM notes").fetchone() == (0,)


def test_a_failing_migration_leaves_the_database_as_it_was(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "b.sqlite"
    SqliteStore(path)
    monkeypatch.setattr(store_sql, "MIGRATIONS",
                        MIGRATIONS + ("CREATE TABLE notes (text TEXT); SELECT nonsense FROM nowhere;",))
    with pytest.raises(BankError, match="migration to schema version 2 failed"):
        SqliteStore(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchone() == (len(MIGRATIONS),)
        assert not conn.execute("SELECT name FROM sqlite_master WHERE name = 'notes'").fetchall()


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(BankError, match="notes.sqlite"):
        SqliteStore(path)


def test_load_bank_round_trips_every_question(store: SqliteStore) -> None:
    bank = read_bank(BANK_SMALL)
    loaded = load_bank(store, bank)
    assert sorted(loaded.added) == sorted(q.id for q in bank.questions) and not loaded.updated
    assert store.questions(QuestionFilter()) == sorted(bank.questions, key=lambda q: q.id)
    assert store.documents() == list(bank.documents)
    again = load_bank(store, bank)
    assert not again.added and sorted(again.updated) == sorted(loaded.added)
    assert store.count() == len(bank.questions)


def test_upserting_a_fact_from_another_document_merges_sources_and_tags(store: SqliteStore) -> None:
    store.upsert([question("bas-1", document="a.md", tags=("doc::a",))])
    store.upsert([question("bas-1", document="b.md", tags=("doc::b",))])
    merged = store.question("bas-1")
    assert [s.document for s in merged.sources] == ["b.md", "a.md"]
    assert merged.tags == ("doc::a", "doc::b")
    assert [q.id for q in store.questions(QuestionFilter(document="a.md"))] == ["bas-1"]


def test_a_document_record_is_replaced_by_its_new_version(store: SqliteStore) -> None:
    store.upsert([], [DocumentInfo("a.md", "a.md", "1" * 64, title="Old")])
    store.upsert([], [DocumentInfo("a.md", "a.md", "2" * 64, title="New")])
    assert [(d.checksum[0], d.title) for d in store.documents()] == [("2", "New")]


FILTER_BANK = [
    question("bas-1", "basic", tags=("kind::definition", "topic::cells"), difficulty=1, document="a.md"),
    question("clz-2", "cloze", tags=("kind::definition",), difficulty=2, document="a.md",
             prompt="{{c1::Osmosis}} moves water."),
    question("mc-3", "multiple_choice", tags=("topic::cells",), difficulty=3, document="b.md",
             prompt="Which Ångström-sized pore lets water through?"),
    question("tf-4", "true_false", difficulty=2, document="b.md", prompt="Cells have walls."),
]


@pytest.mark.parametrize("where, expected", [
    (QuestionFilter(), ["bas-1", "clz-2", "mc-3", "tf-4"]),
    (QuestionFilter(types=("cloze", "true_false")), ["clz-2", "tf-4"]),
    (QuestionFilter(tags=("topic::cells",)), ["bas-1", "mc-3"]),
    (QuestionFilter(tags=("topic::cells", "kind::definition")), ["bas-1"]),  # all tags, not any
    (QuestionFilter(document="b.md"), ["mc-3", "tf-4"]),
    (QuestionFilter(difficulties=(1, 3)), ["bas-1", "mc-3"]),
    (QuestionFilter(text="OSMOSIS MOVES"), ["clz-2"]),  # case-insensitive, in the prompt
    (QuestionFilter(text="ångström"), ["mc-3"]),  # non-ASCII case folding
    (QuestionFilter(text="across a membrane"), ["bas-1", "clz-2", "mc-3", "tf-4"]),  # in the answer
    (QuestionFilter(text="100%_"), []),  # wildcard characters are plain text
    (QuestionFilter(types=("basic",), document="b.md"), []),
])
def test_filters(store: SqliteStore, where: QuestionFilter, expected: list[str]) -> None:
    store.upsert(FILTER_BANK)
    assert [q.id for q in store.questions(where)] == expected


def test_pages_follow_the_id_order(store: SqliteStore) -> None:
    store.upsert(FILTER_BANK)
    assert [q.id for q in store.questions(QuestionFilter(), after="clz-2", limit=1)] == ["mc-3"]


def test_a_quiz_is_stored_once_and_keeps_its_questions(store: SqliteStore) -> None:
    quiz = Quiz("quiz-1", {"count": 2, "seed": 0}, ("tf-4", "bas-1"))
    assert store.add_quiz(quiz) == (quiz, True)
    assert store.add_quiz(replace(quiz, question_ids=("mc-3",))) == (quiz, False)
    assert store.quiz("quiz-1") == quiz and store.quiz("quiz-2") is None


# -- parallel writers ------------------------------------------------------------

WRITERS = 4
PER_WRITER = 40


def _write_many(path: str, writer: int) -> None:
    """One writer's work: its own questions one transaction at a time, and a source on a shared one."""
    store = SqliteStore(path)
    for n in range(PER_WRITER):
        store.upsert([question(f"bas-w{writer}-{n:03d}", line=n + 1)])
        if n % 10 == 0:
            store.add_quiz(Quiz(f"quiz-{writer}-{n}", {"writer": writer}, (f"bas-w{writer}-{n:03d}",)))
    store.upsert([question("bas-shared", document=f"writer-{writer}.md", tags=(f"writer::{writer}",))])


def _check_nothing_lost(store: SqliteStore) -> None:
    assert store.count() == WRITERS * PER_WRITER + 1
    shared = store.question("bas-shared")
    assert sorted(s.document for s in shared.sources) == [f"writer-{w}.md" for w in range(WRITERS)]
    assert sorted(shared.tags) == [f"writer::{w}" for w in range(WRITERS)]
    assert all(store.quiz(f"quiz-{w}-{n}") for w in range(WRITERS) for n in range(0, PER_WRITER, 10))


def test_parallel_writer_threads_lose_nothing(store: SqliteStore) -> None:
    threads = [threading.Thread(target=_write_many, args=(str(store.path), w)) for w in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    _check_nothing_lost(store)


def test_threads_sharing_one_store_object_lose_nothing(store: SqliteStore) -> None:
    def write(writer: int) -> None:
        for n in range(PER_WRITER):
            store.upsert([question(f"bas-t{writer}-{n:03d}")])

    threads = [threading.Thread(target=write, args=(w,)) for w in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert store.count() == WRITERS * PER_WRITER


def test_parallel_writer_processes_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "bank.sqlite"
    SqliteStore(path)  # created first, so the processes race on writes, not on the first migration
    context = multiprocessing.get_context("fork")
    processes = [context.Process(target=_write_many, args=(str(path), w)) for w in range(WRITERS)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
    assert [p.exitcode for p in processes] == [0] * WRITERS
    _check_nothing_lost(SqliteStore(path))


def test_processes_racing_to_create_the_schema_migrate_it_once(tmp_path: Path) -> None:
    path = tmp_path / "fresh.sqlite"
    context = multiprocessing.get_context("fork")
    processes = [context.Process(target=SqliteStore, args=(str(path),)) for _ in range(WRITERS)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=60)
    assert [p.exitcode for p in processes] == [0] * WRITERS
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*), max(version) FROM schema_version").fetchone() == (1, len(MIGRATIONS))


def test_bank_without_documents_loads(store: SqliteStore) -> None:
    loaded = load_bank(store, Bank(title="t", questions=(question("bas-1"),)))
    assert loaded.added == ("bas-1",)
