"""Footnote reference numbers glued to words: 'closed.1', 'sure.”12', 'repairs,3', '2019.14'.

References run 1, 2, 3 ... through a document, so the number expected next decides what a
glued number is: 'grain output in 2019.14' is the year 2019 plus note 14 when 14 is
due, while '62.35 million' stays a decimal. Found references become note markers in the
line text (see `note_marker`) so the segmenter can link sentences to footnotes.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..source import Line
from . import MARKER, Draft, note_marker

# Digits glued to the end of a word or to the punctuation after it, then a space or line end.
GLUED = re.compile(r"""(?<=\S)(?P<before>[a-z.,;:!?”"’)\]])(?P<number>\d{1,3})(?=[\s)\]]|$)""")
YEAR_BEFORE = re.compile(r"(?:^|\D)(?:1[5-9]|20)\d\d$")  # '2019' in '2019.14'
ABBREVIATION_BEFORE = re.compile(r"(?:^|\W)(?:No|Nos|Vol|Vols|pp?|Art|Ch|Fig|Sec|Para)$", re.I)
MAX_SKIP = 2  # references that may be missing before the next one found


def is_reference(line: str, match: re.Match, expected: int, known: dict) -> bool:
    number, start = int(match.group("number")), match.start("before")
    head = line[:start]
    if ABBREVIATION_BEFORE.search(head):  # 'No.1', 'p.64'
        return False
    if "/" in head.rsplit(None, 1)[-1]:  # 'man1/vim.1': a file name or URL, not a sentence end
        return False
    if match.group("before").isalpha():
        # 'latin1', 'bz2': digits glued to a letter are a reference only to a footnote found.
        return number >= expected and number in known
    if head[-1:].isdigit():
        # '62.35' is a decimal; only a year followed by exactly the note due is a reference.
        return (
            match.group("before") == "." and number == expected and bool(YEAR_BEFORE.search(head))
        )
    # In an excerpt the first references may be far from 1: a number whose footnote body
    # was found is believed too.
    return expected <= number <= expected + MAX_SKIP or (number > expected and number in known)


def mark_references(draft: Draft) -> Draft:
    """Replace glued reference numbers by note markers, in reading order."""
    expected, lines = 1, []
    for ln in draft.lines:
        text, pos = ln.text, 0
        while True:
            existing = MARKER.search(text, pos)
            match = GLUED.search(text, pos)
            if existing and (not match or existing.start() <= match.start()):
                expected = max(expected, int(existing.group(1)) + 1)
                pos = existing.end()
                continue
            if not match:
                break
            if is_reference(text, match, expected, draft.footnotes):
                number = int(match.group("number"))
                text = (
                    text[: match.start("number")]
                    + note_marker(number)
                    + text[match.end("number") :]
                )
                expected = number + 1
                pos = match.start("number") + len(note_marker(number))
            else:
                pos = match.end("number")
        lines.append(Line(ln.no, text) if text != ln.text else ln)
    return replace(draft, lines=lines)
