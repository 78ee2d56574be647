"""Review on `quizgen serve`: the store's questions, signed in with the API key, on SQLite
and on PostgreSQL; two reviewers of one question get a conflict, not a lost edit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from quizgen.api.app import create_app
from quizgen.bank import read_bank
from quizgen.bank.store_sql import load_bank, open_store
from quizgen.config import Settings
from quizgen.review.decisions import load_decisions

SMALL = Path(__file__).resolve().parents[1] / "roots" / "bank-small" / "bank.json"
KEY = "department-key-0123"


@pytest.fixture
def served(store_url, tmp_path, monkeypatch):
    monkeypatch.delenv("QUIZGEN_API_KEY", raising=False)
    store = open_store(store_url)
    load_bank(store, read_bank(SMALL))
    review_file = tmp_path / "decks" / "unit.review.yaml"

    def make(api_key: str | None = KEY) -> TestClient:
        settings = Settings.model_validate(
            {"api": {"api_key": api_key, "review_file": str(review_file)}}
        )
        return TestClient(create_app(settings, store), base_url="http://127.0.0.1")

    yield make, review_file
    store.close()


def sign_in(client: TestClient, key: str = KEY, name: str = "") -> TestClient:
    client.post("/review/login", data={"key": key, "name": name})
    return client


def csrf_of(page: str) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)


def test_review_needs_the_api_key(served):
    make, review_file = served
    client = make()
    assert client.get("/review/", follow_redirects=False).headers["location"] == "/review/login"
    assert client.post("/review/login", data={"key": "wrong"}).status_code == 401
    page = sign_in(make()).get("/review/").text
    qid = re.search(r'data-id="([^"]+)"', page).group(1)
    anonymous = client.post(
        f"/review/q/{qid}/decide", data={"csrf": csrf_of(page), "version": "0", "action": "approve"}
    )
    assert anonymous.status_code == 401 and not review_file.exists()
    # A script holding the key may send it in the header, as for the API's other writes.
    scripted = make().post(
        f"/review/q/{qid}/decide",
        data={"csrf": csrf_of(page), "version": "0", "action": "approve"},
        headers={"X-API-Key": KEY},
        follow_redirects=False,
    )
    assert scripted.status_code == 303 and load_decisions(review_file)[qid].status == "approved"


def test_a_server_without_a_key_has_no_review(served):
    make, _ = served
    response = make(api_key=None).get("/review/")
    assert response.status_code == 403 and "no API key" in response.text


def test_lists_the_stores_questions(served):
    make, _ = served
    page = sign_in(make()).get("/review/").text
    assert set(re.findall(r'data-id="([^"]+)"', page)) == {q.id for q in read_bank(SMALL).questions}


def test_two_reviewers_editing_one_question(served):
    make, review_file = served
    ana, ben = sign_in(make(), name="Ana"), sign_in(make(), name="Ben")
    qid = next(q.id for q in read_bank(SMALL).questions if q.type == "short_answer")
    ana_page, ben_page = ana.get(f"/review/q/{qid}").text, ben.get(f"/review/q/{qid}").text
    saved = ana.post(
        f"/review/q/{qid}/edit",
        data={"csrf": csrf_of(ana_page), "version": "0", "prompt": "Ana's prompt?"},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    late = ben.post(
        f"/review/q/{qid}/edit",
        data={"csrf": csrf_of(ben_page), "version": "0", "prompt": "Ben's prompt?"},
    )
    assert late.status_code == 409
    assert "it is now edited by Ana" in late.text and "Ben&#39;s prompt?</textarea>" in late.text
    decision = load_decisions(review_file)[qid]
    assert decision.edit.prompt == "Ana's prompt?" and decision.by == "Ana"
