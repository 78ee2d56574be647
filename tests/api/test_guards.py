"""What keeps one client from exhausting the server: keys on every write, rate limits, the
export cache, bounded PDF layout, 503 on a busy database, headers, and docs that work offline."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from quizgen.api import app as app_module
from quizgen.api.guards import Slots
from quizgen.api.problems import ApiProblem

from .conftest import KEY, assert_problem


def test_creating_a_quiz_needs_the_key(make_client, store) -> None:
    anonymous = make_client(send_key=False)
    assert_problem(anonymous.post("/quizzes", json={"count": 3, "seed": 1}), 401, "missing-api-key")
    assert_problem(
        anonymous.post("/quizzes", json={"count": 3, "seed": 1}, headers={"X-API-Key": "guess"}),
        403,
        "wrong-api-key",
    )
    assert make_client().post("/quizzes", json={"count": 3, "seed": 1}).status_code == 201


def test_a_burst_of_anonymous_writes_is_rate_limited(make_client) -> None:
    anonymous = make_client(send_key=False, write_rate_limit="20/minute")
    statuses = [
        anonymous.post("/quizzes", json={"count": 2, "seed": n}).status_code for n in range(200)
    ]
    assert (
        statuses[:20] == [401] * 20
    )  # counted before the key is checked: guessing keys is limited too
    assert set(statuses[20:]) == {429}
    limited = anonymous.post("/quizzes", json={"count": 2, "seed": 0})
    assert_problem(limited, 429, "too-many-requests")
    assert 1 <= int(limited.headers["retry-after"]) <= 60


def test_clients_are_limited_separately(make_client) -> None:
    client = make_client(write_rate_limit="3/minute")
    assert [
        client.post("/quizzes", json={"count": 2, "seed": n}).status_code for n in range(4)
    ] == [201] * 3 + [429]
    other = make_client(send_key=False, write_rate_limit="3/minute")
    assert (
        other.post("/quizzes", json={"count": 2, "seed": 9}).status_code == 401
    )  # not 429: another client


def test_a_repeated_export_is_served_from_the_cache(make_client, monkeypatch) -> None:
    client = make_client()
    calls = []
    real = app_module.export_quiz
    monkeypatch.setattr(
        app_module, "export_quiz", lambda *a, **k: calls.append(a[1]) or real(*a, **k)
    )
    quiz = client.post("/quizzes", json={"count": 4, "seed": 3}).json()["id"]
    first = client.get(f"/quizzes/{quiz}/export", params={"format": "pdf"})
    second = client.get(f"/quizzes/{quiz}/export", params={"format": "pdf"})
    assert first.status_code == second.status_code == 200
    assert first.content == second.content and first.content.startswith(b"%PDF")
    assert [c.value for c in calls] == ["pdf"]  # rendered once
    client.get(f"/quizzes/{quiz}/export", params={"format": "gift"})
    assert [c.value for c in calls] == ["pdf", "gift"]


def test_exports_are_rate_limited(make_client) -> None:
    client = make_client(export_rate_limit="2/minute")
    quiz = client.post("/quizzes", json={"count": 3, "seed": 5}).json()["id"]
    statuses = [
        client.get(f"/quizzes/{quiz}/export", params={"format": "gift"}).status_code
        for _ in range(3)
    ]
    assert statuses == [200, 200, 429]


def test_pdf_layout_is_bounded_and_the_rest_wait_then_get_503() -> None:
    slots = Slots(1, wait_s=0.1)
    inside, release = threading.Event(), threading.Event()

    def hold():
        with slots.taken("PDF worksheets"):
            inside.set()
            release.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    inside.wait(5)
    with pytest.raises(ApiProblem) as refused:
        with slots.taken("PDF worksheets"):
            pass
    release.set()
    holder.join()
    assert refused.value.status == 503 and refused.value.headers == {"Retry-After": "5"}
    with slots.taken("PDF worksheets"):  # free again
        pass


def test_a_locked_database_is_503_with_retry_after(make_client, store, monkeypatch) -> None:
    def locked(*args, **kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(type(store), "count", locked)
    response = make_client(raise_server_exceptions=False).get("/health")
    assert_problem(response, 503, "database-busy")
    assert response.headers["retry-after"] == "2"


def test_every_response_carries_the_security_headers(client) -> None:
    for response in (client.get("/health"), client.get("/questions/none"), client.get("/docs")):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        assert response.headers["cache-control"]
    assert client.get("/health").headers["cache-control"] == "no-cache"


def test_the_docs_page_needs_no_network(client) -> None:
    page = client.get("/docs").text
    assert "cdn" not in page.lower() and "https://" not in page
    for asset in (
        "/static-offline-docs/swagger-ui-bundle.js",
        "/static-offline-docs/swagger-ui.css",
    ):
        assert asset in page
        response = client.get(asset)
        assert response.status_code == 200 and len(response.content) > 10_000


def test_the_key_sent_is_never_echoed(make_client) -> None:
    response = make_client(send_key=False).post(
        "/quizzes", json={"count": 2}, headers={"X-API-Key": KEY + "x"}
    )
    assert KEY not in response.text


def test_a_sqlite_file_locked_by_another_writer_is_503_not_500(tmp_path, bank) -> None:
    """SQLite's own lock, held by another process's connection (PostgreSQL writers queue instead)."""
    from fastapi.testclient import TestClient

    from quizgen.api.app import create_app
    from quizgen.bank.store import open_store
    from quizgen.bank.store_sql import load_bank
    from quizgen.config import Settings

    store = open_store(f"sqlite:///{tmp_path / 'bank.sqlite'}")
    load_bank(store, bank)
    client = TestClient(
        create_app(Settings.model_validate({"api": {"api_key": KEY}}), store),
        raise_server_exceptions=False,
        headers={"X-API-Key": KEY},
    )
    blocker = sqlite3.connect(store.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another process holding the write lock
    try:
        response = client.post("/quizzes", json={"count": 2, "seed": 77})
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert_problem(response, 503, "database-busy")
    assert response.headers["retry-after"] == "2"
    assert client.post("/quizzes", json={"count": 2, "seed": 77}).status_code == 201  # free again
