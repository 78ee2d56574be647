"""Where quizgen's shipped data is, in a checkout and in an installed wheel."""

from __future__ import annotations

import functools
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent


@functools.cache
def templates_dir() -> Path:
    """The shipped templates.

    They live in the top-level templates/ of the repository; a wheel carries them as
    quizgen/_templates (setup.py copies them there at build time), since a folder beside
    the package is not installed.
    """
    installed = PACKAGE_DIR / "_templates"
    return installed if installed.is_dir() else PACKAGE_DIR.parent / "templates"
