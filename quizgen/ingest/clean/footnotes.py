"""Footnote bodies printed at page bottoms, interleaved with the running text of PDF extracts.

A footnote body is a line '<n> <citation>' where n is the next footnote number expected
(bodies come in order; a few may be missing), the line sits at a page bottom (after a
blank line or another footnote), and it reads like a citation or its number is glued to
the text somewhere as a reference. Body lines that merely start with a number ('60
percent of ...') fail the sequence test. Wrapped continuation lines are joined; broken URLs are
joined without a space.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...models import Footnote
from ..source import Line
from . import Draft
from .lines import is_blank
from .spaces import tidy

FOOTNOTE_START = re.compile(r"^\s{0,2}(\d{1,3})\s+(\S.*)$")
# What a citation looks like; the first alternatives are enough on their own.
STRONG_CITATION = re.compile(
    r"""https?://|www\.|\bIbid\b|\bop\. cit\b|\b(?:Press|Publishing|Publishers|Journal)\b""", re.I
)
CITATION = re.compile(
    r"""^["“‘]|\bpp?\.\s?\d|\b(?:University|Review|Quarterly|Studies|Vol\.|No\.|eds?\.)|,\s(?:1[5-9]|20)\d\d\b"""
)
# Reference numbers glued to text ('closed.1', 'sure.”12', 'repairs,3'), or to the front of
# a word in a line whose halves were swapped ('4large').
CITED = re.compile(r"""(?<=\S)[a-z.,;:!?”"’)\]](\d{1,3})(?=[\s)\]]|$)|\s(\d{1,3})[a-z]{3,}""")
URL_TOKEN = re.compile(r"://|^www\.|/")
FINISHED_URL = re.compile(r"\.(?:s?html?|php|aspx?|jsp|pdf|cms|shtm)\.?$", re.I)
SENTENCE_CLOSED = re.compile(r"""[.!?]["”’]?$""")
MAX_SKIP = 3  # footnote bodies that may be missing before the next one found
MAX_LINES = 8  # a footnote body longer than this is not a footnote


def unfinished(text: str) -> bool:
    """Does a footnote line continue on the next line (open URL, no final period)?"""
    last = text.split()[-1]
    if URL_TOKEN.search(last):
        return not FINISHED_URL.search(last)
    return not SENTENCE_CLOSED.search(text)


def join_footnote(parts: list[str]) -> str:
    """Join wrapped footnote lines; a URL broken at the line end continues without a space."""
    text = parts[0]
    for part in parts[1:]:
        last = text.split()[-1]
        glue = "" if URL_TOKEN.search(last) and not FINISHED_URL.search(last) else " "
        text += glue + part
    return tidy(text)


def cited_numbers(lines: list[Line]) -> set[int]:
    """Numbers that appear glued to the text somewhere: candidates for footnote references."""
    return {int(a or b) for ln in lines for a, b in CITED.findall(ln.text)}


def footnote_start(
    ln: Line, expected: int, at_page_bottom: bool, cited: set[int]
) -> tuple[int, str] | None:
    """(number, text) when the line starts the footnote body expected next.

    The number must be the one due (or skip a few missing bodies), and the line must read
    like a citation or carry a number the text refers to.
    """
    match = FOOTNOTE_START.match(ln.text)
    if not match:
        return None
    number, text = int(match.group(1)), match.group(2)
    if not expected <= number <= expected + MAX_SKIP:
        return None
    strong, referred = bool(STRONG_CITATION.search(text)), number in cited
    citation = strong or bool(CITATION.search(text))
    if at_page_bottom and (strong or (referred and (number == expected or citation))):
        return number, text
    if referred and strong:  # a footnote right after the text, without a blank line
        return number, text
    return None


def move_footnotes(draft: Draft) -> Draft:
    """Move footnote bodies out of the running text into draft.footnotes.

    When the line after a footnote block starts with a space (the PDF extractor's mark of a
    page's first line), the text runs on across the page break: the blank lines before the
    block are dropped too, so the paragraph is not cut there.
    """
    lines, footnotes = draft.lines, dict(draft.footnotes)
    cited = cited_numbers(lines)
    kept: list[Line] = []
    expected = max(footnotes, default=0) + 1
    i = 0
    while i < len(lines):
        at_page_bottom = not kept or is_blank(kept[-1].text)
        start = footnote_start(lines[i], expected, at_page_bottom, cited)
        if start is None:
            kept.append(lines[i])
            i += 1
            continue
        # A block of one or more footnotes.
        while start is not None:
            number, first = start
            parts, first_no = [first], lines[i].no
            i += 1
            while i < len(lines) and len(parts) < MAX_LINES:
                ln = lines[i]
                if is_blank(ln.text) or ln.text[:1].isspace():
                    break
                if footnote_start(ln, number + 1, True, cited) or not unfinished(parts[-1]):
                    break
                parts.append(ln.text.strip())
                i += 1
            footnotes[number] = Footnote(number, join_footnote(parts), first_no)
            expected = number + 1
            start = footnote_start(lines[i], expected, True, cited) if i < len(lines) else None
        if i < len(lines) and lines[i].text[:1].isspace() and not is_blank(lines[i].text):
            while kept and is_blank(kept[-1].text):
                kept.pop()
    return replace(draft, lines=kept, footnotes=footnotes)
