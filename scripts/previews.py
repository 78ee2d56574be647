"""PNG previews for the docs (docs/img/): an Anki card as Anki renders it, and a worksheet page.

    python scripts/previews.py anki DECK.apkg "PROMPT TEXT" TEMPLATE OUT.png
        imports DECK.apkg into a scratch Anki collection, takes the card of the note whose
        Front contains PROMPT TEXT with the card template TEMPLATE ("Reversed", "Card 1"),
        and screenshots its answer side with headless Chromium (a phone-sized window).
    python scripts/previews.py pdf FILE.pdf PAGE OUT.png
        renders one page of a PDF with pdftoppm (poppler-utils) at 80 dpi.

Run with the project's interpreter (the `anki` test extra installed) and chromium on PATH.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

WIDTH, HEIGHT = 420, 640


def anki_card(apkg: Path, prompt: str, template: str, out: Path) -> None:
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    from quizgen.render.templates import environment

    with tempfile.TemporaryDirectory() as tmp:
        col = Collection(str(Path(tmp) / "c.anki2"))
        try:
            col.import_anki_package(
                ImportAnkiPackageRequest(package_path=str(apkg), options=ImportAnkiPackageOptions())
            )
            notes = [col.get_note(nid) for nid in col.find_notes("")]
            note = next(n for n in notes if prompt in n["Front" if "Front" in n else n.keys()[0]])
            card = next(c for c in note.cards() if c.template()["name"] == template)
            html = (
                environment()
                .get_template("anki/preview.html")
                .render(card_html=card.answer(), title=prompt, night=False)
            )
        finally:
            col.close()
        page = Path(tmp) / "card.html"
        page.write_text(html, encoding="utf-8")
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={Path(tmp) / 'profile'}",
                f"--screenshot={out.resolve()}",
                f"--window-size={WIDTH},{HEIGHT}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def pdf_page(pdf: Path, page: int, out: Path) -> None:
    stem = out.with_suffix("")
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(stem),
        ],
        check=True,
        timeout=120,
    )


if __name__ == "__main__":
    kind, *args = sys.argv[1:]
    if kind == "anki":
        anki_card(Path(args[0]), args[1], args[2], Path(args[3]))
    elif kind == "pdf":
        pdf_page(Path(args[0]), int(args[1]), Path(args[2]))
    else:
        sys.exit(f"unknown preview kind {kind!r} (anki or pdf)")
