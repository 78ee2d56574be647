"""The question stores, SQLite and PostgreSQL, through the same tests: URLs, migrations, filters,
upserts, seeded sampling and parallel writers."""

from __future__ import annotations

import json
import multiprocessing
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import psycopg
import pytest

from quizgen.bank import Bank, DocumentInfo, canonical_json, read_bank, store_sql
from quizgen.bank.store import open_store
from quizgen.bank.store_sql import (
    MIGRATIONS,
    QuestionFilter,
    Quiz,
    SqliteStore,
    Store,
    load_bank,
)
from quizgen.errors import BankError
from quizgen.models import Question, Source
from tests.helpers import SMALL_BANK

ROOT = Path(__file__).resolve().parents[2]


def question(
    qid: str,
    qtype: str = "basic",
    *,
    document: str = "cells.md",
    line: int = 1,
    tags: tuple[str, ...] = (),
    difficulty: int = 2,
    prompt: str = "What is osmosis?",
    kind: str = "definition",
) -> Question:
    return Question(
        id=qid,
        type=qtype,
        prompt=prompt,
        answer="the movement of water across a membrane",
        explanation="Osmosis is the movement of water across a membrane.",
        sources=(
            Source(document=document, line=line, sentence="Osmosis is the movement of water."),
        ),
        kind=kind,
        tags=tags,
        difficulty=difficulty,
    )


@contextmanager
def opened(url: str) -> Iterator[Store]:
    store = open_store(url)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with opened(store_url) as store:
        yield store


def raw_sql(url: str, sql: str) -> list[tuple[Any, ...]]:
    """Run SQL on the database behind a store URL with the driver itself, committed."""
    if url.startswith("sqlite:///"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
            return conn.execute(sql).fetchall()
    with psycopg.connect(url, autocommit=True) as conn:
        cursor = conn.execute(sql)
        return cursor.fetchall() if cursor.description else []


@pytest.mark.parametrize(
    "url, problem",
    [
        ("bank.sqlite", "not a database URL"),
        ("sqlite://", "needs a file path"),
        ("sqlite:///", "needs a file path"),
        (
            "mysql://reader:hunter2@db/quiz",
            "mysql://reader:***@db/quiz: unsupported database 'mysql'",
        ),
        ("sqlite:///:memory:", "name a file"),
        (
            "postgresql://reader:hunter2@127.0.0.1:1/quiz",
            "postgresql://reader:***@127.0.0.1:1/quiz: cannot connect to PostgreSQL: Connection refused",
        ),
        (
            "postgresql://reader@127.0.0.1:1/quiz?password=hunter2&sslmode=disable",
            "postgresql://reader@127.0.0.1:1/quiz?password=***&sslmode=disable: cannot connect to PostgreSQL: "
            "Connection refused",
        ),
    ],
)
def test_unusable_urls_are_refused_in_one_line(url: str, problem: str) -> None:
    with pytest.raises(BankError) as caught:
        open_store(url)
    assert problem in str(caught.value)
    assert "\n" not in str(caught.value)
    assert "hunter2" not in str(caught.value)  # a password never reaches a log line


@pytest.mark.parametrize(
    "how, problem",
    [
        (
            "wrong password",
            'cannot connect to PostgreSQL: password authentication failed for user "quizgen"',
        ),
        (
            "missing database",
            'cannot connect to PostgreSQL: database "no_such_bank" does not exist',
        ),
    ],
)
def test_a_postgresql_server_that_refuses_us_says_why_in_one_line(
    postgres, how: str, problem: str
) -> None:
    url = (
        postgres.url(password="hunter2")
        if how == "wrong password"
        else postgres.url(database="no_such_bank")
    )
    with pytest.raises(BankError) as caught:
        open_store(url)
    shown = url.replace("hunter2", "***").replace(postgres.password, "***")
    assert str(caught.value) == f"{shown}: {problem}"


def test_a_relative_sqlite_url_makes_the_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "build").mkdir()
    store = open_store("sqlite:///build/bank.sqlite")
    assert (tmp_path / "build" / "bank.sqlite").is_file()
    assert store.schema_version() == len(MIGRATIONS)


def test_a_missing_folder_is_refused_not_created(tmp_path: Path) -> None:
    with pytest.raises(
        BankError, match=r"nonexistent/dir does not exist; create it or name another"
    ):
        open_store(f"sqlite:///{tmp_path}/nonexistent/dir/x.sqlite")
    assert not (tmp_path / "nonexistent").exists()


def test_the_file_runs_in_wal_mode(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "bank.sqlite")
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopening_keeps_data_and_does_not_migrate_again(store_url: str) -> None:
    with opened(store_url) as first:
        first.upsert([question("bas-1")])
    with opened(store_url) as again:
        assert again.schema_version() == len(MIGRATIONS)
        assert again.question("bas-1") == question("bas-1")
    assert raw_sql(store_url, "SELECT count(*) FROM schema_version") == [(1,)]


def test_a_database_from_a_newer_quizgen_is_refused(store_url: str) -> None:
    open_store(store_url).close()
    raw_sql(store_url, "UPDATE schema_version SET version = 99")
    with pytest.raises(
        BankError, match=f"schema version 99, newer than this quizgen \\({len(MIGRATIONS)}\\)"
    ):
        open_store(store_url)


def test_a_new_migration_upgrades_an_existing_database(store_url: str, monkeypatch) -> None:
    with opened(store_url) as store:
        store.upsert([question("bas-1")])
    monkeypatch.setattr(store_sql, "MIGRATIONS", MIGRATIONS + ("CREATE TABLE notes (text TEXT);",))
    with opened(store_url) as upgraded:
        assert upgraded.schema_version() == len(MIGRATIONS) + 1
        assert upgraded.question("bas-1") == question("bas-1")
    assert raw_sql(store_url, "SELECT count(*) FROM notes") == [(0,)]


def test_a_failing_migration_leaves_the_database_as_it_was(store_url: str, monkeypatch) -> None:
    open_store(store_url).close()
    monkeypatch.setattr(
        store_sql,
        "MIGRATIONS",
        MIGRATIONS + ("CREATE TABLE notes (text TEXT); SELECT nonsense FROM nowhere;",),
    )
    with pytest.raises(
        BankError, match=f"migration to schema version {len(MIGRATIONS) + 1} failed"
    ):
        open_store(store_url)
    assert raw_sql(store_url, "SELECT version FROM schema_version") == [(len(MIGRATIONS),)]
    with pytest.raises((sqlite3.OperationalError, psycopg.errors.UndefinedTable)):
        raw_sql(store_url, "SELECT * FROM notes")


def test_a_version_1_database_is_migrated_with_its_questions_kept_and_drawable(
    store_url: str, monkeypatch
) -> None:
    """Schema 2 adds the kind and draw columns to a bank the first version made, filled from each question."""
    monkeypatch.setattr(store_sql, "MIGRATIONS", MIGRATIONS[:1])
    open_store(store_url).close()
    data = json.dumps(question("bas-1").to_dict()).replace("'", "''")
    raw_sql(
        store_url,
        f"INSERT INTO questions (id, type, difficulty, search, data) VALUES "
        f"('bas-1', 'basic', 2, 'what is osmosis?', '{data}')",
    )
    monkeypatch.setattr(store_sql, "MIGRATIONS", MIGRATIONS)
    with opened(store_url) as upgraded:
        assert upgraded.schema_version() == len(MIGRATIONS)
        assert upgraded.questions(QuestionFilter(kinds=("definition",))) == [question("bas-1")]
        assert upgraded.sample_ids(QuestionFilter(), 1, seed=3) == ["bas-1"]
    assert raw_sql(store_url, "SELECT draw, data FROM questions") == [
        (store_sql.draw_position("bas-1"), canonical_json(question("bas-1").to_dict()))
    ]  # rewritten canonical


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(BankError, match="notes.sqlite"):
        SqliteStore(path)


def test_load_bank_round_trips_every_question(store: Store) -> None:
    bank = read_bank(SMALL_BANK)
    loaded = load_bank(store, bank)
    assert sorted(loaded.added) == sorted(q.id for q in bank.questions) and not loaded.updated
    assert store.questions(QuestionFilter()) == sorted(bank.questions, key=lambda q: q.id)
    assert store.documents() == list(bank.documents)
    again = load_bank(store, bank)
    assert not again.added and sorted(again.updated) == sorted(loaded.added)
    assert store.count() == len(bank.questions)


def test_upserting_a_fact_from_another_document_merges_sources_and_tags(store: Store) -> None:
    store.upsert([question("bas-1", document="a.md", tags=("doc::a",))])
    store.upsert([question("bas-1", document="b.md", tags=("doc::b",))])
    merged = store.question("bas-1")
    assert [s.document for s in merged.sources] == ["b.md", "a.md"]
    assert merged.tags == ("doc::a", "doc::b")
    assert [q.id for q in store.questions(QuestionFilter(document="a.md"))] == ["bas-1"]


def test_a_document_record_is_replaced_by_its_new_version(store: Store) -> None:
    store.upsert([], [DocumentInfo("a.md", "a.md", "1" * 64, title="Old")])
    store.upsert([], [DocumentInfo("a.md", "a.md", "2" * 64, title="New")])
    assert [(d.checksum[0], d.title) for d in store.documents()] == [("2", "New")]


FILTER_BANK = [
    question(
        "bas-1", "basic", tags=("kind::definition", "topic::cells"), difficulty=1, document="a.md"
    ),
    question(
        "clz-2",
        "cloze",
        tags=("kind::definition",),
        difficulty=2,
        document="a.md",
        prompt="{{c1::Osmosis}} moves water.",
    ),
    question(
        "mc-3",
        "multiple_choice",
        tags=("topic::cells",),
        difficulty=3,
        document="b.md",
        prompt="Which Ångström-sized pore lets water through?",
    ),
    question(
        "tf-4", "true_false", difficulty=2, document="b.md", prompt="Cells have walls.", kind="date"
    ),
]


@pytest.mark.parametrize(
    "where, expected",
    [
        (QuestionFilter(), ["bas-1", "clz-2", "mc-3", "tf-4"]),
        (QuestionFilter(types=("cloze", "true_false")), ["clz-2", "tf-4"]),
        (QuestionFilter(tags=("topic::cells",)), ["bas-1", "mc-3"]),
        (QuestionFilter(tags=("topic::cells", "kind::definition")), ["bas-1"]),  # all tags, not any
        (QuestionFilter(document="b.md"), ["mc-3", "tf-4"]),
        (QuestionFilter(difficulties=(1, 3)), ["bas-1", "mc-3"]),
        (QuestionFilter(text="OSMOSIS MOVES"), ["clz-2"]),  # case-insensitive, in the prompt
        (QuestionFilter(text="ångström"), ["mc-3"]),  # non-ASCII case folding
        (
            QuestionFilter(text="across a membrane"),
            ["bas-1", "clz-2", "mc-3", "tf-4"],
        ),  # in the answer
        (QuestionFilter(text="100%_"), []),  # wildcard characters are plain text
        (QuestionFilter(types=("basic",), document="b.md"), []),
        (QuestionFilter(kinds=("date",)), ["tf-4"]),
        (QuestionFilter(kinds=("date", "definition"), difficulties=(2,)), ["clz-2", "tf-4"]),
        (QuestionFilter(kinds=("quote",)), []),
    ],
)
def test_filters(store: Store, where: QuestionFilter, expected: list[str]) -> None:
    store.upsert(FILTER_BANK)
    assert [q.id for q in store.questions(where)] == expected


def test_pages_follow_the_id_order(store: Store) -> None:
    store.upsert(FILTER_BANK)
    assert [q.id for q in store.questions(QuestionFilter(), after="clz-2", limit=1)] == ["mc-3"]


def test_a_quiz_is_stored_once_and_keeps_its_questions(store: Store) -> None:
    quiz = Quiz("quiz-1", {"count": 2, "seed": 0}, ("tf-4", "bas-1"))
    assert store.add_quiz(quiz) == (quiz, True)
    assert store.add_quiz(replace(quiz, question_ids=("mc-3",))) == (quiz, False)
    assert store.quiz("quiz-1") == quiz and store.quiz("quiz-2") is None


# -- seeded sampling ---------------------------------------------------------------

SAMPLE_BANK = [
    question(
        f"{qtype[:3]}-{n:03d}",
        qtype,
        difficulty=1 + n % 3,
        document=f"doc-{n % 4}.md",
        kind=("definition", "date")[n % 2],
        tags=(f"group::{n % 5}",),
    )
    for n in range(120)
    for qtype in ("basic", "cloze")
]


def test_a_sample_is_count_distinct_matching_questions_and_the_seed_decides_it(
    store: Store,
) -> None:
    store.upsert(SAMPLE_BANK)
    where = QuestionFilter(
        types=("cloze",), kinds=("date",), difficulties=(1, 2), document="doc-1.md"
    )
    matching = {q.id for q in store.questions(where)}
    drawn = store.sample_ids(where, 7, seed=11)
    assert len(drawn) == len(set(drawn)) == 7 and set(drawn) <= matching
    assert store.sample_ids(where, 7, seed=11) == drawn
    assert len({tuple(store.sample_ids(where, 7, seed=s)) for s in range(5)}) == 5


def test_a_sample_larger_than_the_matches_is_all_of_them(store: Store) -> None:
    store.upsert(SAMPLE_BANK)
    where = QuestionFilter(tags=("group::3",), types=("basic",))
    matching = sorted(q.id for q in store.questions(where))
    assert len(matching) == 24
    for count in (24, 25, 200):
        assert sorted(store.sample_ids(where, count, seed=5)) == matching
    assert store.sample_ids(QuestionFilter(document="nowhere.md"), 5, seed=5) == []


def test_samples_spread_over_the_whole_bank(store: Store) -> None:
    """Over many seeds every question is drawn, none far more often than its share (2 in 24 per quiz)."""
    store.upsert(SAMPLE_BANK)
    drawn: dict[str, int] = {}
    for seed in range(300):
        for qid in store.sample_ids(QuestionFilter(types=("basic",)), 10, seed):
            drawn[qid] = drawn.get(qid, 0) + 1
    assert len(drawn) == 120  # 300 * 10 / 120 = 25 draws each on average
    assert max(drawn.values()) < 75


def test_both_stores_draw_the_same_quiz(tmp_path: Path, postgres) -> None:
    urls = (f"sqlite:///{tmp_path / 'bank.sqlite'}", postgres.fresh_url())
    samples = []
    for url in urls:
        with opened(url) as store:
            store.upsert(SAMPLE_BANK)
            samples.append(
                [store.sample_ids(QuestionFilter(kinds=("date",)), 12, seed) for seed in range(20)]
            )
    assert samples[0] == samples[1]


# -- parallel writers ------------------------------------------------------------

WRITERS = 4
PER_WRITER = 40


def _write_many(url: str, writer: int) -> None:
    """One writer's work: its own questions one transaction at a time, and a source on a shared one."""
    with opened(url) as store:
        for n in range(PER_WRITER):
            store.upsert([question(f"bas-w{writer}-{n:03d}", line=n + 1)])
            if n % 10 == 0:
                store.add_quiz(
                    Quiz(f"quiz-{writer}-{n}", {"writer": writer}, (f"bas-w{writer}-{n:03d}",))
                )
        store.upsert(
            [question("bas-shared", document=f"writer-{writer}.md", tags=(f"writer::{writer}",))]
        )


def _open_and_close(url: str) -> None:
    open_store(url).close()


def _check_nothing_lost(store: Store) -> None:
    assert store.count() == WRITERS * PER_WRITER + 1
    shared = store.question("bas-shared")
    assert sorted(s.document for s in shared.sources) == [f"writer-{w}.md" for w in range(WRITERS)]
    assert sorted(shared.tags) == [f"writer::{w}" for w in range(WRITERS)]
    assert all(
        store.quiz(f"quiz-{w}-{n}") for w in range(WRITERS) for n in range(0, PER_WRITER, 10)
    )


def test_parallel_writer_threads_lose_nothing(store_url: str, store: Store) -> None:
    threads = [threading.Thread(target=_write_many, args=(store_url, w)) for w in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    _check_nothing_lost(store)


def test_threads_sharing_one_store_object_lose_nothing(store: Store) -> None:
    def write(writer: int) -> None:
        for n in range(PER_WRITER):
            store.upsert([question(f"bas-t{writer}-{n:03d}")])

    threads = [threading.Thread(target=write, args=(w,)) for w in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert store.count() == WRITERS * PER_WRITER


def test_parallel_writer_processes_lose_nothing(store_url: str) -> None:
    open_store(
        store_url
    ).close()  # created first, so the processes race on writes, not on the first migration
    context = multiprocessing.get_context("fork")
    processes = [context.Process(target=_write_many, args=(store_url, w)) for w in range(WRITERS)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
    assert [p.exitcode for p in processes] == [0] * WRITERS
    with opened(store_url) as store:
        _check_nothing_lost(store)


def test_processes_racing_to_create_the_schema_migrate_it_once(store_url: str) -> None:
    context = multiprocessing.get_context("fork")
    processes = [context.Process(target=_open_and_close, args=(store_url,)) for _ in range(WRITERS)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=60)
    assert [p.exitcode for p in processes] == [0] * WRITERS
    assert raw_sql(store_url, "SELECT count(*), max(version) FROM schema_version") == [
        (1, len(MIGRATIONS))
    ]


def test_bank_without_documents_loads(store: Store) -> None:
    loaded = load_bank(store, Bank(title="t", questions=(question("bas-1"),)))
    assert loaded.added == ("bas-1",)


def test_a_role_that_may_not_create_tables_is_told_so_in_one_line(postgres) -> None:
    raw_sql(postgres.url(), "CREATE ROLE reader LOGIN PASSWORD 'hunter2'")
    raw_sql(postgres.url(), "REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    url = postgres.url().replace(f"{postgres.user}:{postgres.password}", "reader:hunter2")
    with pytest.raises(BankError) as caught:
        open_store(url)
    assert str(caught.value) == (
        f"{url.replace('hunter2', '***')}: cannot read or create the schema: "
        "permission denied for schema public"
    )
