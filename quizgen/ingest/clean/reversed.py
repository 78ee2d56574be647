"""Pages whose lines the PDF extractor emitted bottom-to-top, and lines whose halves it swapped.

Detection is by reading continuity, not by position: in running text a line that stops
mid-sentence is followed by a lowercase continuation, and a line that closes a sentence by
a capitalised word. Each junction between neighbouring lines is scored read forwards and
read backwards; a stretch that reads markedly better backwards (the best-scoring stretch,
found in one linear pass) is a reversed block. Footnote markers help too: inside a reversed
block their numbers run downwards.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from ...models import FlaggedRegion
from ..source import Line
from . import MARKER, Draft, note_marker
from .lines import FUNCTION_WORDS, ends_open, ends_sentence, is_blank, without_markers

# ' and that every harbour should have a light 4large or small, north or south,': the line
# was split at a footnote marker and its halves emitted in the wrong order.
SWAPPED = re.compile(r"^(?P<left>\s*\S.*?)\s(?P<number>\d{1,3})(?P<right>[a-z]{3,}\b.*)$")
WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
WORD_OR_NEWLINE = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*|\n")
MAYBE_SWAPPED = re.compile(r"\s\d{1,3}[a-z]{3}")
NOT_A_MARKER = re.compile(r"^(?:st|nd|rd|th|s|am|pm|km|kg|mm|cm|ml|mb|gb|bn|mn|ft|kw|mw|hz)\b")

ARTICLES = frozenset("a an the this these those its their his her our your my".split())
MIN_LINES = 10  # text lines in a reversed block: a page, not a few lines of a table
MIN_LINES_FLAGGED = 8
MIN_GAIN = 10.0  # how much better a stretch must read backwards to be restored
MIN_FLAG = 6.0  # ... to be distrusted
MAX_BLOCKS = 3  # reversed pages looked for in one document
MIN_BETTER = 3  # junctions inside it reading better backwards, per junction reading worse
MIN_BETTER_FLAGGED = 2  # ... to be distrusted
PROSE_SHARE = 0.75  # letters and spaces in a line of running text
BARRIER = 10.0  # a junction with a line that is not prose ends any stretch


def fix_swapped_halves(draft: Draft) -> Draft:
    """'B 4A' -> 'A<note 4> B' when 4 is a footnote whose body was found on the page.

    Only numbers of footnote bodies count, so '3rd', '10am' or '5 people' are never touched.
    """
    lines = []
    for ln in draft.lines:
        match = (
            SWAPPED.match(ln.text) if draft.footnotes and MAYBE_SWAPPED.search(ln.text) else None
        )
        if (
            match
            and int(match.group("number")) in draft.footnotes
            and not NOT_A_MARKER.match(match.group("right"))
        ):
            text = f"{match.group('right').strip()}{note_marker(int(match.group('number')))} {match.group('left').strip()}"
            ln = Line(ln.no, text)
        lines.append(ln)
    return replace(draft, lines=lines)


@dataclass(frozen=True)
class Ends:
    """What the continuity score needs to know about one line's two ends."""

    first: str  # first word, lowercased
    capitalised: bool  # the first word has a capital
    lower_start: bool  # the line starts with a lowercase letter
    closed: bool  # the line ends a sentence
    open: bool  # the line stops mid-sentence
    last: str  # last word, lowercased


class Continuity:
    """Scores how well one line continues another, from the document's own text.

    Two signals: punctuation and case at the junction, and whether the word pair across the
    junction occurs inside some line of the same document ('of' + 'the' does, 'also' +
    'Every' does not). Both are learned from the document, so no word list is needed.
    """

    def __init__(self, lines: list[Line]):
        # One pass over the whole text; a newline token keeps pairs from crossing line ends.
        tokens = WORD_OR_NEWLINE.findall("\n".join(ln.text for ln in lines))
        self.lowercase = {w for w in tokens if w.islower()}
        lowered = [w.lower() for w in tokens]
        self.pairs = set(zip(lowered, lowered[1:]))
        self._ends: dict[str, Ends] = {}
        self._scores: dict[tuple[str, str], float] = {}  # each pass after a restore asks again

    def ends(self, text: str) -> Ends:
        found = self._ends.get(text)
        if found is None:
            words = WORD.findall(without_markers(text))
            found = self._ends[text] = Ends(
                first=words[0].lower() if words else "",
                capitalised=bool(words) and words[0][0].isupper(),
                lower_start=text.lstrip()[:1].islower(),
                closed=ends_sentence(text),
                open=ends_open(text),
                last=words[-1].lower() if words else "",
            )
        return found

    def __call__(self, before: str, after: str) -> float:
        """How well `after` reads as the line following `before` (higher is better)."""
        score = self._scores.get((before, after))
        if score is None:
            score = self._scores[before, after] = self._score(before, after)
        return score

    def _score(self, before: str, after: str) -> float:
        a, b = self.ends(before), self.ends(after)
        sentence_start = b.capitalised and b.first in self.lowercase
        if a.closed:
            score = -2.0 if b.lower_start else (1.0 if sentence_start else 0.5)
        elif a.open and b.lower_start:
            # 'the' / 'of ...': an article cannot be followed by a function word.
            score = -1.0 if a.last in ARTICLES and b.first in FUNCTION_WORDS else 1.0
        elif a.open:
            score = -1.0 if sentence_start else 0.0
        else:
            score = 0.0
        if a.last and b.first and (a.last, b.first) in self.pairs:
            score += 1.0
        return score

    def reading(self, lines: list[Line]) -> float:
        """Total continuity of lines read in the given order (blank lines skipped)."""
        texts = [ln.text for ln in lines if not is_blank(ln.text)]
        return sum(self(a, b) for a, b in zip(texts, texts[1:]))


@functools.lru_cache(maxsize=4096)  # asked again of every line each time a block is restored
def is_prose(text: str) -> bool:
    """Running text, not code, a table or a list: only prose can be scored for continuity."""
    if text.startswith(("  ", "\t")):
        return False
    plain = sum(1 for c in text if c.isalpha() or c == " ")
    return plain >= PROSE_SHARE * len(text.strip())


def best_stretch(gains: list[float]) -> tuple[float, int, int]:
    """Maximum-sum run of junction gains (Kadane): (sum, first junction, last junction)."""
    best, best_start, best_end = 0.0, 0, -1
    total, start = 0.0, 0
    for i, gain in enumerate(gains):
        if total <= 0:
            total, start = 0.0, i
        total += gain
        if total > best:
            best, best_start, best_end = total, start, i
    return best, best_start, best_end


def marker_numbers(lines: list[Line]) -> list[int]:
    return [int(n) for ln in lines for n in MARKER.findall(ln.text)]


def reversed_order(lines: list[Line], start: int, end: int) -> list[Line]:
    return lines[:start] + lines[start : end + 1][::-1] + lines[end + 1 :]


def page_edge(lines: list[Line], text_at: list[int], i: int) -> float:
    """Evidence of a page break just before text line i: a page's first line extracted
    with a leading space, or a run of blank lines."""
    if i <= 0 or i >= len(text_at):
        return 1.0
    text = lines[text_at[i]].text
    edge = (
        2.0 if text.startswith(" ") and not text[1:2].isspace() else 0.0
    )  # one space, not an indent
    return edge + (1.0 if text_at[i] - text_at[i - 1] > 2 else 0.0)


def best_bounds(
    lines: list[Line], text_at: list[int], first: int, last: int, continuity: Continuity
) -> tuple[int, int]:
    """Nudge the block's first and last text line by up to two lines to read best.

    The stretch found from junction gains can take in a line of the neighbouring page
    whose first word happens to fit; whole readings around the edges, plus page-break
    evidence at the cut, settle it. Ties keep the stretch as found.
    """
    window_start = text_at[max(0, first - 3)]
    window_end = text_at[min(len(text_at) - 1, last + 3)]

    def score(a: int, b: int) -> float:
        order = reversed_order(lines, text_at[a], text_at[b])
        edges = page_edge(lines, text_at, a) + page_edge(lines, text_at, b + 1)
        return continuity.reading(order[window_start : window_end + 1]) + edges

    best, bounds = score(first, last), (first, last)
    for a in range(max(0, first - 2), min(first + 3, last)):
        for b in range(max(a + 1, last - 2), min(len(text_at), last + 3)):
            if score(a, b) > best:
                best, bounds = score(a, b), (a, b)
    return bounds


def restore_reversed(draft: Draft) -> Draft:
    """Find stretches of lines that read markedly better backwards; restore or flag them.

    A reversed stretch is put back in reading order (blank lines included, so headings and
    page gaps inside it stay apart) and recorded as a restored FlaggedRegion. A stretch with
    some but too little evidence is flagged unrestored, so nothing is generated from it.
    """
    if sum(1 for ln in draft.lines if not is_blank(ln.text)) < MIN_LINES_FLAGGED:
        return draft
    continuity = Continuity(draft.lines)  # reordering lines does not change what it learned
    for _ in range(MAX_BLOCKS):
        lines = draft.lines
        text_at = [i for i, ln in enumerate(lines) if not is_blank(ln.text)]
        texts = [lines[i].text for i in text_at]
        prose = [is_prose(t) for t in texts]
        gains = [
            continuity(b, a) - continuity(a, b) if prose[i] and prose[i + 1] else -BARRIER
            for i, (a, b) in enumerate(zip(texts, texts[1:]))
        ]
        restored = {(r.line, r.end_line) for r in draft.regions}
        score, first, last = best_stretch(gains)
        if score < MIN_FLAG:
            return draft
        first, last = best_bounds(lines, text_at, first, last + 1, continuity)
        block = lines[text_at[first] : text_at[last] + 1]
        span = (min(ln.no for ln in block), max(ln.no for ln in block))
        if span in restored:
            return draft
        notes = marker_numbers(block)
        notes_descend = len(notes) >= 2 and notes == sorted(notes, reverse=True)
        inside = gains[first:last]
        better, worse = sum(1 for g in inside if g > 0), sum(1 for g in inside if g < 0)
        # Page-break evidence at both cuts adds to the reading evidence.
        confidence = score + page_edge(lines, text_at, first) + page_edge(lines, text_at, last + 1)
        if (
            last - first + 1 >= MIN_LINES
            and confidence >= MIN_GAIN
            and (better >= MIN_BETTER * max(1, worse) or notes_descend)
        ):
            region = FlaggedRegion(
                *span, reason="reversed block: lines restored to reading order", restored=True
            )
            draft = replace(
                draft,
                lines=reversed_order(lines, text_at[first], text_at[last]),
                regions=[*draft.regions, region],
            )
        elif last - first + 1 >= MIN_LINES_FLAGGED and (
            better >= MIN_BETTER_FLAGGED * max(1, worse) or notes_descend
        ):
            region = FlaggedRegion(*span, reason="lines may be out of order", restored=False)
            return replace(draft, regions=[*draft.regions, region])
        else:
            return draft
    return draft
