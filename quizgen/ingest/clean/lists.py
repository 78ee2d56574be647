"""Lists and block quotations in plain text (and text extracted from PDF).

A list item is a line opening with a bullet ('•', '-', '--', '*', ...) or an item number ('1.',
'2)', '(a)', 'b)'). A bullet glyph ('•', '◦', '▪') is enough alone; a dash, star, number
or letter only when a sibling item of the same form stands close by (numbers and letters
counting on: '1.' then '2.'), since a line may well start with '-' or '3.' by chance.
The marker leaves the text and each item is a paragraph of its own; lines after an item
continue it when indented, when they start in lowercase, or when the line before stopped
mid-sentence.

In a text whose lines are flush left, a paragraph indented by 4 or more spaces as a whole
is a block quotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..source import Line
from . import Draft
from .lines import ends_open, is_blank, starts_lowercase, without_markers

ITEM = re.compile(
    r"^(?P<indent>\s*)(?P<marker>[•◦▪●‣·]|--|[-*–—+]"  # bullets
    r"|\d{1,2}[.)]|\(\d{1,2}\)|[a-z][.)]|\([a-z]\)|[ivx]{1,4}[.)]|\([ivx]{1,4}\))"  # numbers, letters, roman numerals
    r"[ \t]+(?P<text>\S.*)$"
)
GLYPHS = "•◦▪●‣·"
NEAR = 40  # lines from one item to its sibling (items of several wrapped lines, nested lists)
NEAR_PDF = 20
QUOTE_INDENT = 4
FLUSH_SHARE = (
    0.8  # share of the text's lines that must be flush left for an indented block to stand out
)
LONG_LINE = 50  # an item line this long that stops mid-sentence goes on on the next line


@dataclass(frozen=True)
class Candidate:
    index: int  # position in draft.lines
    marker: str
    forms: tuple[
        tuple[str, int | None], ...
    ]  # (numbering style, place in it); a bullet is its own style
    indent: int


def candidate(index: int, text: str) -> Candidate | None:
    match = ITEM.match(text)
    if not match:
        return None
    marker = match.group("marker")
    core = marker.strip("().")
    style = ("(" if marker.startswith("(") else "") + marker[-1]
    if core.isdigit():
        forms = ((f"digit{style}", int(core)),)
    elif core.isalpha():
        forms = ()
        if len(core) == 1:
            forms += ((f"letter{style}", ord(core) - ord("a") + 1),)
        if set(core) <= set("ivx"):  # '(i)' may be a letter after '(h)' or the first roman numeral
            forms += ((f"roman{style}", roman(core)),)
    else:
        forms = ((marker, None),)
    return Candidate(index, marker, forms, len(match.group("indent")))


def roman(text: str) -> int:
    values = {"i": 1, "v": 5, "x": 10}
    total = 0
    for a, b in zip(text, text[1:] + " "):
        total += -values[a] if values.get(b, 0) > values[a] else values[a]
    return total


def siblings(a: Candidate, b: Candidate, near: int, lines: list[Line]) -> bool:
    """b is the item after a: same style, close by, (numbered) the next number, and no
    paragraph of running text between them ('1. Introduction' / text / '2. Methods' are headings)."""
    if b.index - a.index > near or paragraph_between(lines, a, b):
        return False
    # Markdown lets every item of a numbered list say '1.'.
    return any(
        fa == fb and (na is None or nb == na + 1 or na == nb == 1)
        for fa, na in a.forms
        for fb, nb in b.forms
    )


def paragraph_between(lines: list[Line], a: Candidate, b: Candidate) -> bool:
    """Is there running text between the two items that is not a's own wrapped lines?

    After a blank line only an indented line still belongs to the item; a nested item of
    another style is no paragraph either.
    """
    before, after_blank = lines[a.index].text, False
    for line in lines[a.index + 1 : b.index]:
        if is_blank(line.text):
            after_blank = True
            continue
        indent = len(line.text) - len(line.text.lstrip())
        if not ITEM.match(line.text) and not (
            indent > a.indent if after_blank else continues_item(before, line.text, a)
        ):
            return True
        before, after_blank = line.text, False
    return False


def with_siblings(found: list[Candidate], near: int, lines: list[Line]) -> set[int]:
    """Indexes of the candidates that have a sibling: the nearest candidate of the same style
    before or after them (items of a nested list of another style may stand between)."""
    kept: set[int] = set()
    last_of: dict[str, Candidate] = {}  # style -> the latest candidate of that style
    for c in found:
        for style, _ in c.forms:
            before = last_of.get(style)
            if before is not None and siblings(before, c, near, lines):
                kept.update((before.index, c.index))
        for style, _ in c.forms:
            last_of[style] = c
    return kept


def list_items(lines: list[Line], near: int) -> list[Candidate]:
    found = [c for i, ln in enumerate(lines) if (c := candidate(i, ln.text))]
    paired = with_siblings(found, near, lines)
    return [c for c in found if c.marker in GLYPHS or c.index in paired]


def find_list_items(draft: Draft) -> Draft:
    """Record list items (marker out of the text) and indented block quotations of plain text."""
    if draft.raw.reader != "text":
        return draft
    pdf = draft.raw.layout == "pdf"
    lines = list(draft.lines)
    items = {c.index: c for c in list_items(lines, NEAR_PDF if pdf else NEAR)}
    marked = dict(draft.list_items)
    out: list[Line] = []
    current: Candidate | None = None  # the item the previous line belongs to
    for i, ln in enumerate(lines):
        if is_blank(ln.text):
            current = None
        elif i in items:
            current = items[i]
            match = ITEM.match(ln.text)
            marked[ln.no] = current.marker
            if out and not is_blank(out[-1].text):
                out.append(Line(ln.no, ""))  # the item starts a paragraph
            out.append(Line(ln.no, match.group("indent") + match.group("text")))
            continue
        elif current is not None and not continues_item(out[-1].text, ln.text, current):
            current = None
            out.append(Line(ln.no, ""))  # the list ended without a blank line
        out.append(ln)
    quotes = set(draft.block_quotes) if pdf else indented_blocks(out, draft.block_quotes)
    return replace(draft, lines=out, list_items=marked, block_quotes=quotes)


def continues_item(before: str, line: str, item: Candidate) -> bool:
    indent = len(line) - len(line.lstrip())
    if indent > item.indent or starts_lowercase(line):
        return True
    before = without_markers(before).strip()
    if before[-1:] == "-" and before[-2:-1].isalpha():
        return True  # a word hyphenated at the line end
    return len(before) >= LONG_LINE and ends_open(before)


def indented_blocks(lines: list[Line], known: set[int]) -> set[int]:
    """Lines of paragraphs indented as a whole in a text whose other paragraphs are flush left."""
    paragraphs: list[list[Line]] = [[]]
    for ln in lines:
        if is_blank(ln.text):
            paragraphs.append([])
        else:
            paragraphs[-1].append(ln)
    paragraphs = [p for p in paragraphs if p]
    indented = [
        p
        for p in paragraphs
        if all(len(ln.text) - len(ln.text.lstrip(" ")) >= QUOTE_INDENT for ln in p)
    ]
    others = [ln.text for p in paragraphs if p not in indented for ln in p]
    flush = sum(1 for t in others if not t[:1].isspace())
    if (
        not others
        or len(indented) >= len(paragraphs) - len(indented)
        or flush < FLUSH_SHARE * len(others)
    ):
        return set(known)
    return set(known) | {ln.no for p in indented for ln in p}
