#!/usr/bin/env python3
"""Screenshots of the review page for docs/review.md, desktop and 360 px wide.

Usage (from the repository root):
    .venv/bin/python scripts/review_screenshots.py

Builds the shipped sample in a temporary folder, runs `quizgen review --no-browser` on it,
makes a few decisions in headless Chromium (the system `chromium`, driven by Playwright)
so every state shows, and writes docs/img/review-*.png.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "docs" / "img"
RECIPE = "title: Sample reading\nsources: [../samples]\nseed: 0\noutputs: [anki]\n"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        shutil.copytree(ROOT / "samples", project / "samples")
        (project / "decks").mkdir()
        (project / "decks" / "sample.yaml").write_text(RECIPE, encoding="utf-8")
        env = {"PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(project / "cache"), "PATH": ""}
        server = subprocess.Popen(
            [sys.executable, "-m", "quizgen", "review", "decks/sample.yaml", "--no-browser"],
            cwd=project,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            url = next(
                m.group(1) for line in server.stdout if (m := re.search(r"open (\S+)", line))
            )
            questions = json.loads(
                (project / "build" / "sample" / "candidates.json").read_text("utf-8")
            )["questions"]
            shoot(url, questions)
        finally:
            server.terminate()
            server.wait()


def shoot(url: str, questions: list[dict]) -> None:
    base = url.split("/review/")[0] + "/review"
    by_type = {}
    for question in questions:
        by_type.setdefault(question["type"], []).append(question)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"))
        page = browser.new_page(viewport={"width": 1100, "height": 820})
        page.goto(url)
        for question in by_type["true_false"][:4]:  # a few decided, so the list shows states
            page.goto(f"{base}/q/{question['id']}")
            page.keyboard.press("a")
        page.goto(f"{base}/q/{by_type['short_answer'][0]['id']}")
        page.select_option("#reason", "trivial")
        page.click("#reject")
        page.goto(f"{base}/?type=true_false")
        page.screenshot(path=str(IMAGES / "review-list.png"))
        choice = by_type["multiple_choice"][0]
        page.goto(f"{base}/q/{choice['id']}")
        page.keyboard.press("e")
        page.screenshot(path=str(IMAGES / "review-question.png"), full_page=True)
        page.set_viewport_size({"width": 360, "height": 740})
        page.goto(f"{base}/q/{choice['id']}")
        page.screenshot(path=str(IMAGES / "review-question-360.png"))
        browser.close()
    for name in ("review-list.png", "review-question.png", "review-question-360.png"):
        print(IMAGES / name)


if __name__ == "__main__":
    main()
