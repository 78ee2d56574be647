"""Cleaned lines -> paragraphs -> sentences, each sentence mapped back to its original lines."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ...models import Mark, Paragraph, Sentence
from ...util.dates import MONTH_ABBREVIATIONS
from ..source import Line
from . import (
    EMPHASIS,
    EMPHASIS_CLOSE,
    EMPHASIS_OPEN,
    MARKER,
    NOTE_CLOSE,
    NOTE_OPEN,
    Draft,
    without_inline_marks,
)
from .hyphens import LINE_END_FRAGMENT, Vocabulary, joins_without_hyphen, vocabulary

# Abbreviations after which a period does not end a sentence (and the months', from util.dates).
ABBREVIATIONS = MONTH_ABBREVIATIONS | {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "st",
    "jr",
    "sr",
    "vs",
    "etc",
    "no",
    "nos",
    "vol",
    "pp",
    "p",
    "u.s",
    "u.k",
    "u.n",
    "e.g",
    "i.e",
    "gen",
    "gov",
    "sen",
    "rep",
    "inc",
    "ltd",
    "co",
    "corp",
    "avr",
    "fig",
    "ed",
    "eds",
    "cf",
    "al",
    "approx",
    "dept",
    "est",
    "gov't",
    "mt",
    "ft",
    "lt",
    "col",
    "capt",
}
_NOTES = f"(?:{NOTE_OPEN}\\d+{NOTE_CLOSE}|[{EMPHASIS_CLOSE}])*"
# End punctuation, closing quotes/brackets, footnote markers (and emphasis ends), then a
# space and a capital, digit or opening quote (emphasis may open before it).
SENTENCE_END = re.compile(
    f"""[.!?…][{EMPHASIS_CLOSE}]*["”’)\\]]*{_NOTES}(?=\\s+[{EMPHASIS_OPEN}]*[\\"“‘(\\[]?[{EMPHASIS_OPEN}]*[A-Z0-9])"""
)
KIND_OF = {c: kind for kind, pair in EMPHASIS.items() for c in pair}
EMPHASIS_CHAR = re.compile(f"[{EMPHASIS_OPEN}{EMPHASIS_CLOSE}]")


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


def reflow(lines: list[Line], vocab: Vocabulary | None = None) -> tuple[str, list[Piece]]:
    """Join hard-wrapped lines into one paragraph string; words hyphenated at the margin are
    joined again ('gov-' + 'ernment'), real hyphens kept ('hard-to-' + 'reach'), see hyphens.py."""
    text, pieces = "", []
    for ln in lines:
        part = ln.text.strip()
        if not part:
            continue
        if text:
            if text.endswith("-") and text[-2:-1].isalpha() and part[:1].isalpha():
                fragment = LINE_END_FRAGMENT.search(text)
                # 'gov-' + 'ernment', 'GOV-' + 'ERNMENT': the second half in the case of the first
                same_case = part[:1].islower() or (
                    fragment is not None
                    and fragment.group(1).isupper()
                    and part.split()[0].isupper()
                )
                if (
                    vocab is not None
                    and fragment
                    and same_case
                    and joins_without_hyphen(fragment.group(1), part, vocab)
                ):
                    text = text[:-1]
            else:
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
    head = without_inline_marks(text[start : match.start()])
    words = head.split()
    token = words[-1].lstrip('“"‘([').lower() if words else ""
    if token in ABBREVIATIONS or re.fullmatch(r"[a-z]", token):
        return False
    # '2. Open a new ...': a section or list number opening the text.
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
        window = text[start : start + MAX_SENTENCE_CHARS]
        spaces = [m for m in SPACE.finditer(window) if m.start() > 0]
        after_clause = [
            m
            for m in spaces
            if m.start() > MAX_SENTENCE_CHARS // 2 and window[m.start() - 1] in ";:,"
        ]
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


def make_sentences(
    text: str, pieces: list[Piece], index: int, where: Origin, unreliable: bool
) -> tuple[str, tuple[Sentence, ...]]:
    """Split a paragraph (still holding footnote markers and emphasis) into Sentences without them."""
    starts = [p.start for p in pieces]
    sentences = []
    open_marks: dict[str, int] = {}  # emphasis still open at the end of the sentence before
    for start, end in split_sentences(text):
        raw = text[start:end]
        notes = tuple(int(n) for n in MARKER.findall(raw))
        clean, marks = take_marks(raw, open_marks)
        if not clean:
            continue
        piece = pieces[max(0, bisect_right(starts, start) - 1)]
        first, last = piece.line, line_at(pieces, starts, end - 1)
        sentences.append(
            Sentence(
                text=clean,
                line=first.no,
                end_line=last.no,
                offset=where.offset(first.no, clean, start - piece.start),
                paragraph=index,
                footnotes=notes,
                unreliable=unreliable,
                marks=marks,
            )
        )
    return without_inline_marks(text), tuple(sentences)


def take_marks(raw: str, open_marks: dict[str, int]) -> tuple[str, tuple[Mark, ...]]:
    """The sentence's text without markers and emphasis characters, and its emphasis as Marks.

    `open_marks` carries emphasis across sentences: one still open when a sentence ends
    covers the rest of it and goes on from the start of the next. A closing character
    without an opening one is dropped.
    """
    if not EMPHASIS_CHAR.search(raw):  # the usual case: no emphasis inside the sentence
        text = MARKER.sub("", raw).strip() if not raw.isascii() else raw.strip()
        return text, tuple(Mark(0, len(text), kind) for kind in sorted(open_marks) if text)
    out: list[str] = []
    size = 0
    spans: list[tuple[int, int, str]] = []
    for kind in open_marks:
        open_marks[kind] = 0
    for part in _pieces(raw):
        kind = KIND_OF.get(part)
        if kind is None:
            out.append(part)
            size += len(part)
        elif part in EMPHASIS_OPEN:
            open_marks.setdefault(kind, size)
        elif kind in open_marks:
            spans.append((open_marks.pop(kind), size, kind))
    spans += [(begin, size, kind) for kind, begin in open_marks.items()]
    text = "".join(out)
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    marks = []
    for begin, finish, kind in sorted(spans):
        begin, finish = max(0, begin - lead), min(len(text), finish - lead)
        while begin < finish and text[begin] == " ":  # '** bold**' never starts a mark on a space
            begin += 1
        while finish > begin and text[finish - 1] == " ":
            finish -= 1
        if begin < finish:
            marks.append(Mark(begin, finish, kind))
    return text, tuple(marks)


def _pieces(raw: str) -> list[str]:
    """Text runs and single emphasis characters, in order; note markers are left out."""
    raw = MARKER.sub("", raw)
    return [p for p in re.split(f"([{EMPHASIS_OPEN}{EMPHASIS_CLOSE}])", raw) if p]


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
        # A heading, a list item and a block quotation are each a paragraph of their own.
        if current and (
            (current[0].no in draft.headings) != is_heading
            or ln.no in draft.list_items
            or (current[-1].no in draft.block_quotes) != (ln.no in draft.block_quotes)
        ):
            out.append(current)
            current = []
        current.append(ln)
    if current:
        out.append(current)
    return out


def build_paragraphs(draft: Draft) -> list[Paragraph]:
    # A caption's region makes its aside unreliable, never the body text that shares its line.
    distrusted = {
        no
        for r in draft.regions
        if not r.restored and r.reason != "caption"
        for no in range(r.line, r.end_line + 1)
    }
    captions = {
        no for r in draft.regions if r.reason == "caption" for no in range(r.line, r.end_line + 1)
    }
    where = Origin(draft)
    # Only text with words hyphenated at a line end needs the document's vocabulary.
    vocab = vocabulary(draft.lines) if any(ln.text.endswith("-") for ln in draft.lines) else None
    paragraphs: list[Paragraph] = []
    heading: str | None = None

    def add(lines: list[Line], kind: str) -> None:
        nonlocal heading
        text, pieces = reflow(lines, vocab)
        if not text:
            return
        index = len(paragraphs)
        first, last = min(ln.no for ln in lines), max(ln.no for ln in lines)
        unreliable = any(ln.no in distrusted for ln in lines) or (
            kind == "aside" and any(ln.no in captions for ln in lines)
        )
        if kind == "heading":
            text = without_inline_marks(text)
            sentences = (
                Sentence(
                    text=text,
                    line=first,
                    end_line=last,
                    offset=where.offset(lines[0].no, text),
                    paragraph=index,
                    unreliable=unreliable,
                ),
            )
            heading = text
        else:
            text, sentences = make_sentences(text, pieces, index, where, unreliable)
        paragraphs.append(
            Paragraph(
                index=index,
                kind=kind,
                text=text,
                line=first,
                end_line=last,
                sentences=sentences,
                heading=heading if kind == "body" else None,
                unreliable=unreliable,
                list_item=draft.list_items.get(lines[0].no) if kind != "heading" else None,
                block_quote=kind != "heading" and all(ln.no in draft.block_quotes for ln in lines),
            )
        )

    for block in blocks(draft):
        add(block, "heading" if block[0].no in draft.headings else "body")
    for aside in draft.asides:
        add(aside, "aside")
    return paragraphs
