"""A small project in a temporary folder: the shipped sample reading and a recipe over it,
built and reviewed by the real `quizgen` command run as a user runs it (cwd = the project)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "town-government.md"
RECIPE = """\
title: Unit
sources: [../docs]
seed: 0
review: required
outputs:
  anki: {}
  worksheet: {formats: [html]}
"""


class Project:
    def __init__(self, root: Path):
        self.root = root
        self.recipe = root / "decks" / "unit.yaml"
        self.review_file = root / "decks" / "unit.review.yaml"
        self.document = root / "docs" / SAMPLE.name
        self.out = root / "build" / "unit"
        self.env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "XDG_CACHE_HOME": str(root / "cache"),
            "NO_COLOR": "1",
        }

    def quizgen(self, *args: str, check: bool = False) -> subprocess.CompletedProcess:
        done = subprocess.run(
            [sys.executable, "-m", "quizgen", *args],
            cwd=self.root,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if check:
            assert done.returncode == 0, done.stderr
        return done

    def start_review(self, *args: str) -> tuple[subprocess.Popen, str]:
        """`quizgen review --no-browser` running; returns the process and the sign-in link it prints."""
        process = subprocess.Popen(
            [sys.executable, "-m", "quizgen", "review", *args, "--no-browser"],
            cwd=self.root,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for line in process.stdout:
            found = re.search(r"open (http://127\.0\.0\.1:\d+/\S+)", line)
            if found:
                return process, found.group(1)
        process.wait()
        raise AssertionError(f"quizgen review exited with {process.returncode} before serving")


def make_project(root: Path) -> Project:
    (root / "decks").mkdir(parents=True)
    (root / "docs").mkdir()
    shutil.copy(SAMPLE, root / "docs" / SAMPLE.name)
    (root / "decks" / "unit.yaml").write_text(RECIPE, encoding="utf-8")
    return Project(root)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
