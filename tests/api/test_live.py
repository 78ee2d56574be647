"""`quizgen serve` as a real server on loopback: schemathesis against its /openapi.json, parallel writers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from quizgen.bank.store_sql import MIGRATIONS
from tests.helpers import SMALL_BANK

from .conftest import CELLS_MD, KEY

QUIZGEN = Path(sys.executable).parent / "quizgen"
SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"
START_TIMEOUT = 60  # seconds; the first start imports FastAPI and the renderers


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_server(
    folder: Path, database: str, *options: str
) -> Iterator[tuple[str, subprocess.Popen]]:
    """`quizgen serve` in a subprocess on a free loopback port; yields its URL and process.

    Stopped afterwards; its output must hold no traceback."""
    folder.mkdir(parents=True, exist_ok=True)
    # These tests drive many writes through one client: rate limits are tested in test_guards.py.
    (folder / "config.yaml").write_text("api:\n  write_rate_limit: ''\n  export_rate_limit: ''\n")
    port = free_port()
    env = {**os.environ, "QUIZGEN_API_KEY": KEY}
    log_path = folder / f"server-{port}.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [
                str(QUIZGEN),
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--database",
                database,
                *options,
            ],
            cwd=folder,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"quizgen serve did not start:\n{log_path.read_text()}")
            time.sleep(0.2)
        try:
            yield url, server
        finally:
            server.terminate()
            server.wait(timeout=20)
    output = log_path.read_text()
    assert "Traceback" not in output, output


@pytest.fixture(scope="module")
def live_server(tmp_path_factory) -> Iterator[str]:
    """`quizgen serve` over a SQLite file, the small bank loaded; yields its URL."""
    folder = tmp_path_factory.mktemp("live")
    with running_server(
        folder, f"sqlite:///{folder / 'bank.sqlite'}", "--bank", str(SMALL_BANK)
    ) as (url, _):
        yield url


def test_the_server_loaded_the_bank(live_server) -> None:
    health = httpx.get(f"{live_server}/health").json()
    assert health["questions"] == 9 and health["schema_version"] == len(MIGRATIONS)


@pytest.mark.slow
def test_schemathesis_finds_no_server_error_and_no_undocumented_response(
    live_server, tmp_path
) -> None:
    # positive_data_acceptance is left out: some schema-valid requests are refused for what a
    # schema cannot express (a cursor not given out by us, criteria no question matches, an
    # uploaded file that is not a readable document), with a 400 or 422 problem on purpose.
    command = [
        str(SCHEMATHESIS),
        "run",
        f"{live_server}/openapi.json",
        "--checks",
        "all",
        "--exclude-checks",
        "positive_data_acceptance",
        "--max-examples",
        "20",
        "--max-time",
        "60",
        "--seed",
        "1",
        "--workers",
        "1",
        "--generation-database",
        "none",
        "--no-color",
        "--request-timeout",
        "30",
        "-H",
        f"X-API-Key: {KEY}",
    ]
    run = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=240)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "Tested: 7" in run.stdout  # every operation was exercised


def test_parallel_writers_over_http_lose_nothing(live_server) -> None:
    """Quizzes and uploads from several threads at once: each is stored and readable afterwards."""
    headers = {"X-API-Key": KEY}

    def make_quiz(seed: int) -> str:
        response = httpx.post(
            f"{live_server}/quizzes",
            json={"count": 3, "seed": 1000 + seed},
            headers=headers,
            timeout=60,
        )
        assert response.status_code == 201, response.text
        return response.json()["id"]

    def upload(n: int) -> list[str]:
        text = (
            CELLS_MD
            + f"\nOsmoregulation {n} is the control of water balance number {n} in a cell.\n".encode()
        )
        response = httpx.post(
            f"{live_server}/documents",
            files={"file": (f"cells-{n}.md", text)},
            headers=headers,
            timeout=120,
        )
        assert response.status_code == 201, response.text
        return response.json()["added"] + response.json()["updated"]

    with ThreadPoolExecutor(max_workers=8) as pool:
        quizzes = list(pool.map(make_quiz, range(24)))
        uploaded = list(pool.map(upload, range(3)))
    assert len(set(quizzes)) == 24
    for quiz_id in quizzes:
        assert len(httpx.get(f"{live_server}/quizzes/{quiz_id}").json()["questions"]) == 3
    for n, question_ids in enumerate(uploaded):
        listed = httpx.get(
            f"{live_server}/questions", params={"document": f"cells-{n}.md", "limit": 100}
        ).json()
        assert question_ids and sorted(question_ids) == [q["id"] for q in listed["items"]]


def test_a_real_chunked_upload_over_the_limit_is_413(live_server) -> None:
    def chunks():
        boundary_head = (
            b'--b\r\nContent-Disposition: form-data; name="file"; filename="big.md"\r\n\r\n'
        )
        yield boundary_head
        for _ in range(7 * 1024):  # 7 MiB, over the default 5 MiB
            yield b"x" * 1024
        yield b"\r\n--b--\r\n"

    response = httpx.post(
        f"{live_server}/documents",
        content=chunks(),
        timeout=60,
        headers={"X-API-Key": KEY, "Content-Type": "multipart/form-data; boundary=b"},
    )
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize("problem", ["wrong password", "missing database", "unreachable host"])
def test_serve_refuses_a_bad_database_in_one_line(tmp_path, postgres, problem: str) -> None:
    url, reason = {
        "wrong password": (
            postgres.url(password="hunter2"),
            'password authentication failed for user "quizgen"',
        ),
        "missing database": (postgres.url(database="nobank"), 'database "nobank" does not exist'),
        "unreachable host": (
            f"postgresql://quizgen:hunter2@127.0.0.1:{free_port()}/quizgen",
            "Connection refused",
        ),
    }[problem]
    run = subprocess.run(
        [str(QUIZGEN), "serve", "--database", url],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1
    shown = url.replace("hunter2", "***").replace(postgres.password, "***")
    assert run.stderr.splitlines() == [
        f"quizgen: error: {shown}: cannot connect to PostgreSQL: {reason}"
    ]
    assert not run.stdout
