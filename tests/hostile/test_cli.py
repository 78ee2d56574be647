"""Hostile files through the command line: each is refused in one line naming the file and the
problem, or read, within the memory and CPU budget (see conftest.py)."""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import pytest

from .conftest import CPU_BUDGET_S, MEMORY_BUDGET_MB, run_limited

ROOT = Path(__file__).resolve().parents[2]
SMALL_BANK = ROOT / "tests" / "roots" / "bank-small" / "bank.json"
PROSE = "The council is the elected body that passes local laws and sets the budget of the town.\n"


def alias_bomb(levels: int = 9) -> str:
    """YAML whose aliases would expand to 10**levels items."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def pdf_with_one_stream(chunks) -> bytes:
    """A one-page PDF whose content stream is `chunks` joined, Flate-compressed."""
    compressor = zlib.compressobj(1)
    body = b"".join(compressor.compress(c) for c in chunks) + compressor.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def test_the_budget_is_measured(tmp_path):
    """The measurement itself: a real run reports memory and CPU, so the budget checks can fail."""
    (tmp_path / "notes.txt").write_text(PROSE * 3)
    outcome = run_limited("ingest", "notes.txt", cwd=tmp_path)
    assert outcome.code == 0
    assert 20 < outcome.peak_mb < MEMORY_BUDGET_MB and 0 < outcome.cpu_s < CPU_BUDGET_S


def test_alias_bomb_in_front_matter(tmp_path):
    (tmp_path / "essay.md").write_text("---\n" + alias_bomb() + "---\n" + PROSE)
    outcome = run_limited("build", "essay.md", "--out", "out", cwd=tmp_path)
    assert outcome.one_line_error(
        "essay.md:3: broken front matter: YAML aliases (*name) are not allowed"
    )
    assert outcome.within_budget(), outcome
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("file", ["config.yaml", "deck.yaml"])
def test_alias_bomb_in_config_or_recipe(tmp_path, file):
    (tmp_path / "notes.txt").write_text(PROSE)
    (tmp_path / file).write_text(
        alias_bomb() + ("sources: [notes.txt]\n" if file == "deck.yaml" else "")
    )
    outcome = run_limited(
        "build",
        *(["deck.yaml"] if file == "deck.yaml" else ["notes.txt"]),
        "--out",
        "out",
        cwd=tmp_path,
    )
    assert outcome.one_line_error(f"{file}:2: invalid YAML: YAML aliases (*name) are not allowed")
    assert outcome.within_budget(), outcome


def test_pdf_decompression_bomb(tmp_path):
    (tmp_path / "paper.pdf").write_bytes(
        pdf_with_one_stream([b" " * (1 << 20)] * 100)
    )  # 100 MiB of spaces
    for command in (["ingest", "paper.pdf"], ["build", "paper.pdf", "--out", "out"]):
        outcome = run_limited(*command, cwd=tmp_path)
        assert outcome.one_line_error(
            "paper.pdf: not a readable PDF: a stream decompresses past pypdf's size limit"
        )
        assert outcome.within_budget(), outcome


def test_pdf_text_over_the_budget_is_refused_while_reading(tmp_path):
    text = b"BT /F1 12 Tf 72 720 Td (" + b"The council meets. " * 2000 + b") Tj ET"
    (tmp_path / "paper.pdf").write_bytes(pdf_with_one_stream([text]))
    (tmp_path / "small.yaml").write_text("ingest:\n  max_text_chars: 10000\n")
    outcome = run_limited("ingest", "paper.pdf", "--config", "small.yaml", cwd=tmp_path)
    assert outcome.one_line_error(
        "paper.pdf: the text is over the limit of 10,000 characters (ingest.max_text_chars)"
    )
    assert outcome.within_budget(), outcome


def test_text_over_the_budget_is_refused(tmp_path):
    (tmp_path / "long.txt").write_text(PROSE * 200)
    (tmp_path / "small.yaml").write_text("ingest:\n  max_text_chars: 10000\n")
    outcome = run_limited("ingest", "long.txt", "--config", "small.yaml", cwd=tmp_path)
    assert outcome.one_line_error("long.txt: the text is over the limit of 10,000 characters")


@pytest.mark.parametrize("command", ["validate", "sample", "render"])
def test_a_bank_nested_a_hundred_thousand_deep(tmp_path, command):
    (tmp_path / "bank.json").write_text('{"questions": ' + "[" * 100_000 + "]" * 100_000 + "}")
    args = {
        "validate": ["validate", "bank.json"],
        "sample": ["sample", "bank.json", "--n", "3"],
        "render": ["render", "csv", "bank.json", "-o", "cards"],
    }[command]
    outcome = run_limited(*args, cwd=tmp_path)
    assert outcome.one_line_error("bank.json: not a JSON question bank: nested too deeply")
    assert outcome.within_budget(), outcome


def test_a_worksheet_of_a_hundred_thousand_questions_is_refused(tmp_path):
    bank = json.loads(SMALL_BANK.read_text(encoding="utf-8"))
    template = next(q for q in bank["questions"] if q["type"] == "true_false")
    bank["questions"] = [
        {**template, "id": f"{template['id'][:-6]}{n:06x}"} for n in range(100_000)
    ]
    (tmp_path / "bank.json").write_text(json.dumps(bank))
    outcome = run_limited(
        "render", "worksheet", "bank.json", "-o", "sheet", "-O", "one_sheet=false", cwd=tmp_path
    )
    assert outcome.one_line_error(
        "the worksheet would hold 100000 questions, over its limit of 500"
    )
    assert outcome.within_budget(), outcome
    assert not (tmp_path / "sheet").exists()


def test_long_text_without_sentence_punctuation(tmp_path):
    """800 KB of words with no full stop: cut into bounded sentences, extracted within the budget."""
    words = "council town budget law mayor elected members vote in 1990 said the three principles of".split()
    text = " ".join(words[(i * 7) % len(words)] for i in range(800_000 // 6))
    (tmp_path / "run.txt").write_text(text)
    outcome = run_limited("extract", "run.txt", "--format", "json", cwd=tmp_path)
    assert outcome.code == 0, outcome.stderr
    assert json.loads(outcome.stdout)["documents"][0]["source"] == "run.txt"
    assert outcome.within_budget(), outcome


FORMULA_TEXT = """# Spreadsheet hazards

The three founding rules of the club are =HYPERLINK(1), +cmd|' /C calc'!A0 and @SUM(A1).

The four duties of the treasurer are -2+3, =1+1, +A1 and @A2.

A formula is =SUM(A1:A9), a sum that a spreadsheet computes when it opens the file.
"""


def test_no_exported_cell_starts_a_formula_after_a_build_from_a_document_full_of_them(tmp_path):
    import csv

    (tmp_path / "hazards.md").write_text(FORMULA_TEXT)
    outcome = run_limited("build", "hazards.md", "--out", "out", cwd=tmp_path)
    assert outcome.code == 0, outcome.stderr
    cards = tmp_path / "out" / "hazards" / "csv"
    with open(cards / "terms.csv", encoding="utf-8", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    lines = (cards / "anki.txt").read_text(encoding="utf-8").split("\n")
    body = "\n".join(line for line in lines if not line.startswith("#"))
    cells += [cell for row in csv.reader(body.splitlines(), delimiter="\t") for cell in row]
    assert [c for c in cells if c.startswith(("'=", "'+", "'-", "'@"))], (
        "the document's formulas reached no cell"
    )
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
