"""Reference sections: 'References', 'Notes', 'Bibliography', 'See also', 'External links' ...

Such a section lists sources and links, not running text: its heading and everything under
it leave the body (a FlaggedRegion "reference section", not restored). It runs to the next
heading of the same or a higher level when levels are known ('#'), else to the next heading
that is followed by prose (a paragraph of sentences, not a list or a citation); a heading of
the same kind ('Further reading' after 'Notes') continues it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...models import FlaggedRegion
from . import Draft
from .lines import ends_sentence, is_blank, without_markers

REFERENCE_HEADINGS = frozenset(
    {
        "references",
        "notes",
        "bibliography",
        "further reading",
        "see also",
        "external links",
        "sources",
        "works cited",
        "footnotes",
        "endnotes",
        "citations",
        "notes and references",
        "references and notes",
        "sources and further reading",
        "literature cited",
        "selected bibliography",
        "reference list",
        "additional reading",
        "suggested reading",
        "related reading",
        "primary sources",
        "secondary sources",
        "external sources",
        "links",
        "related links",
        "related articles",
        "notes and sources",
        "general references",
        "cited works",
    }
)
SECTION_NUMBER = re.compile(r"^(?:\d+(?:\.\d+)*|[IVXLC]+)[.)]?\s+")
CITATION = re.compile(
    r"\(\d{4}\)|\b(?:pp?\.|vol\.|ed\.|eds\.|ISBN|doi|retrieved|archived)\b|https?://|\b\d{4}[a-z]?\.",
    re.I,
)
PROSE_WORDS = 12


def heading_name(text: str) -> str:
    """'7. Notes and References:' -> 'notes and references'."""
    text = SECTION_NUMBER.sub("", without_markers(text).strip())
    return " ".join(text.rstrip(" :.").lower().replace("&", "and").split())


def is_reference_heading(text: str) -> bool:
    return heading_name(text) in REFERENCE_HEADINGS


def is_prose(paragraph: list[str], list_item: bool) -> bool:
    """A paragraph of running text: sentences of some length, not a list item or a citation."""
    text = " ".join(without_markers(t).strip() for t in paragraph)
    return (
        not list_item
        and len(text.split()) >= PROSE_WORDS
        and ends_sentence(text)
        and not CITATION.search(text)
    )


def drop_reference_sections(draft: Draft) -> Draft:
    lines = draft.lines
    starts = [
        i
        for i, ln in enumerate(lines)
        if ln.no in draft.headings and is_reference_heading(ln.text) and has_body_before(draft, i)
    ]  # "# Notes" over a whole document is its title
    if not starts:
        return draft
    dropped: set[int] = set()
    regions = list(draft.regions)
    for start in starts:
        if start in dropped:
            continue
        level = draft.heading_levels.get(lines[start].no)
        end = section_end(draft, start, level)
        span = [i for i in range(start, end) if not is_blank(lines[i].text)]
        dropped.update(range(start, end))
        regions.append(
            FlaggedRegion(
                lines[span[0]].no, lines[span[-1]].no, "reference section", restored=False
            )
        )
    kept = [ln for i, ln in enumerate(lines) if i not in dropped]
    headings = draft.headings - {lines[i].no for i in dropped}
    return replace(draft, lines=kept, headings=headings, regions=regions)


def has_body_before(draft: Draft, i: int) -> bool:
    return any(not is_blank(ln.text) and ln.no not in draft.headings for ln in draft.lines[:i])


def section_end(draft: Draft, start: int, level: int | None) -> int:
    """Index of the first line after the section that opens at `start`."""
    lines = draft.lines
    for i in range(start + 1, len(lines)):
        ln = lines[i]
        if ln.no not in draft.headings or (
            i > 0 and lines[i - 1].no in draft.headings and not is_blank(lines[i - 1].text)
        ):
            continue  # not a heading, or the second line of a wrapped one
        if is_reference_heading(ln.text):
            continue
        other = draft.heading_levels.get(ln.no)
        if level is not None and other is not None:
            if other <= level:
                return i
            continue
        if followed_by_prose(draft, i):
            return i
    return len(lines)


def followed_by_prose(draft: Draft, i: int) -> bool:
    """Is the first paragraph after the heading at i running text? (Another heading first: no.)"""
    lines = draft.lines
    j = i + 1
    while j < len(lines) and lines[j].no in draft.headings and not is_blank(lines[j].text):
        j += 1  # the rest of a wrapped heading
    while j < len(lines) and is_blank(lines[j].text):
        j += 1
    if j >= len(lines) or lines[j].no in draft.headings:
        return False
    first, paragraph = j, []
    while j < len(lines) and not is_blank(lines[j].text) and lines[j].no not in draft.headings:
        if j > first and lines[j].no in draft.list_items:
            break
        paragraph.append(lines[j].text)
        j += 1
    return is_prose(paragraph, lines[first].no in draft.list_items)
