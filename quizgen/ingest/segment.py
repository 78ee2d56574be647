"""Cleaned lines -> paragraphs -> sentences, each sentence mapped back to its original lines."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..models import Paragraph, Sentence
from .clean import MARKER, NOTE_CLOSE, NOTE_OPEN, Draft
from .source import Line

# Abbreviations after which a period does not end a sentence.
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "no", "nos", "vol", "pp", "p",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.g", "i.e", "gen", "gov", "sen", "rep", "inc", "ltd", "co", "corp", "avr",
    "fig", "ed", "eds", "cf", "al", "approx", "dept", "est", "gov't", "mt", "ft", "lt", "col", "capt",
}
_NOTES = f"(?:{NOTE_OPEN}\\d+{NOTE_CLOSE})*"
# End punctuation, closing quotes/brackets, footnote markers, then a space and a capital,
# digit or opening quote.
SENTENCE_END = re.compile(f"""[.!?…]["”’)\\]]*{_NOTES}(?=\\s+[\\"“‘(\\[]?[A-Z0-9])""")


# Text that runs on without sentence punctuation (a table flattened to text, a bad OCR page)
# is cut into pieces of at most this many characters, at a clause mark or a space, so that
# what a sentence costs downstream (regexes, the parser) stays bounded.
MAX_SENTENCE_CHARS = 1000
SPACE = re.compile(r"\s+")

SLACK = 12  # how far a cleaned column may sit from the original one (stripped spaces, markers)


@dataclass(frozen=True)
class Piece:
    """A stretch of reflowed paragraph text and the original line it came from."""

    start: int  # offset in the paragraph text
    line: Line


def reflow(lines: list[Line]) -> tuple[str, list[Piece]]:
    """Join hard-wrapped lines into one paragraph string; keep real hyphens at line ends."""
    text, pieces = "", []
    for ln in lines:
        part = ln.text.strip()
        if not part:
            continue
        if text:
            # A line ending in a hyphen after a letter is a compound split at the wrap:
            # keep the hyphen, drop the space ("hard-to-" + "reach").
            if not (text.endswith("-") and text[-2:-1].isalpha() and part[:1].isalpha()):
                text += " "
        pieces.append(Piece(len(text), ln))
        text += part
    return text, pieces


def line_at(pieces: list[Piece], starts: list[int], offset: int) -> Line:
    return pieces[max(0, bisect_right(starts, offset) - 1)].line


def is_sentence_end(text: str, start: int, match: re.Match) -> bool:
    """False after an abbreviation ('Sept.', 'U.S.'), an initial ('F.') or a list number ('2.')."""
    if text[match.start()] != ".":
        return True
    head = MARKER.sub("", text[start:match.start()])
    words = head.split()
    token = words[-1].lstrip("“\"‘([").lower() if words else ""
    if token in ABBREVIATIONS or re.fullmatch(r"[a-z]", token):
        return False
    # '2. Build a new ...': a section or list number opening the text.
    return not (token.isdigit() and len(words) == 1)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans by punctuation, skipping abbreviations, initials and list numbers."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        if not is_sentence_end(text, start, match):
            continue
        spans.append((start, match.end()))
        start = match.end()
        while start < len(text) and text[start] == " ":
            start += 1
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text)))
    return [piece for span in spans for piece in bounded(text, *span)]


def bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span cut into pieces of at most MAX_SENTENCE_CHARS, after a clause mark (;:,) in the
    second half of a piece when there is one, else at its last space."""
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        window = text[start:start + MAX_SENTENCE_CHARS]
        spaces = [m for m in SPACE.finditer(window) if m.start() > 0]
        after_clause = [m for m in spaces if m.start() > MAX_SENTENCE_CHARS // 2 and window[m.start() - 1] in ";:,"]
        cut = (after_clause or spaces)[-1].end() if spaces else MAX_SENTENCE_CHARS
        pieces.append((start, start + cut))
        start += cut
    pieces.append((start, end))
    return pieces


def column_in(original: str, sentence: str, near: int = 0) -> int:
    """Where the sentence starts in its original line (the line may have been tidied).

    `near` is the column in the cleaned line; searching from a little before it keeps a
    phrase that occurs twice in the line from being found at the wrong place.
    """
    for size in (24, 12, 6, 3):
        probe = sentence[:size]
        if not probe:
            break
        found = original.find(probe, max(0, near - SLACK))
        if found < 0:
            found = original.find(probe)
        if found >= 0:
            return found
    return max(0, len(original) - len(original.lstrip()))


def make_sentences(text: str, pieces: list[Piece], index: int, where: "Origin", unreliable: bool) -> tuple[str, tuple[Sentence, ...]]:
    """Split a paragraph (still holding footnote markers) into Sentences without markers."""
    starts = [p.start for p in pieces]
    sentences = []
    for start, end in split_sentences(text):
        raw = text[start:end]
        notes = tuple(int(n) for n in MARKER.findall(raw))
        clean = MARKER.sub("", raw).strip()
        if not clean:
            continue
        piece = pieces[max(0, bisect_right(starts, start) - 1)]
        first, last = piece.line, line_at(pieces, starts, end - 1)
        sentences.append(Sentence(
            text=clean, line=first.no, end_line=last.no, offset=where.offset(first.no, clean, start - piece.start),
            paragraph=index, footnotes=notes, unreliable=unreliable,
        ))
    return MARKER.sub("", text), tuple(sentences)


class Origin:
    """The original file's lines, to turn (line, sentence) into a character offset."""

    def __init__(self, draft: Draft):
        self.offsets = draft.raw.line_offsets
        self.lines = {ln.no: ln.text for ln in draft.raw.lines}

    def offset(self, line_no: int, sentence: str, near: int = 0) -> int:
        base = self.offsets[line_no - 1] if 0 < line_no <= len(self.offsets) else 0
        return base + column_in(self.lines.get(line_no, ""), sentence, near)


def blocks(draft: Draft) -> list[list[Line]]:
    """Runs of non-blank lines; consecutive heading lines (a wrapped heading) are a block of their own."""
    out: list[list[Line]] = []
    current: list[Line] = []
    for ln in draft.lines:
        if not ln.text.strip():
            if current:
                out.append(current)
            current = []
            continue
        is_heading = ln.no in draft.headings
        if current and (current[0].no in draft.headings) != is_heading:
            out.append(current)
            current = []
        current.append(ln)
    if current:
        out.append(current)
    return out


def build_paragraphs(draft: Draft) -> list[Paragraph]:
    distrusted = [(r.line, r.end_line) for r in draft.regions if not r.restored]
    where = Origin(draft)
    paragraphs: list[Paragraph] = []
    heading: str | None = None

    def add(lines: list[Line], kind: str) -> None:
        nonlocal heading
        text, pieces = reflow(lines)
        if not text:
            return
        index = len(paragraphs)
        first, last = min(ln.no for ln in lines), max(ln.no for ln in lines)
        unreliable = any(a <= ln.no <= b for ln in lines for a, b in distrusted)
        if kind == "heading":
            text = MARKER.sub("", text)
            sentences = (Sentence(text=text, line=first, end_line=last,
                                  offset=where.offset(lines[0].no, text), paragraph=index, unreliable=unreliable),)
            heading = text
        else:
            text, sentences = make_sentences(text, pieces, index, where, unreliable)
        paragraphs.append(Paragraph(
            index=index, kind=kind, text=text, line=first, end_line=last, sentences=sentences,
            heading=heading if kind == "body" else None, unreliable=unreliable,
        ))

    for block in blocks(draft):
        add(block, "heading" if block[0].no in draft.headings else "body")
    for aside in draft.asides:
        add(aside, "aside")
    return paragraphs

