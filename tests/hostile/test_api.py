"""Hostile uploads through the API: a 4xx problem document, within the memory and CPU budget
of the whole server process (an app over a real SQLite store, driven in a child process)."""

from __future__ import annotations

import json
import sys

import pytest

from .conftest import run_limited
from .test_cli import PROSE, alias_bomb, pdf_with_one_stream

# The child: an API over a fresh SQLite store; uploads the file named on its command line and
# prints the status and the problem body. Run under the budget like a CLI case.
UPLOAD = """
import json, sys
from pathlib import Path
from fastapi.testclient import TestClient
from quizgen.api.app import create_app
from quizgen.bank.store import open_store
from quizgen.config import Settings
path = Path(sys.argv[1])
settings = Settings.model_validate({"api": {"api_key": "k", "max_upload_mb": 5}})
client = TestClient(create_app(settings, open_store("sqlite:///bank.sqlite")), raise_server_exceptions=False)
response = client.post("/documents", files={"file": (path.name, path.read_bytes())}, headers={"X-API-Key": "k"})
print(json.dumps({"status": response.status_code, "body": response.json()}))
"""


@pytest.mark.parametrize(
    ("name", "data", "detail"),
    [
        (
            "essay.md",
            ("---\n" + alias_bomb() + "---\n" + PROSE).encode(),
            "YAML aliases (*name) are not allowed",
        ),
        (
            "paper.pdf",
            pdf_with_one_stream([b" " * (1 << 20)] * 100),
            "a stream decompresses past pypdf's size limit",
        ),
    ],
)
def test_hostile_uploads_are_422_within_the_budget(tmp_path, name, data, detail):
    (tmp_path / name).write_bytes(data)
    outcome = run_limited(name, cwd=tmp_path, program=[sys.executable, "-c", UPLOAD])
    assert outcome.code == 0, outcome.stderr
    answer = json.loads(outcome.stdout)
    assert answer["status"] == 422 and answer["body"]["code"] == "unreadable-document"
    assert detail in answer["body"]["detail"] and answer["body"]["detail"].startswith(name)
    assert outcome.within_budget(), outcome


def test_a_long_upload_without_sentence_punctuation_stays_within_the_budget(tmp_path):
    words = "council town budget law mayor elected members vote in 1990 said the three principles of".split()
    (tmp_path / "run.txt").write_text(
        " ".join(words[(i * 7) % len(words)] for i in range(800_000 // 6))
    )
    outcome = run_limited("run.txt", cwd=tmp_path, program=[sys.executable, "-c", UPLOAD])
    assert outcome.code == 0, outcome.stderr
    assert json.loads(outcome.stdout)["status"] in (201, 422)  # questions, or none: never a 500
    assert outcome.within_budget(), outcome


def test_serving_a_bank_nested_a_hundred_thousand_deep_is_one_line(tmp_path):
    (tmp_path / "bank.json").write_text('{"questions": ' + "[" * 100_000 + "]" * 100_000 + "}")
    outcome = run_limited(
        "serve",
        "--bank",
        "bank.json",
        "--database",
        f"sqlite:///{tmp_path}/x.sqlite",
        "--port",
        "1",
        cwd=tmp_path,
    )
    assert outcome.one_line_error("bank.json: not a JSON question bank: nested too deeply"), outcome
    assert outcome.within_budget(), outcome
