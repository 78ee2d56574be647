"""Character-level repairs: mojibake, HTML entities, stray whitespace, spaces inside compounds and before commas."""

from __future__ import annotations

import html
import re

import ftfy
from ftfy.badness import is_bad

from ..source import Line
from . import Draft, with_lines

_SPACE_BEFORE_PUNCT = re.compile(r"(?<=\w) +(?=[,;](?:\s|$))")
# 'door-to -door': a compound whose last hyphen got a space in front of it.
_SPLIT_COMPOUND = re.compile(r"(\b\w+-\w+) -(?=\w)")
# 'Norway. ”': a closing quote pushed away from the punctuation it closes.
_SPACE_BEFORE_CLOSING_QUOTE = re.compile(r"(?<=[.,;:!?]) +(?=[”’](?:\s|$))")
# Control characters (tab aside) and Unicode line/paragraph separators carry no text;
# left in, they reach exports that cannot represent them (XML, one-line formats).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")
_RUNS_OF_SPACES = re.compile(r"(?<=\S) {2,}(?=\S)")


def fix_mojibake(draft: Draft) -> Draft:
    """Repair text decoded with the wrong codec ('‚Äù' -> '”') with ftfy.

    Only lines ftfy judges bad are touched: curly quotes and dashes stay as they are, and
    clean lines cost one quick check (fast on big files).
    """
    return with_lines(
        draft,
        [
            Line(ln.no, ftfy.fix_text(ln.text, uncurl_quotes=False, normalization="NFC"))
            if not ln.text.isascii() and is_bad(ln.text)
            else ln
            for ln in draft.lines
        ],
    )


# '&amp;', '&#8217;', '&mdash;': text saved from a web page's source keeps its entities.
_ENTITY = re.compile(r"&(?:#\d{1,6}|#x[0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescape_entities(draft: Draft) -> Draft:
    """'Salt &amp; pepper' -> 'Salt & pepper' in plain text (Markdown and HTML readers do their own)."""
    return with_lines(
        draft,
        [
            Line(ln.no, html.unescape(ln.text))
            if "&" in ln.text and _ENTITY.search(ln.text)
            else ln
            for ln in draft.lines
        ],
    )


def strip_spaces(draft: Draft) -> Draft:
    """Trailing spaces, control characters and no-break spaces carry no meaning in any layout.

    Leading spaces are kept here: in PDF text they mark the first line of a page after a
    footnote block, which the footnote step uses; `strip_leading_spaces` drops them later.
    """
    return with_lines(
        draft,
        [
            Line(ln.no, _CONTROL.sub(" ", ln.text.replace("\u00a0", " ")).rstrip())
            for ln in draft.lines
        ],
    )


def strip_leading_spaces(draft: Draft) -> Draft:
    """Spurious leading spaces (and any left-over runs of spaces inside a line)."""
    return with_lines(
        draft,
        [
            Line(
                ln.no,
                _RUNS_OF_SPACES.sub(" ", ln.text.strip()) if "  " in ln.text else ln.text.strip(),
            )
            for ln in draft.lines
        ],
    )


def fix_stray_spaces(draft: Draft) -> Draft:
    """'fishing , farming' -> 'fishing, farming'; 'door-to -door' -> 'door-to-door'."""
    return with_lines(draft, [Line(ln.no, tidy(ln.text)) for ln in draft.lines])


def tidy(text: str) -> str:
    if not any(gap in text for gap in (" ,", " ;", " -", " ”", " ’")):
        return text
    text = _SPACE_BEFORE_PUNCT.sub("", text)
    text = _SPLIT_COMPOUND.sub(r"\1-", text)
    return _SPACE_BEFORE_CLOSING_QUOTE.sub("", text)
