"""Markdown footnotes: references '[^1]' / '[^note]' in the text, definitions '[^1]: text' below.

Definitions leave the running text for draft.footnotes (the lines right after one continue
it, and indented lines also across a blank line, as in Markdown); references become note markers so sentences
link to their footnotes. A numeric label keeps its number; other labels take the next free
numbers in order of first reference (then of definition, for notes never referred to).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...models import Footnote
from ..source import Line
from . import Draft, note_marker
from .footnotes import join_footnote
from .lines import is_blank

DEFINITION = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:[ \t]*(.*)$")
# The space before a reference goes too: 'charter [^1].' reads 'charter.' once marked.
REFERENCE = re.compile(r"[ \t]*\[\^([^\]\s]+)\](?!:)")


def continues_definition(lines: list[Line], i: int) -> bool:
    """Does line i carry on the definition above it?

    A non-blank line right after it does (Markdown's lazy continuation), unless it starts
    the next definition; after a blank line only an indented line does.
    """
    if i >= len(lines) or DEFINITION.match(lines[i].text):
        return False
    if not is_blank(lines[i].text):
        return True
    following = lines[i + 1].text if i + 1 < len(lines) else ""
    return not is_blank(following) and following[:1].isspace() and not DEFINITION.match(following)


def split_definitions(lines: list[Line]) -> tuple[list[Line], dict[str, tuple[str, int]]]:
    """(lines without definitions, label -> (text, first line number)), in definition order."""
    kept: list[Line] = []
    definitions: dict[str, tuple[str, int]] = {}
    i = 0
    while i < len(lines):
        match = DEFINITION.match(lines[i].text)
        if not match:
            kept.append(lines[i])
            i += 1
            continue
        label, first_no, parts = match.group(1), lines[i].no, [match.group(2).strip()]
        i += 1
        while continues_definition(lines, i):
            if is_blank(lines[i].text):
                i += 1
            parts.append(lines[i].text.strip())
            i += 1
        definitions.setdefault(label, (join_footnote([p for p in parts if p] or [""]), first_no))
    return kept, definitions


def number_labels(
    references: list[str], definitions: dict[str, tuple[str, int]], taken: set[int]
) -> dict[str, int]:
    """Numeric labels keep their number; the others get free numbers in order of first reference."""
    numbers = {label: int(label) for label in [*references, *definitions] if label.isdigit()}
    used = taken | set(numbers.values())
    next_free = 1
    for label in dict.fromkeys([*references, *definitions]):
        if label in numbers:
            continue
        while next_free in used:
            next_free += 1
        numbers[label] = next_free
        used.add(next_free)
    return numbers


def move_markdown_footnotes(draft: Draft) -> Draft:
    """Move '[^label]: text' definitions into draft.footnotes and mark their references.

    A reference to a label never defined points nowhere: it is dropped from the text.
    """
    lines, definitions = split_definitions(draft.lines)
    references = [label for ln in lines for label in REFERENCE.findall(ln.text)]
    if not definitions and not references:
        return draft
    numbers = number_labels(references, definitions, set(draft.footnotes))
    footnotes = dict(draft.footnotes)
    for label, (text, line_no) in definitions.items():
        footnotes[numbers[label]] = Footnote(numbers[label], text, line_no)

    def marker(match: re.Match) -> str:
        label = match.group(1)
        return note_marker(numbers[label]) if label in definitions else ""

    marked = [
        Line(ln.no, REFERENCE.sub(marker, ln.text)) if "[^" in ln.text else ln for ln in lines
    ]
    return replace(draft, lines=marked, footnotes=footnotes)
