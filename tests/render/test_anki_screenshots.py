"""Screenshots of cards as Anki renders them, taken with headless Chromium.

The HTML comes from the imported collection (`card.question()` / `card.answer()`, which carry
the note type's CSS), so what is checked is what a student sees. PNGs are kept in
tests/output/anki/ for a person to look at.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from quizgen.bank import read_bank
from quizgen.render import RenderOptions
from quizgen.render.anki import AnkiRenderer
from quizgen.render.templates import environment

anki_collection = pytest.importorskip(
    "anki.collection", reason="the `anki` package (test extra) is not installed"
)
Image = pytest.importorskip(
    "PIL.Image", reason="Pillow (installed with WeasyPrint) is needed to read the PNGs"
)

TESTS = Path(__file__).resolve().parents[1]
BANK = TESTS / "roots" / "bank-small" / "bank.json"
OUTPUT = TESTS / "output" / "anki"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
WIDTH, HEIGHT = 420, 800  # a phone screen
CORRECT_BG = (0xDC, 0xF2, 0xE1)  # --qz-correct-bg in templates/anki/note-types/style.css
NIGHT_BG = (0x1E, 0x1F, 0x22)  # --qz-bg in night mode

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None, reason="chromium is not installed (./run test installs it as root)"
    ),
]

# (screenshot name, question id, card template); multiple choice has its own test below
CARDS = [
    ("basic", "q-basic-0001", "Card 1"),
    ("basic-reversed", "q-basic-0001", "Reversed"),
    ("cloze", "q-cloze-0003", "Cloze"),
    ("matching", "q-match-0008", "Card 1"),
    ("ordering", "q-order-0009", "Card 1"),
]


@pytest.fixture(scope="module")
def collection(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("anki-shots")
    AnkiRenderer().write(
        read_bank(BANK), tmp / "deck.apkg", RenderOptions(title="Civics", extra={"timestamp": 1})
    )
    col = anki_collection.Collection(str(tmp / "c.anki2"))
    request = anki_collection.ImportAnkiPackageRequest(
        package_path=str(tmp / "deck.apkg"), options=anki_collection.ImportAnkiPackageOptions()
    )
    col.import_anki_package(request)
    yield col
    col.close()


def card_for(col, question_id: str, template: str, index: int = 0):
    note = col.get_note(col.db.scalar("select id from notes where guid = ?", question_id))
    cards = [c for c in note.cards() if c.template()["name"] == template]
    return sorted(cards, key=lambda c: c.ord)[index]


def screenshot(card_html: str, name: str, tmp: Path, night: bool = False) -> Path:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page = OUTPUT / f"{name}.html"
    page.write_text(
        environment()
        .get_template("anki/preview.html")
        .render(card_html=card_html, title=name, night=night),
        encoding="utf-8",
    )
    png = OUTPUT / f"{name}.png"
    png.unlink(missing_ok=True)
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp / 'chromium'}",
            f"--screenshot={png}",
            f"--window-size={WIDTH},{HEIGHT}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return png


def colours(png: Path):
    assert png.stat().st_size > 1000, f"{png} is nearly empty"
    with Image.open(png) as image:
        assert image.size == (WIDTH, HEIGHT)
        rgb = image.convert("RGB")
        counts = rgb.getcolors(WIDTH * HEIGHT)
        corner = rgb.getpixel((2, 2))
    assert len(counts) > 1, f"{png} is a single colour"
    return {colour: n for n, colour in counts}, corner


@pytest.mark.parametrize(("name", "question_id", "template"), CARDS)
def test_front_and_back_render(collection, tmp_path, name, question_id, template):
    card = card_for(collection, question_id, template)
    front, _ = colours(screenshot(card.question(), f"{name}-front", tmp_path))
    back, _ = colours(screenshot(card.answer(), f"{name}-back", tmp_path))
    # The back adds the answer and the source line, so it draws more than the front.
    assert sum(n for c, n in back.items() if c != max(back, key=back.get)) > sum(
        n for c, n in front.items() if c != max(front, key=front.get)
    )


def test_correct_choice_is_highlighted_on_the_back_only(collection, tmp_path):
    card = card_for(collection, "q-mc-0004", "Choice")
    front, _ = colours(screenshot(card.question(), "multiple-choice-front", tmp_path))
    back, _ = colours(screenshot(card.answer(), "multiple-choice-back", tmp_path))
    assert front.get(CORRECT_BG, 0) == 0
    assert back.get(CORRECT_BG, 0) > 500


def test_night_mode(collection, tmp_path):
    card = card_for(collection, "q-cloze-0003", "Cloze", index=1)
    _, corner = colours(screenshot(card.answer(), "cloze-back-night", tmp_path, night=True))
    assert corner == NIGHT_BG
