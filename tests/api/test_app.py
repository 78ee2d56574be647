"""Every endpoint of the API in process, good and bad input, against each real store (SQLite and PostgreSQL)."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from quizgen.api.app import canonical_json
from quizgen.api.export import RENDERER_OF, ExportFormat
from quizgen.bank.store_sql import MIGRATIONS, QuestionFilter
from quizgen.models import Question, Source
from quizgen.render import RENDERERS

from .conftest import CELLS_MD, KEY, assert_problem


def ids(response) -> list[str]:
    return [q["id"] for q in response.json()["items"]]


def all_ids(bank) -> list[str]:
    return sorted(q.id for q in bank.questions)


def test_health(client, bank) -> None:
    assert client.get("/health").json() == {
        "status": "ok",
        "questions": len(bank.questions),
        "schema_version": len(MIGRATIONS),
    }


# -- GET /questions --------------------------------------------------------------

FILTERS = {
    "type": ({"type": "true_false"}, lambda q: q.type == "true_false"),
    "two types": ({"type": ["cloze", "matching"]}, lambda q: q.type in ("cloze", "matching")),
    "tag": ({"tag": "kind::definition"}, lambda q: "kind::definition" in q.tags),
    "document": (
        {"document": "sample.md"},
        lambda q: any(s.document == "sample.md" for s in q.sources),
    ),
    "other document": ({"document": "elsewhere.md"}, lambda q: False),
    "difficulty": ({"difficulty": 1}, lambda q: q.difficulty == 1),
    "kind": ({"kind": "date"}, lambda q: q.kind == "date"),
    "two kinds and a type": (
        {"kind": ["date", "quote"], "type": "true_false"},
        lambda q: q.kind in ("date", "quote") and q.type == "true_false",
    ),
    "text": (
        {"q": "COUNCIL"},
        lambda q: "council" in f"{q.prompt}\n{q.answer}\n{q.explanation}".lower(),
    ),
}


@pytest.mark.parametrize("params, keep", FILTERS.values(), ids=FILTERS.keys())
def test_filters_select_what_they_say(client, bank, params, keep) -> None:
    response = client.get("/questions", params={**params, "limit": 100})
    assert response.status_code == 200
    assert ids(response) == sorted(q.id for q in bank.questions if keep(q))
    assert response.json()["next_cursor"] is None


def test_every_question_round_trips(client, bank) -> None:
    items = client.get("/questions", params={"limit": 100}).json()["items"]
    assert items == [q.to_dict() for q in sorted(bank.questions, key=lambda q: q.id)]


def test_answers_sent_from_stored_json_are_canonical_json(client, bank) -> None:
    """The store's JSON goes out as it is, so it must be byte for byte what canonical_json makes (the ETag's input)."""
    quiz_id = client.post("/quizzes", json={"count": 3, "seed": 4}).json()["id"]
    for path, params in (
        ("/questions", {"limit": 2}),
        ("/questions", {"limit": 100}),
        (f"/questions/{bank.questions[0].id}", {}),
        (f"/quizzes/{quiz_id}", {}),
    ):
        body = client.get(path, params=params).content
        assert body == canonical_json(json.loads(body)), path


def test_cursor_pages_cover_every_question_once(client, bank) -> None:
    seen, cursor, pages = [], None, 0
    while True:
        response = client.get(
            "/questions", params={"limit": 2, **({"cursor": cursor} if cursor else {})}
        )
        assert response.status_code == 200 and len(ids(response)) <= 2
        seen += ids(response)
        pages += 1
        cursor = response.json()["next_cursor"]
        if cursor is None:
            break
    assert seen == all_ids(bank)
    assert pages == (len(seen) + 1) // 2


@pytest.mark.parametrize(
    "params, status, code",
    [
        ({"type": "essay"}, 422, "invalid-request"),
        ({"difficulty": 4}, 422, "invalid-request"),
        ({"difficulty": "hard"}, 422, "invalid-request"),
        ({"limit": 0}, 422, "invalid-request"),
        ({"limit": 101}, 422, "invalid-request"),
        ({"limit": "ten"}, 422, "invalid-request"),
        ({"q": ""}, 422, "invalid-request"),
        ({"cursor": "not-a-cursor"}, 400, "invalid-cursor"),
        ({"cursor": "eyJhZnRlciI6MX0"}, 400, "invalid-cursor"),  # valid base64 JSON, wrong shape
    ],
)
def test_bad_filter_values_are_problems(client, params, status, code) -> None:
    body = assert_problem(client.get("/questions", params=params), status, code)
    if code == "invalid-request":
        assert next(iter(params)) in body["detail"]  # names the parameter


def test_a_cursor_cannot_be_reused_with_other_filters(client) -> None:
    cursor = client.get("/questions", params={"limit": 1}).json()["next_cursor"]
    assert_problem(
        client.get("/questions", params={"limit": 1, "cursor": cursor, "type": "basic"}),
        400,
        "invalid-cursor",
    )


def test_etag_and_if_none_match(client, store) -> None:
    first = client.get("/questions", params={"limit": 5})
    etag = first.headers["etag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    for header in (etag, f'"other", {etag}', f"W/{etag}", "*"):
        again = client.get("/questions", params={"limit": 5}, headers={"If-None-Match": header})
        assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    assert (
        client.get(
            "/questions", params={"limit": 5}, headers={"If-None-Match": '"other"'}
        ).status_code
        == 200
    )
    # Another page is another representation.
    assert client.get("/questions", params={"limit": 4}).headers["etag"] != etag
    # A change to the bank changes the answer and its tag.
    store.upsert(
        [
            Question(
                id="aaa-first",
                type="basic",
                prompt="What is new?",
                answer="this",
                explanation="New.",
                sources=(Source("new.md", 1, "New."),),
                kind="definition",
            )
        ]
    )
    changed = client.get("/questions", params={"limit": 5}, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag
    assert ids(changed)[0] == "aaa-first"


# -- GET /questions/{id} ---------------------------------------------------------


def test_get_one_question(client, bank) -> None:
    question = bank.questions[0]
    response = client.get(f"/questions/{question.id}")
    assert response.json() == question.to_dict()
    assert (
        client.get(
            f"/questions/{question.id}", headers={"If-None-Match": response.headers["etag"]}
        ).status_code
        == 304
    )


def test_unknown_question_is_404(client) -> None:
    body = assert_problem(client.get("/questions/q-nothing-9999"), 404, "not-found")
    assert "q-nothing-9999" in body["detail"]


def test_an_id_with_odd_characters_is_a_problem(client) -> None:
    assert_problem(client.get("/questions/bad id!"), 422, "invalid-request")


# -- quizzes -----------------------------------------------------------------------


def test_same_request_same_quiz(client, bank) -> None:
    first = client.post(
        "/quizzes", json={"count": 4, "seed": 7, "types": ["true_false", "cloze", "basic"]}
    )
    assert first.status_code == 201
    quiz = first.json()
    assert first.headers["location"] == f"/quizzes/{quiz['id']}"
    assert len(quiz["questions"]) == 4
    assert all(q["type"] in ("true_false", "cloze", "basic") for q in quiz["questions"])
    # The same criteria in another order: the same quiz, found rather than made again.
    again = client.post(
        "/quizzes", json={"types": ["basic", "cloze", "true_false", "cloze"], "seed": 7, "count": 4}
    )
    assert again.status_code == 200 and again.json() == quiz
    assert client.get(f"/quizzes/{quiz['id']}").json() == quiz


def test_the_seed_changes_the_sample(client, bank) -> None:
    samples = {
        tuple(
            q["id"]
            for q in client.post("/quizzes", json={"count": 3, "seed": s}).json()["questions"]
        )
        for s in range(6)
    }
    assert len(samples) > 1
    assert all(len(set(sample)) == 3 for sample in samples)


def test_a_quiz_keeps_its_questions_when_the_bank_grows(client, store, bank) -> None:
    quiz = client.post("/quizzes", json={"count": 50}).json()
    assert sorted(q["id"] for q in quiz["questions"]) == all_ids(
        bank
    )  # fewer match than asked: all of them
    store.upsert(
        [
            Question(
                id="bas-late",
                type="basic",
                prompt="Late?",
                answer="yes",
                explanation="Late.",
                sources=(Source("late.md", 1, "Late."),),
                kind="definition",
            )
        ]
    )
    assert client.post("/quizzes", json={"count": 50}).json() == quiz


def test_counts_per_type(client, bank) -> None:
    body = {"counts": {"true_false": 2, "cloze": 1}, "seed": 3}
    first = client.post("/quizzes", json=body)
    assert first.status_code == 201, first.text
    types = sorted(q["type"] for q in first.json()["questions"])
    assert types == ["cloze", "true_false", "true_false"]
    assert first.json()["request"]["counts"] == {"cloze": 1, "true_false": 2}
    assert client.post("/quizzes", json=body).json() == first.json()
    # More asked of a type than the bank has: all of that type.
    many = client.post("/quizzes", json={"counts": {"matching": 5, "basic": 1}}).json()
    assert sorted(q["id"] for q in many["questions"]) == ["q-basic-0001", "q-match-0008"]


def test_quiz_ids_of_requests_made_before_counts_and_kinds_are_unchanged(client) -> None:
    import hashlib

    from quizgen.api.app import canonical_json

    before = {
        "count": 4,
        "seed": 7,
        "types": [],
        "tags": [],
        "document": None,
        "difficulty": [],
        "q": None,
    }
    quiz = client.post("/quizzes", json={"count": 4, "seed": 7}).json()
    assert quiz["id"] == "quiz-" + hashlib.sha256(canonical_json(before)).hexdigest()[:16]


def test_quiz_filters_apply(client, bank) -> None:
    quiz = client.post(
        "/quizzes", json={"count": 10, "tags": ["kind::definition"], "difficulty": [2]}
    ).json()
    expected = {q.id for q in bank.questions if "kind::definition" in q.tags and q.difficulty == 2}
    assert expected and {q["id"] for q in quiz["questions"]} == expected
    quiz = client.post("/quizzes", json={"count": 10, "kinds": ["enumeration", "quote"]}).json()
    assert {q["id"] for q in quiz["questions"]} == {
        q.id for q in bank.questions if q.kind in ("enumeration", "quote")
    }


@pytest.mark.parametrize(
    "body, status, code",
    [
        ({"count": 0}, 422, "invalid-request"),
        ({"count": 201}, 422, "invalid-request"),
        ({"types": ["essay"]}, 422, "invalid-request"),
        ({"difficulty": [5]}, 422, "invalid-request"),
        ({"colour": "blue"}, 422, "invalid-request"),
        ({"document": "no-such.md"}, 422, "no-matching-questions"),
        ({"q": "zebra crossing"}, 422, "no-matching-questions"),
        ({"kinds": ["recipe"]}, 422, "no-matching-questions"),
        ({"counts": {"cloze": 1}, "count": 5}, 422, "invalid-request"),
        ({"counts": {"cloze": 1}, "types": ["basic"]}, 422, "invalid-request"),
        ({"counts": {"essay": 1}}, 422, "invalid-request"),
        ({"counts": {"cloze": 0}}, 422, "invalid-request"),
        ({"counts": {"cloze": 150, "basic": 51}}, 422, "invalid-request"),
    ],
)
def test_bad_quiz_requests(client, body, status, code) -> None:
    assert_problem(client.post("/quizzes", json=body), status, code)


def test_a_body_that_is_not_json_is_a_problem(client) -> None:
    response = client.post(
        "/quizzes", content=b"\xff\xfe{", headers={"content-type": "application/json"}
    )
    assert response.status_code in (400, 422)
    assert response.headers["content-type"] == "application/problem+json"


def test_unknown_quiz_is_404(client) -> None:
    assert_problem(client.get("/quizzes/quiz-0000"), 404, "not-found")
    assert_problem(
        client.get("/quizzes/quiz-0000/export", params={"format": "gift"}), 404, "not-found"
    )


# -- export ----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", [f.value for f in ExportFormat])
def test_export_through_the_registry_or_501(client, fmt) -> None:
    quiz_id = client.post("/quizzes", json={"count": 9}).json()["id"]
    response = client.get(f"/quizzes/{quiz_id}/export", params={"format": fmt})
    renderer = RENDERER_OF.get(ExportFormat(fmt), fmt)
    if renderer not in RENDERERS:
        body = assert_problem(response, 501, "format-not-available")
        assert fmt in body["detail"]
        return
    assert response.status_code in (200, 422), (
        response.text
    )  # 422: the format cannot express these questions
    if response.status_code == 422:
        assert_problem(response, 422, "cannot-render")
        return
    assert response.content
    filename = (
        response.headers["content-disposition"]
        .removeprefix('attachment; filename="')
        .removesuffix('"')
    )
    assert filename == f"{quiz_id}.{fmt}" or filename.startswith(f"{quiz_id}-{fmt}.")
    if fmt == "pdf":
        assert response.headers[
            "content-type"
        ] == "application/pdf" and response.content.startswith(b"%PDF-")
    if fmt == "apkg" or response.headers["content-type"] == "application/zip":
        assert zipfile.ZipFile(io.BytesIO(response.content)).namelist()


def test_apkg_holds_one_note_per_quiz_question(client) -> None:
    quiz = client.post(
        "/quizzes", json={"count": 3, "types": ["basic", "short_answer", "multiple_choice"]}
    ).json()
    response = client.get(f"/quizzes/{quiz['id']}/export", params={"format": "apkg"})
    assert response.status_code == 200
    import sqlite3
    import tempfile
    from pathlib import Path

    with (
        zipfile.ZipFile(io.BytesIO(response.content)) as archive,
        tempfile.TemporaryDirectory() as tmp,
    ):
        collection = Path(tmp) / "collection.anki2"
        collection.write_bytes(archive.read("collection.anki2"))
        with sqlite3.connect(collection) as conn:
            guids = sorted(row[0] for row in conn.execute("SELECT guid FROM notes"))
    assert guids == sorted(q["id"] for q in quiz["questions"])


def test_a_missing_renderer_is_501_not_a_crash(client, monkeypatch) -> None:
    monkeypatch.delitem(RENDERERS._entries, "anki")
    quiz_id = client.post("/quizzes", json={"count": 2}).json()["id"]
    assert_problem(
        client.get(f"/quizzes/{quiz_id}/export", params={"format": "apkg"}),
        501,
        "format-not-available",
    )


def test_an_unknown_export_format_is_a_problem(client) -> None:
    quiz_id = client.post("/quizzes", json={"count": 2}).json()["id"]
    assert_problem(
        client.get(f"/quizzes/{quiz_id}/export", params={"format": "docx"}), 422, "invalid-request"
    )


# -- POST /documents ---------------------------------------------------------------


def upload(client, name: str = "cells.md", data: bytes = CELLS_MD, key: str | None = KEY):
    headers = {"X-API-Key": key} if key is not None else {}
    return client.post("/documents", files={"file": (name, data, "text/markdown")}, headers=headers)


def test_an_upload_adds_its_questions(client, store) -> None:
    before = store.count()
    response = upload(client)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["document"]["name"] == "cells.md" and body["document"]["title"] == "Inside the Cell"
    assert body["added"] and not body["updated"]
    assert store.count() == before + len(body["added"])
    listed = client.get("/questions", params={"document": "cells.md", "limit": 100})
    assert ids(listed) == sorted(body["added"])
    assert all(q["sources"][0]["document"] == "cells.md" for q in listed.json()["items"])
    # The same file again: nothing new, the same questions updated.
    again = upload(client).json()
    assert not again["added"] and sorted(again["updated"]) == sorted(body["added"])


def test_an_uploaded_name_cannot_reach_outside(client) -> None:
    response = upload(client, name="../../etc/cells.md")
    assert response.status_code == 201 and response.json()["document"]["name"] == "cells.md"


def test_without_a_key_configured_writes_are_refused_with_how_to(make_client) -> None:
    body = assert_problem(upload(make_client(api_key=None)), 403, "writes-disabled")
    assert "QUIZGEN_API_KEY" in body["detail"] and "api.api_key" in body["detail"]


def test_a_missing_key_is_401(make_client) -> None:
    response = upload(make_client(send_key=False), key=None)
    assert_problem(response, 401, "missing-api-key")
    assert "X-API-Key" in response.headers["www-authenticate"]


def test_a_wrong_key_is_403(client, store) -> None:
    before = store.count()
    assert_problem(upload(client, key="guess"), 403, "wrong-api-key")
    assert store.count() == before


def test_the_environment_key_overrides_the_config(make_client, monkeypatch) -> None:
    monkeypatch.setenv("QUIZGEN_API_KEY", "from-the-environment")
    client = make_client(api_key="from-config")
    assert_problem(upload(client, key="from-config"), 403, "wrong-api-key")
    assert upload(client, key="from-the-environment").status_code == 201


def test_reads_need_no_key(make_client) -> None:
    client = make_client(api_key=None)
    assert client.get("/questions").status_code == 200
    assert_problem(
        client.post("/quizzes", json={"count": 1}), 403, "writes-disabled"
    )  # a quiz is a write


@pytest.mark.parametrize(
    "name, data, detail",
    [
        ("blob.md", bytes(range(256)) * 8, "blob.md: binary file"),
        ("empty.txt", b"   \n", "empty.txt: the file is empty"),
        ("tiny.txt", b"Too short.\n", "tiny.txt: no usable text"),
    ],
)
def test_unreadable_uploads_are_422_with_the_ingest_message(client, name, data, detail) -> None:
    body = assert_problem(upload(client, name=name, data=data), 422, "unreadable-document")
    assert body["detail"].startswith(detail)
    assert "quizgen-upload-" not in body["detail"]  # no server path


def test_a_document_that_gives_no_question_is_422_and_not_stored(client, store) -> None:
    text = (
        b"It rained all afternoon, so we stayed inside and read quietly by the window until dusk.\n"
    )
    body = assert_problem(upload(client, name="rain.txt", data=text), 422, "no-questions")
    assert body["detail"].startswith("rain.txt: no question")
    assert "rain.txt" not in {d.name for d in store.documents()}


def test_an_upload_over_the_limit_is_413(make_client, store) -> None:
    client = make_client(max_upload_mb=0.1)
    before = store.count()
    big = CELLS_MD * (
        200_000 // len(CELLS_MD)
    )  # ~0.2 MiB with the multipart overhead under the slack
    assert_problem(upload(client, data=big * 2), 413, "too-large")  # refused by Content-Length
    assert_problem(
        upload(client, data=big[:110_000]), 413, "too-large"
    )  # body fits the slack, file does not
    assert store.count() == before


def test_a_chunked_upload_over_the_limit_is_413(make_client) -> None:
    client = make_client(max_upload_mb=0.1)
    boundary = "quizgenboundary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.md"\r\n'
        "Content-Type: text/markdown\r\n\r\n"
    ).encode()

    def chunks():  # a generator body is sent chunked, without Content-Length
        yield head
        for _ in range(40):
            yield CELLS_MD * 20
        yield f"\r\n--{boundary}--\r\n".encode()

    response = client.post(
        "/documents",
        content=chunks(),
        headers={"X-API-Key": KEY, "Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    assert_problem(response, 413, "too-large")


def test_an_upload_without_a_file_is_a_problem(client) -> None:
    response = client.post("/documents", data={"text": "hello"}, headers={"X-API-Key": KEY})
    assert_problem(response, 422, "invalid-request")


# -- errors everywhere are problems --------------------------------------------------


def test_unknown_route_and_wrong_method_are_problems(client) -> None:
    assert_problem(client.get("/nowhere"), 404, "not-found")
    assert_problem(client.delete("/questions"), 405, "method-not-allowed")


def test_an_unexpected_error_is_a_500_problem_without_internals(
    make_client, store, monkeypatch
) -> None:
    def broken(where: QuestionFilter, after=None, limit=None):
        raise RuntimeError("secret internal detail at /srv/quizgen")

    monkeypatch.setattr(store, "question_json", broken)
    client = make_client(raise_server_exceptions=False)
    body = assert_problem(client.get("/questions"), 500, "internal-error")
    assert "secret" not in body["detail"] and "RuntimeError" not in client.get("/questions").text


# -- /openapi.json ---------------------------------------------------------------------


def test_openapi_documents_every_problem_response(client) -> None:
    spec = client.get("/openapi.json").json()
    assert "Problem" in spec["components"]["schemas"]
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    operations = [
        (path, method, op) for path, item in spec["paths"].items() for method, op in item.items()
    ]
    assert {(path, method) for path, method, _ in operations} == {
        ("/health", "get"),
        ("/questions", "get"),
        ("/questions/{question_id}", "get"),
        ("/quizzes", "post"),
        ("/quizzes/{quiz_id}", "get"),
        ("/quizzes/{quiz_id}/export", "get"),
        ("/documents", "post"),
    }
    for path, method, op in operations:
        assert "500" in op["responses"], (path, method)
        for status, response in op["responses"].items():
            if int(status) >= 400:
                assert response["content"] == {
                    "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
                }, (path, status)
    documents = spec["paths"]["/documents"]["post"]
    assert {"401", "403", "413", "422"} <= set(documents["responses"])
    assert documents["security"] == [{"APIKeyHeader": []}]
    export = spec["paths"]["/quizzes/{quiz_id}/export"]["get"]["responses"]
    assert "501" in export and "application/pdf" in export["200"]["content"]


def test_a_document_uploaded_again_replaces_the_old_version(client, store) -> None:
    first = upload(client).json()
    edited = CELLS_MD.replace(
        b"In 1665, Robert Hooke described the cells he saw through an early microscope.\n", b""
    )
    second = upload(client, data=edited)
    assert second.status_code == 201, second.text
    body = second.json()
    assert body["withdrawn"], body  # the dated event's questions are gone with its sentence
    assert set(body["withdrawn"]) <= set(first["added"]) and not set(body["withdrawn"]) & set(
        body["updated"]
    )
    for qid in body["withdrawn"]:
        assert client.get(f"/questions/{qid}").status_code == 404
    listed = client.get("/questions", params={"document": "cells.md", "limit": 100}).json()["items"]
    assert {q["id"] for q in listed} == set(body["updated"]) | set(body["added"])
    assert not any("Hooke" in s["sentence"] for q in listed for s in q["sources"])


def test_replacing_a_document_keeps_questions_other_documents_support(store, bank) -> None:
    from dataclasses import replace as changed

    question = bank.questions[0]
    other = changed(question.sources[0], document="other.md")
    store.upsert([changed(question, sources=question.sources + (other,))])
    document = next(d for d in bank.documents if d.name == question.sources[0].document)
    _, withdrawn = store.replace_document(document, [])
    assert question.id not in withdrawn
    kept = store.question(question.id)
    assert [s.document for s in kept.sources] == ["other.md"]


def test_a_parameter_that_takes_one_value_given_twice_is_422(client) -> None:
    body = assert_problem(
        client.get("/questions", params=[("document", "a.md"), ("document", "b.md")]),
        422,
        "invalid-request",
    )
    assert "query.document" in body["detail"]
    assert (
        client.get("/questions", params=[("tag", "a"), ("tag", "b")]).status_code == 200
    )  # tags repeat


@pytest.mark.parametrize(
    "path, status, code",
    [
        (
            "/questions/..%2F..%2Fetc",
            404,
            "not-found",
        ),  # a slash is no part of an id: no such endpoint
        ("/questions/Q%201", 422, "invalid-request"),
        ("/quizzes/x", 422, "invalid-request"),
    ],
)
def test_ids_of_another_shape_are_refused(client, path, status, code) -> None:
    assert_problem(client.get(path), status, code)
