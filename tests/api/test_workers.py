"""Several `quizgen serve` processes over one PostgreSQL database: writes through each, read through the other.

One of the two servers runs two workers of its own (`--workers 2`), so three processes share the database."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx
import psutil
import pytest

from tests.helpers import SMALL_BANK

from .conftest import CELLS_MD, KEY
from .test_live import running_server

QUIZZES_EACH = 12
UPLOADS_EACH = 1  # each server process loads the spaCy pipeline once: seconds, whatever the number


def upload(url: str, n: int) -> list[str]:
    text = (
        CELLS_MD
        + f"\nOsmoregulation {n} is the control of water balance number {n} in a cell.\n".encode()
    )
    response = httpx.post(
        f"{url}/documents",
        files={"file": (f"cells-{n}.md", text)},
        headers={"X-API-Key": KEY},
        timeout=120,
    )
    assert response.status_code == 201, response.text
    return response.json()["added"] + response.json()["updated"]


def make_quiz(url: str, body: dict) -> httpx.Response:
    response = httpx.post(f"{url}/quizzes", json=body, headers={"X-API-Key": KEY}, timeout=60)
    assert response.status_code in (200, 201), response.text
    return response


@pytest.mark.slow
def test_two_server_processes_share_one_database(tmp_path, postgres) -> None:
    database = postgres.fresh_url()
    with (
        running_server(tmp_path / "a", database, "--bank", str(SMALL_BANK), "--workers", "2") as (
            a,
            main,
        ),
        running_server(tmp_path / "b", database, "--bank", str(SMALL_BANK)) as (b, _),
    ):
        servers = (a, b)
        workers = [
            p
            for p in psutil.Process(main.pid).children(recursive=True)
            if "python" in p.name().lower()
        ]
        assert len(workers) >= 2  # --workers 2: two server processes under a supervisor
        with ThreadPoolExecutor(max_workers=8) as pool:
            # Both at once: uploads, distinct quizzes, and the very same quiz asked of each server.
            uploads = [pool.submit(upload, servers[n % 2], n) for n in range(2 * UPLOADS_EACH)]
            quizzes = [
                pool.submit(make_quiz, servers[n % 2], {"count": 3, "seed": 500 + n})
                for n in range(2 * QUIZZES_EACH)
            ]
            same = [
                pool.submit(
                    make_quiz,
                    server,
                    {"count": 4, "seed": 99, "types": ["cloze", "basic", "true_false"]},
                )
                for server in servers
            ]
            uploaded = [future.result() for future in uploads]
            quiz_ids = [future.result().json()["id"] for future in quizzes]
            same = [future.result() for future in same]

        assert len(set(quiz_ids)) == 2 * QUIZZES_EACH
        # The same request through both servers is one quiz, made once.
        assert sorted(r.status_code for r in same) == [200, 201]
        assert same[0].json() == same[1].json()
        for server in servers:  # each server reads what the other wrote
            for quiz_id in quiz_ids:
                assert len(httpx.get(f"{server}/quizzes/{quiz_id}").json()["questions"]) == 3
            for n, question_ids in enumerate(uploaded):
                listed = httpx.get(
                    f"{server}/questions", params={"document": f"cells-{n}.md", "limit": 100}
                ).json()
                assert question_ids and sorted(question_ids) == [q["id"] for q in listed["items"]]
        everything = [
            httpx.get(f"{server}/questions", params={"limit": 100}).json()["items"]
            for server in servers
        ]
        assert everything[0] == everything[1]
        listed_ids = [q["id"] for q in everything[0]]
        assert (
            len(listed_ids) == len(set(listed_ids)) == httpx.get(f"{a}/health").json()["questions"]
        )
        # Each upload's own question (the osmoregulation sentence) is there once; the shared cell facts
        # were found in every upload and carry every upload as a source.
        shared = set.intersection(*(set(ids) for ids in uploaded))
        assert shared
        for question in everything[0]:
            if question["id"] in shared:
                assert {s["document"] for s in question["sources"]} >= {
                    f"cells-{n}.md" for n in range(len(uploaded))
                }
