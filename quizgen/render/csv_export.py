"""Flashcard tables (a folder): one for Quizlet-style term/definition import, one for Anki.

  terms.csv  two columns, term and definition, comma-separated, no header row
             (Quizlet: "Import", between term and definition: comma)
  anki.txt   Anki's text import: header lines (#separator:tab, #html:false,
             #notetype:Basic, #deck:, #columns:, #tags column:, #guid column:) then
             Front, Back, Source, Tags, GUID per note. Re-importing updates notes by GUID.

Every question type becomes term/definition rows: the prompt (a cloze with its blanks
shown as "_____") and the bank's answer; a matching question gives one row per pair
(GUID "<id>-<n>"). Fields are written by the csv module, so separators, quotes and
newlines in the text are quoted, never mistaken for structure; anki.txt quotes every
field, since Anki skips a line that starts with "#" as a comment; `#html:false` makes
Anki show `<` and `&` as typed. A cell that a spreadsheet would read as a formula
(starting with =, +, -, @, tab or carriage return) gets a leading apostrophe, as OWASP
recommends against CSV injection. Option: `deck` (Anki deck name, default the title).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pydantic import Field

from ..bank import Bank
from ..errors import RenderError
from ..models import QUESTION_TYPES, Question
from ..util.files import write_text
from . import RenderOptions, RenderReport
from .lms import NoOptions, Skips, citation, cloze_shown, one_line, parse_options

TERMS = "terms.csv"
ANKI = "anki.txt"
ANKI_COLUMNS = ("Front", "Back", "Source", "Tags", "GUID")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """The cell, with a leading apostrophe when a spreadsheet would run it as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


class CsvOptions(NoOptions):
    deck: str | None = Field(None, description="Anki deck name in anki.txt (default: the title).")


def cards(question: Question) -> list[tuple[str, str, str]]:
    """(guid, front, back) rows of one question."""
    if question.type == "matching":
        return [
            (f"{question.id}-{n}", left, right) for n, (left, right) in enumerate(question.pairs, 1)
        ]
    front = cloze_shown(question.prompt) if question.type == "cloze" else question.prompt
    back = (
        "; ".join(question.sequence)
        if question.type in ("list_recall", "ordering")
        else question.answer
    )
    return [(question.id, front, back)]


def _table(rows: list[tuple[str, ...]], delimiter: str, quoting: int = csv.QUOTE_MINIMAL) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n", quoting=quoting)
    writer.writerows([spreadsheet_safe(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def anki_header(deck: str) -> str:
    lines = [
        "#separator:tab",
        "#html:false",
        "#notetype:Basic",
        f"#deck:{one_line(deck)}",
        "#columns:" + "\t".join(ANKI_COLUMNS),
        f"#tags column:{ANKI_COLUMNS.index('Tags') + 1}",
        f"#guid column:{ANKI_COLUMNS.index('GUID') + 1}",
    ]
    return "\n".join(lines) + "\n"


class CsvRenderer:
    """Writes terms.csv and anki.txt into a folder."""

    name = "csv"
    suffix = "/"
    options_model = CsvOptions
    types = QUESTION_TYPES

    def write(self, bank: Bank, out: Path, options: RenderOptions) -> RenderReport:
        out = Path(out)
        deck = (
            parse_options(CsvOptions, options, self.name, out).deck or options.title or bank.title
        )
        if out.exists() and not out.is_dir():
            raise RenderError(
                "csv: the output must be a folder, and a file of that name exists", str(out)
            )
        skips = Skips()
        terms: list[tuple[str, ...]] = []
        notes: list[tuple[str, ...]] = []
        for question in bank.questions:
            if not skips.keep(question, self.types):
                continue
            source, tags = citation(question), " ".join(t.replace(" ", "_") for t in question.tags)
            for guid, front, back in cards(question):
                terms.append((one_line(front), one_line(back)))
                notes.append((one_line(front), one_line(back), source, tags, guid))
        try:
            written = (
                write_text(out / TERMS, _table(terms, ",")),
                write_text(out / ANKI, anki_header(deck) + _table(notes, "\t", csv.QUOTE_ALL)),
            )
        except OSError as exc:
            raise RenderError(f"csv: cannot write: {exc.strerror or exc}", str(out)) from None
        return RenderReport(written=written, skipped=skips.as_dict())
