"""`quizgen serve`: open the store, load built banks into it, run uvicorn with one or more workers."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..bank import read_bank
from ..bank.store import open_store
from ..bank.store_sql import Store, load_bank, without_password

SETTINGS_VARIABLE = "QUIZGEN_SERVE_SETTINGS"  # how `serve` hands its settings to worker processes
APP_FACTORY = "quizgen.api.server:app_from_environment"


def open_and_load(
    settings, banks: Sequence[Path] = (), say: Callable[[str], None] = print
) -> Store:
    """The store of `settings.api.database_url`, with each bank file upserted into it."""
    store = open_store(settings.api.database_url)
    for path in banks:
        loaded = load_bank(store, read_bank(path))
        say(f"loaded {path}: {len(loaded.added)} new, {len(loaded.updated)} updated question(s)")
    return store


def serve(
    settings,
    host: str,
    port: int,
    banks: Sequence[Path] = (),
    workers: int = 1,
    say: Callable[[str], None] = print,
) -> None:
    """Serve the API until interrupted. QuizgenError (bad URL, bad bank) is raised before listening.

    With several workers, each is a process of its own with its own connections to the database:
    the store is opened (and migrated, and the banks loaded) here first, so a bad database is
    reported once, in one line, before any worker starts.
    """
    from .app import create_app

    store = open_and_load(settings, banks, say)
    say(
        f"serving {store.count()} question(s) from {without_password(settings.api.database_url)} "
        f"on http://{host}:{port} with {workers} worker(s) (API docs: http://{host}:{port}/docs)"
    )
    if workers == 1:
        run_uvicorn(create_app(settings, store), host, port)
        return
    store.close()
    os.environ[SETTINGS_VARIABLE] = settings.model_dump_json()
    run_uvicorn(APP_FACTORY, host, port, workers=workers, factory=True)


def run_uvicorn(app: Any, host: str, port: int, **options: Any) -> None:
    """uvicorn as `quizgen serve` runs it (scripts/bench_api.py serves its bare endpoint the same way)."""
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level="warning", **options)


def app_from_environment():
    """A worker process's app, over its own connection to the database `serve` checked."""
    from ..config import Settings
    from .app import create_app

    settings = Settings.model_validate_json(os.environ[SETTINGS_VARIABLE])
    return create_app(settings, open_store(settings.api.database_url))
