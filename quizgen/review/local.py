"""`quizgen review`: build the recipe, then serve its review pages on 127.0.0.1 until Ctrl-C."""

from __future__ import annotations

import secrets
import socket
import webbrowser
from collections.abc import Callable
from pathlib import Path

from ..errors import ConfigError


def run_review(
    target: str | None,
    out: Path | None,
    port: int,
    open_browser: bool,
    settings,
    say: Callable[[str], None] = print,
) -> None:
    from .web import bank_source, review_app

    bank_path, review_file = _what_to_review(target, out, settings, say)
    source = bank_source(bank_path, review_file)
    key = secrets.token_urlsafe(24)  # a one-time key: only the opened link signs in
    listening = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        listening.bind(("127.0.0.1", port))
        listening.listen(
            64
        )  # connections wait from now on, so the link works as soon as it is shown
    except OSError as exc:
        raise ConfigError(f"cannot listen on 127.0.0.1:{port}: {exc.strerror}") from None
    url = f"http://127.0.0.1:{listening.getsockname()[1]}/review/login?key={key}"
    say(f"reviewing {bank_path} (decisions in {review_file}); stop with Ctrl-C")
    say(f"open {url}")
    if open_browser:
        webbrowser.open(url)
    _serve(review_app(source, key), listening)


def _what_to_review(target: str | None, out: Path | None, settings, say) -> tuple[Path, Path]:
    """(bank to show, review file): a recipe is built first, and its candidates shown."""
    from ..build import CANDIDATES_FILE, plan
    from .decisions import review_path_for

    if target is not None and Path(target).suffix == ".json":
        if not Path(target).is_file():
            raise ConfigError("no such bank file", target)
        return Path(target), review_path_for(Path(target))
    planned = plan([target] if target else [])
    if planned.problems:
        raise ConfigError(planned.problems[0])
    recipes = [r for r in planned.recipes if r.path is not None]
    if len(recipes) != 1:
        raise ConfigError(
            "name the recipe to review (decks/ has "
            + (f"{len(recipes)} recipes)" if recipes else "no recipe)")
            if target is None
            else f"{target}: not a recipe (.yaml) or a bank (.json)"
        )
    recipe = recipes[0]
    from ..build import build_recipe, print_summary
    from .decisions import load_decisions

    load_decisions(recipe.review_file)  # a mistake in it is its own one line, before any building
    result = build_recipe(recipe, out or Path(settings.output_dir), settings)
    candidates = result.out_dir / CANDIDATES_FILE
    if result.reused and not candidates.is_file():  # built before quizgen kept candidates
        result = build_recipe(recipe, out or Path(settings.output_dir), settings, reuse=False)
    print_summary(result)
    if not candidates.is_file():
        if result.failures:
            raise ConfigError(result.failures[0])
        raise ConfigError("the build made no questions to review", str(recipe.path))
    for failure in result.failures:  # e.g. review: required and nothing approved yet
        say(f"quizgen: note: {failure}")
    return candidates, recipe.review_file


def _serve(app, listening: socket.socket) -> None:
    import uvicorn

    config = uvicorn.Config(app, log_level="warning")
    uvicorn.Server(config).run(sockets=[listening])
