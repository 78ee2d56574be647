"""Markdown structure read line by line: list items, block quotes, setext headings, emphasis.

Runs only on files the Markdown reader read (whatever their layout). List markers and
'>' leave the text and are recorded in draft.list_items / draft.block_quotes; each list
item starts a paragraph of its own and takes the lines after it up to a blank line
(Markdown's lazy continuation). A numbered line with no sibling item near it is left
alone (a numbered heading, not a list of one). '**strong**', '__strong__', '*em*' and '_em_' become
emphasis characters (see `EMPHASIS`), inside code spans never. A '===' or '---' line
under a line of text makes that line a heading; a '---', '***' or '___' line alone is
a thematic break and goes.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..source import Line
from . import EMPHASIS, Draft
from .lines import is_blank
from .lists import NEAR, candidate, siblings

FENCE = re.compile(r"^\s{0,3}(```|~~~)")
QUOTE = re.compile(r"^\s{0,3}>\s?")
# '- item', '* item', '+ item', '1. item', '1) item', 'a) item' (the marker is kept as written).
LIST_ITEM = re.compile(r"^(?P<indent>\s*)(?P<marker>[-*+]|\d{1,3}[.)]|[A-Za-z]\))[ \t]+(?P<text>\S.*)$")
THEMATIC_BREAK = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)

# Emphasis delimiters must touch the words they wrap and not sit inside a word
# ('snake_case_name', '2*3*4' stay as they are); '\*' is a literal star.
_STRONG = [re.compile(r"(?<![\w*\\])\*\*(?=\S)(.+?)(?<=[^\s\\])\*\*(?![\w*])", re.S),
           re.compile(r"(?<![\w\\])__(?=\S)(.+?)(?<=[^\s\\])__(?!\w)", re.S)]
_EM = [re.compile(r"(?<![\w*\\])\*(?=[^\s*])(.+?)(?<=[^\s\\])\*(?![\w*])", re.S),
       re.compile(r"(?<![\w\\])_(?=[^\s_])(.+?)(?<=[^\s\\])_(?!\w)", re.S)]


def emphasis_to_marks(text: str) -> str:
    """'a **b** _c_' -> 'a ⟨strong⟩b⟨/strong⟩ ⟨em⟩c⟨/em⟩' (private-use characters), code spans untouched."""
    if "*" not in text and "_" not in text:
        return text
    parts = CODE_SPAN.split(text)
    # split() gives text, fence, code, fence, code, ...: every third piece from 0 is outside code.
    out = []
    for i, part in enumerate(parts):
        if i % 3 == 0:
            for kind, patterns in (("strong", _STRONG), ("em", _EM)):
                opening, closing = EMPHASIS[kind]
                for pattern in patterns:
                    part = pattern.sub(lambda m: f"{opening}{m.group(1)}{closing}", part)
            out.append(part)
        elif i % 3 == 1:
            out.append(part)
        else:
            out.append(part + parts[i - 1])
    return "".join(out)


def lone_numbers(lines: list[Line]) -> set[int]:
    """Indexes of numbered lines ('2. Build a new ...') with no sibling item close by.

    Markdown would make a list of one item of them, but a numbered line alone between
    paragraphs is a numbered heading; a lone bullet stays an item.
    """
    found = []
    for i, ln in enumerate(lines):
        text = ln.text
        while quoted := QUOTE.match(text):
            text = text[quoted.end():]
        if LIST_ITEM.match(text) and (c := candidate(i, text)) and c.forms[0][1] is not None:
            found.append(c)
    return {c.index for c in found
            if not any(siblings(c, d, NEAR) or siblings(d, c, NEAR) for d in found if d is not c)}


def read_markdown_blocks(draft: Draft) -> Draft:
    """List items, block quotes, setext headings and emphasis of a Markdown file."""
    if draft.raw.reader != "markdown":
        return draft
    alone = lone_numbers(draft.lines)
    lines: list[Line] = []
    list_items, quotes, headings = dict(draft.list_items), set(draft.block_quotes), set(draft.headings)
    in_fence = False
    in_item = False  # the previous line belongs to a list item
    for i, ln in enumerate(draft.lines):
        text = ln.text
        if FENCE.match(text):
            in_fence = not in_fence
        if in_fence or FENCE.match(text):
            lines.append(ln)
            continue
        if is_blank(text):
            in_item = False
            lines.append(ln)
            continue
        previous = lines[-1] if lines else None
        if previous is not None and not is_blank(previous.text) and SETEXT_UNDERLINE.match(text) \
                and previous.no not in list_items and not in_item:
            headings.add(previous.no)
            lines.append(Line(ln.no, ""))
            continue
        if THEMATIC_BREAK.match(text):
            in_item = False
            lines.append(Line(ln.no, ""))
            continue
        quoted = QUOTE.match(text)
        if quoted:
            while quoted:  # '> > nested' is one quotation
                text = text[quoted.end():]
                quoted = QUOTE.match(text)
            quotes.add(ln.no)
        elif previous is not None and previous.no in quotes and not is_blank(previous.text):
            quotes.add(ln.no)  # lazy continuation of the quoted paragraph
        item = LIST_ITEM.match(text) if i not in alone else None
        if item:
            list_items[ln.no] = item.group("marker")
            text = item.group("indent") + item.group("text")
            in_item = True
        lines.append(Line(ln.no, text) if text != ln.text else ln)
    return replace(draft, lines=emphasised(lines), list_items=list_items, block_quotes=quotes, headings=headings)


def emphasised(lines: list[Line]) -> list[Line]:
    """Emphasis markup to marks, paragraph by paragraph (a '**' pair may span a line break)."""
    out: list[Line] = []
    block: list[Line] = []

    def flush() -> None:
        if not block:
            return
        joined = emphasis_to_marks("\n".join(ln.text for ln in block))
        for ln, text in zip(block, joined.split("\n")):
            out.append(Line(ln.no, text) if text != ln.text else ln)
        block.clear()

    in_fence = False
    for ln in lines:
        if FENCE.match(ln.text):
            in_fence = not in_fence
            flush()
            out.append(ln)
        elif in_fence or is_blank(ln.text):
            flush()
            out.append(ln)
        else:
            block.append(ln)
    flush()
    return out
