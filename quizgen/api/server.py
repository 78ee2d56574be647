"""`quizgen serve`: open the store, load built banks into it, run uvicorn."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from ..bank import read_bank
from ..bank.store_sql import Store, load_bank, open_store


def open_and_load(settings, banks: Sequence[Path] = (), say: Callable[[str], None] = print) -> Store:
    """The store of `settings.api.database_url`, with each bank file upserted into it."""
    store = open_store(settings.api.database_url)
    for path in banks:
        loaded = load_bank(store, read_bank(path))
        say(f"loaded {path}: {len(loaded.added)} new, {len(loaded.updated)} updated question(s)")
    return store


def serve(settings, host: str, port: int, banks: Sequence[Path] = (), say: Callable[[str], None] = print) -> None:
    """Serve the API until interrupted. QuizgenError (bad URL, bad bank) is raised before listening."""
    import uvicorn

    from .app import create_app

    store = open_and_load(settings, banks, say)
    say(f"serving {store.count()} question(s) from {settings.api.database_url} on http://{host}:{port} "
        f"(API docs: http://{host}:{port}/docs)")
    uvicorn.run(create_app(settings, store), host=host, port=port, log_level="warning")
