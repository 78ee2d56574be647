"""Flashcard tables: terms.csv read back with the csv module, anki.txt imported into a real
Anki collection (the `anki` package) and compared with the bank.

Golden files: tests/golden/csv/bank-small/{terms.csv,anki.txt}; regenerate with
    .venv/bin/python -m pytest tests/render/test_csv.py -k golden --update-goldens
"""

from __future__ import annotations

import csv
import html
import io
from dataclasses import replace
from pathlib import Path

import pytest

from quizgen.bank import Bank
from quizgen.errors import RenderError
from quizgen.render import RENDERERS, RenderOptions
from quizgen.render.csv_export import ANKI, FORMULA_STARTS, TERMS, CsvRenderer, spreadsheet_safe
from quizgen.render.lms import cloze_shown

HEADER = [
    "#separator:tab",
    "#html:false",
    "#notetype:Basic",
    "#deck:Civics",
    "#columns:Front\tBack\tSource\tTags\tGUID",
    "#tags column:4",
    "#guid column:5",
]


def export(bank: Bank, tmp_path: Path, **extra) -> tuple[Path, dict[str, int]]:
    out = tmp_path / "cards"
    report = CsvRenderer().write(bank, out, RenderOptions(title="Civics", extra=extra))
    assert report.written == (out / TERMS, out / ANKI)
    return out, report.skipped


def expected_cards(bank: Bank) -> list[tuple[str, str, str]]:
    """(guid, term, definition) the bank should give, whitespace collapsed."""
    line = " ".join
    cards = []
    for q in bank.questions:
        if q.type == "matching":
            cards += [
                (f"{q.id}-{n}", line(a.split()), line(b.split()))
                for n, (a, b) in enumerate(q.pairs, 1)
            ]
            continue
        front = cloze_shown(q.prompt) if q.type == "cloze" else q.prompt
        back = "; ".join(q.sequence) if q.type in ("list_recall", "ordering") else q.answer
        cards.append((q.id, line(front.split()), line(back.split())))
    return [(guid, spreadsheet_safe(front), spreadsheet_safe(back)) for guid, front, back in cards]


def read_anki_txt(path: Path) -> tuple[list[str], list[list[str]]]:
    lines = path.read_text("utf-8").split("\n")
    header = [ln for ln in lines if ln.startswith("#")]
    body = "\n".join(lines[len(header) :])
    return header, list(csv.reader(io.StringIO(body), delimiter="\t"))


def test_registered_as_folder_for_every_type(small_bank):
    renderer = RENDERERS.get("csv")
    assert renderer.suffix == "/"
    # The small bank holds questions of all eight types: every type has a front and a back.
    types = {q.type for q in small_bank.questions}
    assert len(types) == 8 and types <= set(renderer.types)


def test_terms_read_back(any_bank, tmp_path):
    out, skipped = export(any_bank, tmp_path)
    assert skipped == {}
    with open(out / TERMS, encoding="utf-8", newline="") as handle:
        rows = [tuple(row) for row in csv.reader(handle)]
    assert rows == [(term, definition) for _, term, definition in expected_cards(any_bank)]


def test_anki_txt_header_and_rows(any_bank, tmp_path):
    out, _ = export(any_bank, tmp_path)
    header, rows = read_anki_txt(out / ANKI)
    assert header == HEADER
    assert [(r[4], r[0], r[1]) for r in rows] == expected_cards(any_bank)
    by_id = {q.id: q for q in any_bank.questions}
    for _front, _back, source, tags, guid in rows:
        question = by_id[guid.rsplit("-", 1)[0] if guid not in by_id else guid]
        assert tags.split() == list(question.tags)
        assert source.startswith("Source: ") and question.sources[0].document in source


def import_into_anki(path: Path, tmp_path: Path) -> dict[str, dict]:
    collection_module = pytest.importorskip(
        "anki.collection", reason="the `anki` package is not installed"
    )
    col = collection_module.Collection(str(tmp_path / "c.anki2"))
    try:
        metadata = col.get_csv_metadata(path=str(path), delimiter=None)
        col.import_csv(collection_module.ImportCsvRequest(path=str(path), metadata=metadata))
        notes = {}
        for note_id in col.find_notes(""):
            note = col.get_note(note_id)
            notes[note.guid] = {
                "fields": dict(note.items()),
                "tags": note.tags,
                "decks": {col.decks.name(card.did) for card in note.cards()},
            }
        return notes
    finally:
        col.close()


def test_anki_imports_every_card(any_bank, tmp_path):
    out, _ = export(any_bank, tmp_path)
    notes = import_into_anki(out / ANKI, tmp_path)
    cards = expected_cards(any_bank)
    assert sorted(notes) == sorted(guid for guid, _, _ in cards)
    for guid, front, back in cards:
        fields = notes[guid]["fields"]
        # html:false: Anki stores the text HTML-escaped, so it shows exactly what was written
        assert (html.unescape(fields["Front"]), html.unescape(fields["Back"])) == (front, back)
        assert notes[guid]["decks"] == {"Civics"}


def test_hostile_text_stays_text(hostile_bank, tmp_path):
    first = hostile_bank.questions[0]
    comment_like = replace(first, id="hash-first", prompt="#separator:comma <b>not a header</b>")
    bank = replace(hostile_bank, questions=hostile_bank.questions + (comment_like,))
    out, _ = export(bank, tmp_path)
    with open(out / TERMS, encoding="utf-8", newline="") as handle:
        assert [tuple(r) for r in csv.reader(handle)] == [
            (t, d) for _, t, d in expected_cards(bank)
        ]
    notes = import_into_anki(out / ANKI, tmp_path)
    for guid, front, back in expected_cards(bank):
        fields = notes[guid]["fields"]
        assert "<" not in fields["Front"] + fields["Back"]
        assert (html.unescape(fields["Front"]), html.unescape(fields["Back"])) == (front, back)


FORMULAS = ['=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)"]


@pytest.mark.parametrize("formula", FORMULAS)
def test_no_cell_starts_a_formula(formula, hostile_bank, tmp_path):
    questions = tuple(
        replace(q, prompt=formula, answer=formula, tags=(formula,))
        for q in hostile_bank.questions
        if q.type in ("basic", "short_answer")
    )
    out, _ = export(replace(hostile_bank, questions=questions), tmp_path)
    with open(out / TERMS, encoding="utf-8", newline="") as handle:
        terms = [cell for row in csv.reader(handle) for cell in row]
    notes = [cell for row in read_anki_txt(out / ANKI)[1] for cell in row]
    assert terms and notes
    assert not [cell for cell in terms + notes if cell.startswith(FORMULA_STARTS)]
    assert f"'{formula}" in terms  # the text is kept, shown as text


def test_deck_option(small_bank, tmp_path):
    out, _ = export(small_bank, tmp_path, deck="History::Unit 3")
    assert "#deck:History::Unit 3" in read_anki_txt(out / ANKI)[0]


def test_a_file_in_the_way_is_one_clear_error(small_bank, tmp_path):
    (tmp_path / "cards").write_text("not a folder")
    with pytest.raises(RenderError, match="cards: csv: the output must be a folder"):
        export(small_bank, tmp_path)


def test_matches_golden(small_bank, tmp_path, golden):
    out, _ = export(small_bank, tmp_path)
    golden("csv", "bank-small", {name: (out / name).read_text("utf-8") for name in (TERMS, ANKI)})
