"""Worksheet layout as printed, read back from the PDF with poppler's word boxes (pdftotext -bbox):
numbers of 100 and more never touch their text, every question's text starts in the same
column, a letter stays on the line of its answer ("A. 2000", not "A." above "2000"), and a
wrapped ordering item lines up with its text, not under its box."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from html import unescape
from pathlib import Path

import pytest

from quizgen.bank import Bank, read_bank
from quizgen.render import RenderOptions
from quizgen.render.worksheet import WorksheetRenderer

SMALL = Path(__file__).resolve().parents[1] / "roots" / "bank-small" / "bank.json"
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)
LONG_ITEM = (
    "The council and the town meeting agreed, after a long public debate lasting several "
    "evenings, to rebuild the old stone bridge across the river"
)
DATES = ("2000", "11 September 2001", "September 1990", "1648")

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils is not installed"
)


def layout_bank() -> Bank:
    """105 true/false questions (numbers past 100), a matching of events to dates, and an
    ordering with an item long enough to wrap."""
    bank = read_bank(SMALL)
    statement = bank.by_type("true_false")[0]
    many = tuple(
        replace(statement, id=f"tf-{n:03d}", prompt=f"Statement number {n} of the council is true.")
        for n in range(105)
    )
    matching = bank.by_type("matching")[0]
    dated = replace(
        matching,
        id="match-dates",
        prompt="Match each event to its date.",
        pairs=tuple(
            (
                f"Event {name}: the total trade volume of the river town jumped to $39.3 million",
                date,
            )
            for name, date in zip(("one", "two", "three", "four"), DATES)
        ),
    )
    ordering = bank.by_type("ordering")[0]
    long = replace(ordering, id="order-long", sequence=(*ordering.sequence[:-1], LONG_ITEM))
    return replace(bank, questions=(*many, dated, long))


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> list[list[tuple[float, float, float, str]]]:
    """Per page of the worksheet and then of its key: words as (x0, y0, x1, text), in reading order."""
    out = tmp_path_factory.mktemp("layout")
    written = (
        WorksheetRenderer()
        .write(
            layout_bank(),
            out,
            RenderOptions(
                title="Layout",
                seed=3,
                extra={"formats": ["pdf"], "key": "appended", "stem": "layout", "one_sheet": False},
            ),
        )
        .written
    )  # 110 similar questions
    pdf = next(p for p in written if p.suffix == ".pdf")
    run = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    found = []
    for page in run.stdout.split("<page ")[1:]:
        found.append(
            [(float(a), float(b), float(c), unescape(t)) for a, b, c, _, t in WORD.findall(page)]
        )
    return found


def lines(words):
    """Words grouped into lines (same top within 2 pt), each sorted left to right."""
    grouped: list[list] = []
    for word in sorted(words, key=lambda w: (round(w[1]), w[0])):
        if grouped and abs(grouped[-1][0][1] - word[1]) < 2:
            grouped[-1].append(word)
        else:
            grouped.append([word])
    return [sorted(line) for line in grouped]


def test_numbers_past_100_have_their_own_column(pages):
    starts, gaps, numbers = [], [], set()
    for page in pages:
        for line in lines(page):
            first, *rest = line
            if re.fullmatch(r"\d{1,3}\.", first[3]) and rest and first[0] < 80:
                numbers.add(int(first[3][:-1]))
                gaps.append(rest[0][0] - first[2])
                starts.append(round(rest[0][0], 1))
    assert {99, 100, 104, 107} <= numbers
    assert min(gaps) > 3, "a number runs into its text"
    assert max(starts) - min(starts) < 1, "every question's text starts in the same column"


def test_letters_stay_on_the_line_of_their_answer(pages):
    words = [w for page in pages for line in lines(page) for w in line]
    letters = 0
    for page in pages:
        for line in lines(page):
            for at, word in enumerate(line):
                if re.fullmatch(r"[A-H]\.", word[3]):
                    letters += 1
                    assert at + 1 < len(line), (
                        f"'{word[3]}' ends its line: its answer went below it"
                    )
    assert letters >= 8 and words  # the matching's and the ordering's
    for date in DATES:  # each short answer of the matching on one line
        first, *more = date.split()
        rows = [line for page in pages for line in lines(page) if any(w[3] == first for w in line)]
        assert any(" ".join(w[3] for w in line).find(date) >= 0 for line in rows), date


def test_a_wrapped_ordering_item_lines_up_with_its_text(pages):
    opening = LONG_ITEM.split()[:6]  # "The council and the town meeting"
    for page in pages:
        rows = lines(page)
        for index, line in enumerate(rows):
            texts = [w[3] for w in line]
            at = next(
                (
                    i
                    for i in range(1, len(texts))
                    if texts[i : i + 6] == opening and re.fullmatch(r"[A-H]\.", texts[i - 1])
                ),
                None,
            )
            if at is None:
                continue
            continuation = rows[index + 1]
            assert LONG_ITEM.endswith(" ".join(w[3] for w in continuation)), (
                "the item's second line"
            )
            assert abs(continuation[0][0] - line[at][0]) < 1, (
                "the wrapped line does not line up with the text"
            )
            assert continuation[0][0] > line[at - 1][0] + 5, (
                "the wrapped line falls under the letter or the box"
            )
            return
    pytest.fail("the long ordering item was not found on the worksheet")
