"""An API over a real database (a SQLite file, then PostgreSQL) holding the small test bank, and a client for it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient

from quizgen.api.app import create_app
from quizgen.bank import Bank, read_bank
from quizgen.bank.store import open_store
from quizgen.bank.store_sql import Store, load_bank
from quizgen.config import Settings
from tests.helpers import SMALL_BANK

KEY = "test-key-0123456789"

# A small reading of our own: a definition, a list and a dated event, enough for questions.
CELLS_MD = (
    b"---\ntitle: Inside the Cell\nauthor: A. Biologist\ndate: 2023-09-01\n---\n\n"
    b"# Inside the Cell\n\n"
    b"The three parts of an animal cell are the membrane, the cytoplasm and the nucleus.\n\n"
    b"Osmosis is the movement of water across a membrane from a weaker to a stronger solution.\n\n"
    b"In 1665, Robert Hooke described the cells he saw through an early microscope.\n"
)


@pytest.fixture
def bank() -> Bank:
    return read_bank(SMALL_BANK)


@pytest.fixture
def store(store_url: str, bank: Bank) -> Iterator[Store]:
    """The bank in each store in turn (`store_url` is parametrised in tests/conftest.py)."""
    store = open_store(store_url)
    load_bank(store, bank)
    yield store
    store.close()


@pytest.fixture
def make_client(store: Store, monkeypatch) -> Callable[..., TestClient]:
    """A client for an API over `store`; `api_key` and other `api.*` settings as in config.yaml.

    The client sends the key with every request, as an LMS tool given the key would;
    `send_key=False` makes an anonymous client.
    """
    monkeypatch.delenv("QUIZGEN_API_KEY", raising=False)

    def make(
        api_key: str | None = KEY, max_upload_mb: float = 5.0, send_key: bool = True, **options
    ) -> TestClient:
        api = {"api_key": api_key, "max_upload_mb": max_upload_mb}
        api.update(
            {
                k: v
                for k, v in options.items()
                if k in Settings.model_fields["api"].annotation.model_fields
            }
        )
        client_options = {k: v for k, v in options.items() if k not in api}
        settings = Settings.model_validate({"api": api})
        client = TestClient(create_app(settings, store), **client_options)
        if send_key and api_key:
            client.headers["X-API-Key"] = api_key
        return client

    return make


@pytest.fixture
def client(make_client) -> TestClient:
    return make_client()


def assert_problem(response, status: int, code: str) -> dict:
    """The response is an RFC 9457 problem with this status and code; returns its body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body == {
        "type": f"urn:quizgen:problem:{code}",
        "title": body["title"],
        "status": status,
        "detail": body["detail"],
        "code": code,
    }
    assert body["title"] and body["detail"]
    assert "Traceback" not in response.text
    return body
