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
from quizgen.bank.store_sql import open_store
from quizgen.config import Settings
path = Path(sys.argv[1])
settings = Settings.model_validate({"api": {"api_key": "k", "max_upload_mb": 5}})
client = TestClient(create_app(settings, open_store("sqlite:///bank.sqlite")), raise_server_exceptions=False)
response = client.post("/documents", files={"file": (path.name, path.read_bytes())}, headers={"X-API-Key": "k"})
print(json.dumps({"status": response.status_code, "body": response.json()}))
"""


@pytest.mark.parametrize(("name", "data", "detail"), [
    ("essay.md", ("---\n" + alias_bomb() + "---\n" + PROSE).encode(), "YAML aliases (*name) are not allowed"),
    ("paper.pdf", pdf_with_one_stream([b" " * (1 << 20)] * 100), "a stream decompresses past pypdf's size limit"),
])
def test_hostile_uploads_are_422_within_the_budget(tmp_path, name, data, detail):
    (tmp_path / name).write_bytes(data)
    outcome = run_limited(name, cwd=tmp_path, program=[sys.executable, "-c", UPLOAD])
    assert outcome.code == 0, outcome.stderr
    answer = json.loads(outcome.stdout)
    assert answer["status"] == 422 and answer["body"]["code"] == "unreadable-document"
    assert detail in answer["body"]["detail"] and answer["body"]["detail"].startswith(name)
    assert outcome.within_budget(), outcome
