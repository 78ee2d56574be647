"""Running heads and page numbers of page text (lines of our own)."""

from __future__ import annotations

import pytest

from quizgen.ingest.clean.pagefurniture import PAGE_NUMBER, drop_page_furniture

from .conftest import make_draft, texts

PAGE = "the keepers kept the light burning through the storms of the long northern winter and"


def pages(head: str, numbers: list[str]) -> str:
    parts = []
    for number in numbers:
        parts += [head, "", PAGE, PAGE, "", number, ""]
    return "\n".join(parts)


@pytest.mark.parametrize("line", ["12", "- 12 -", "Page 12", "page 3 of 40", "12 / 40", "— 7 —"])
def test_page_numbers(line):
    assert PAGE_NUMBER.match(line)


@pytest.mark.parametrize("line", ["1850 and 1900", "12 keepers", "Page one"])
def test_not_page_numbers(line):
    assert not PAGE_NUMBER.match(line)


def test_running_heads_and_page_numbers_leave_page_text():
    draft = drop_page_furniture(
        make_draft(pages("Harbour Board Report 2020", ["1", "2", "3"]), "pdf")
    )
    kept = [t for t in texts(draft) if t]
    assert kept == ["Harbour Board Report 2020"] + [PAGE] * 6  # the first head is the title
    assert {r.reason for r in draft.regions} == {"page furniture"}


def test_running_heads_with_page_numbers_in_them():
    text = "\n".join(f"Report on the lights, page {n}\n\n{PAGE}\n" for n in range(1, 5))
    kept = [t for t in texts(drop_page_furniture(make_draft(text, "pdf"))) if t]
    assert kept == ["Report on the lights, page 1"] + [PAGE] * 4


def test_a_repeated_line_in_text_that_is_not_page_text_stays():
    text = "\n".join(f"Summary\n\n{PAGE}.\n" for _ in range(3))
    assert [t for t in texts(drop_page_furniture(make_draft(text, "plain"))) if t] == [
        "Summary",
        f"{PAGE}.",
    ] * 3


def test_a_single_number_line_stays():
    text = f"{PAGE}.\n\n1921\n\n{PAGE}."
    assert "1921" in texts(drop_page_furniture(make_draft(text, "pdf")))
