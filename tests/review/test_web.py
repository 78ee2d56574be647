"""The review pages over a bank file, through HTTP: sign-in, CSRF and origin checks,
filters, edits, bulk approval, conflicts and escaping."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from quizgen.bank import read_bank, write_bank
from quizgen.review.decisions import load_decisions
from quizgen.review.web import bank_source, review_app

SMALL = Path(__file__).resolve().parents[1] / "roots" / "bank-small" / "bank.json"
KEY = "local-key-for-tests"
HOSTILE = '<script>alert("x")</script> & <b>bold</b>'


@pytest.fixture
def bank_path(tmp_path: Path) -> Path:
    """bank-small with one prompt a hostile document could have produced."""
    bank = read_bank(SMALL)
    first = replace(bank.questions[0], prompt=HOSTILE + " ?")
    return write_bank(replace(bank, questions=(first, *bank.questions[1:])), tmp_path / "bank.json")


@pytest.fixture
def app(bank_path: Path):
    return review_app(bank_source(bank_path, bank_path.with_name("bank.review.yaml")), KEY)


def signed_in(app) -> TestClient:
    client = TestClient(app, base_url="http://127.0.0.1")
    assert client.get(f"/review/login?key={KEY}").status_code == 200  # redirected to the list
    return client


def csrf_of(page: str) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)


def post(client, path: str, page: str, **fields):
    return client.post(path, data={"csrf": csrf_of(page), **fields}, follow_redirects=False)


def test_nothing_is_shown_before_signing_in(app):
    client = TestClient(app, base_url="http://127.0.0.1")
    response = client.get("/review/", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/review/login"
    wrong = client.get("/review/login?key=guess")
    assert "not the key" in wrong.text and "quizgen_review" not in client.cookies
    refused = client.post("/review/login", data={"key": "guess"})
    assert refused.status_code == 401
    assert client.post("/review/login", data={"key": KEY}).status_code == 200
    assert client.get("/review/").status_code == 200


def test_cookie_is_httponly_and_same_site_strict(app):
    response = TestClient(app).get(f"/review/login?key={KEY}", follow_redirects=False)
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "path=/review" in cookie
    csp = TestClient(app).get("/review/login").headers["content-security-policy"]
    assert "script-src" not in csp and "default-src 'self'" in csp  # no inline script runs


def test_document_text_is_escaped(app):
    client = signed_in(app)
    page = client.get("/review/").text
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#34;x&#34;)" in page
    qid = read_bank(SMALL).questions[0].id
    detail = client.get(f"/review/q/{qid}").text
    assert "<b>bold</b>" not in detail and "&lt;b&gt;bold&lt;/b&gt;" in detail


@pytest.mark.parametrize(
    ("headers", "refusal"),
    [
        ({}, None),
        ({"Origin": "http://127.0.0.1"}, None),
        ({"Sec-Fetch-Site": "same-origin"}, None),
        ({"Origin": "http://evil.example"}, "another site"),
        ({"Origin": "null"}, "another site"),
        ({"Sec-Fetch-Site": "cross-site"}, "another site"),
        ({"Sec-Fetch-Site": "same-site", "Origin": "http://127.0.0.1"}, "another site"),
    ],
)
def test_posts_from_another_site_are_refused(app, bank_path, headers, refusal):
    client = signed_in(app)
    qid = read_bank(bank_path).questions[1].id
    page = client.get(f"/review/q/{qid}").text
    response = client.post(
        f"/review/q/{qid}/decide",
        data={"csrf": csrf_of(page), "version": "0", "action": "approve"},
        headers=headers,
        follow_redirects=False,
    )
    decisions = load_decisions(bank_path.with_name("bank.review.yaml"))
    if refusal:
        assert response.status_code == 403 and refusal in response.text
        assert decisions == {}
    else:
        assert response.status_code == 303 and decisions[qid].status == "approved"


def test_a_post_without_the_token_or_the_session_is_refused(app, bank_path):
    client = signed_in(app)
    qid = read_bank(bank_path).questions[1].id
    no_token = client.post(f"/review/q/{qid}/decide", data={"version": "0", "action": "approve"})
    assert no_token.status_code == 403 and "out of date" in no_token.text
    page = client.get(f"/review/q/{qid}").text
    stranger = TestClient(app, base_url="http://127.0.0.1")
    no_session = post(stranger, f"/review/q/{qid}/decide", page, version="0", action="approve")
    assert no_session.status_code == 401
    assert load_decisions(bank_path.with_name("bank.review.yaml")) == {}


def test_filters_and_bulk_approval_of_a_filtered_list(app, bank_path):
    client = signed_in(app)
    questions = read_bank(bank_path).questions
    statements = {q.id for q in questions if q.type == "true_false"}
    listed = client.get("/review/?type=true_false").text
    assert set(re.findall(r'data-id="([^"]+)"', listed)) == statements
    response = client.post(
        "/review/bulk",
        data={"csrf": csrf_of(listed), "back": "type=true_false", "id": sorted(statements)},
    )
    assert f"Approved {len(statements)} question(s)" in response.text
    decisions = load_decisions(bank_path.with_name("bank.review.yaml"))
    assert set(decisions) == statements and {d.status for d in decisions.values()} == {"approved"}
    pending = client.get("/review/?status=pending").text
    assert not set(re.findall(r'data-id="([^"]+)"', pending)) & statements
    target = questions[1]
    found = client.get("/review/", params={"q": target.answer[:12].upper()}).text
    assert target.id in found


def test_edit_is_saved_checked_and_shown(app, bank_path):
    client = signed_in(app)
    question = next(q for q in read_bank(bank_path).questions if q.type == "multiple_choice")
    page = client.get(f"/review/q/{question.id}").text
    empty = post(client, f"/review/q/{question.id}/edit", page, version="0", prompt="  ")
    assert empty.status_code == 422 and "may not be empty" in empty.text
    same = post(
        client,
        f"/review/q/{question.id}/edit",
        page,
        version="0",
        distractors=question.answer,  # the answer as a distractor: two equal choices
    )
    assert same.status_code == 422 and "differ" in same.text
    saved = post(client, f"/review/q/{question.id}/edit", page, version="0", prompt="Which is it?")
    assert saved.status_code == 303
    decision = load_decisions(bank_path.with_name("bank.review.yaml"))[question.id]
    assert decision.status == "edited" and decision.edit.prompt == "Which is it?"
    assert decision.edit.distractors is None  # only what changed is kept
    shown = client.get(f"/review/q/{question.id}").text
    assert '<h1 class="prompt" id="prompt">Which is it?</h1>' in shown


def test_two_reviewers_on_one_question_get_a_conflict_not_a_lost_edit(app, bank_path):
    first, second = signed_in(app), signed_in(app)
    qid = next(q.id for q in read_bank(bank_path).questions if q.type == "basic")
    first_page = first.get(f"/review/q/{qid}").text
    second_page = second.get(f"/review/q/{qid}").text  # both see version 0
    assert (
        post(first, f"/review/q/{qid}/edit", first_page, version="0", prompt="First?").status_code
        == 303
    )
    late = post(second, f"/review/q/{qid}/edit", second_page, version="0", prompt="Second?")
    assert late.status_code == 409
    assert "Someone else saved a decision" in late.text and "it is now edited" in late.text
    assert ">Second?</textarea>" in late.text  # what the second reviewer typed is still there
    assert 'name="version" value="1"' in late.text  # ...ready to save over the new version
    decision = load_decisions(bank_path.with_name("bank.review.yaml"))[qid]
    assert decision.edit.prompt == "First?" and decision.version == 1
    again = post(second, f"/review/q/{qid}/edit", late.text, version="1", prompt="Second?")
    assert again.status_code == 303
    assert load_decisions(bank_path.with_name("bank.review.yaml"))[qid].edit.prompt == "Second?"


def test_approve_moves_to_the_next_question_of_the_filter(app, bank_path):
    client = signed_in(app)
    ids = sorted(q.id for q in read_bank(bank_path).questions if q.type == "true_false")
    page = client.get(f"/review/q/{ids[0]}?type=true_false").text
    response = post(
        client,
        f"/review/q/{ids[0]}/decide",
        page,
        version="0",
        action="reject",
        reason="trivial",
        back="type=true_false",
    )
    assert response.headers["location"] == f"/review/q/{ids[1]}?type=true_false"
    decision = load_decisions(bank_path.with_name("bank.review.yaml"))[ids[0]]
    assert decision.status == "rejected" and decision.reason == "trivial"
