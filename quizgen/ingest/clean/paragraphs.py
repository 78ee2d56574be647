"""Paragraph breaks lost in hard-wrapped text (a missing blank line between paragraphs).

One signal is not enough: many wrapped lines happen to end a sentence. A break is made
only where two agree: the line closing a sentence is clearly shorter than the text's
wrap width (the writer stopped early), and the next line opens with a short statement
of its own ('Keepers were the heart of the service.'), the way a new paragraph's topic
sentence does.
"""

from __future__ import annotations

import re
from dataclasses import replace
from statistics import median

from ..source import Line
from . import Draft
from .lines import ends_open, ends_sentence, is_blank, without_markers

SHORT_LINE = 0.9  # a line shorter than this share of the wrap width stopped early
SHORT_SENTENCE = 8  # words in a topic sentence that makes a paragraph break believable
MIN_WRAPPED = 5  # lines needed to know the wrap width
FIRST_SENTENCE = re.compile(r"^[A-Z][^.!?\"“”]*?[.!?](?=\s|$)")


def opens_with_short_statement(text: str) -> bool:
    match = FIRST_SENTENCE.match(without_markers(text).strip())
    return bool(match) and len(match.group(0).split()) <= SHORT_SENTENCE


def split_wrapped_paragraphs(draft: Draft) -> Draft:
    """Insert a blank line where a hard-wrapped paragraph visibly ended without one."""
    lines = draft.lines
    pairs = [
        (a, b) for a, b in zip(lines, lines[1:]) if not is_blank(a.text) and not is_blank(b.text)
    ]
    wrapped = [len(without_markers(a.text)) for a, _ in pairs if ends_open(a.text)]
    if len(wrapped) < MIN_WRAPPED:
        return draft
    width = median(wrapped)
    breaks = {
        b.no
        for a, b in pairs
        if ends_sentence(a.text)
        and len(without_markers(a.text)) < width * SHORT_LINE
        and opens_with_short_statement(b.text)
    }
    out: list[Line] = []
    for ln in lines:
        if ln.no in breaks:
            out.append(Line(ln.no, ""))
        out.append(ln)
    return replace(draft, lines=out)


UNWRAPPED_MEDIAN = (
    100  # a text whose lines are this long at the median was never wrapped at a width
)


def split_unwrapped_lines(draft: Draft) -> Draft:
    """One paragraph per line in text that was never wrapped (lines far longer than any page width).

    Such a text puts a whole paragraph on each line, often without blank lines between; each
    line break then ends a paragraph. A line that stops mid-sentence before a lowercase
    continuation is joined again by the page-break step that runs next.
    """
    lengths = [len(ln.text) for ln in draft.lines if not is_blank(ln.text)]
    if not lengths or median(lengths) < UNWRAPPED_MEDIAN:
        return draft
    out: list[Line] = []
    for ln in draft.lines:
        if out and not is_blank(ln.text) and not is_blank(out[-1].text):
            out.append(Line(ln.no, ""))
        out.append(ln)
    return replace(draft, lines=out)
