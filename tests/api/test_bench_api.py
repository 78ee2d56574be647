"""scripts/bench_api.py compares like with like: the bare endpoint answers the size asked, the bank has the size asked."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "bench_api.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_api", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_api"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("size", [745, 7403, 37582])
def test_the_bare_endpoint_answers_exactly_the_size_asked(bench, size: int) -> None:
    client = TestClient(bench.bare_app())
    get = client.get(f"/bare/{size}")
    post = client.post(f"/bare/{size}", json={"counts": bench.QUIZ_COUNTS, "seed": 1})
    assert (get.status_code, post.status_code) == (200, 201)
    assert len(get.content) == len(post.content) == size
    assert get.json() == post.json()


def test_the_synthetic_bank_has_the_size_asked_with_distinct_ids(bench) -> None:
    questions, documents = bench.synthetic_questions(1000)
    assert len(questions) == len({q.id for q in questions}) == 1000
    assert documents
