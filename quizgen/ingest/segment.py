"""Cleaned lines -> paragraphs -> sentences, each sentence mapped back to its original lines."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Paragraph, Sentence
from .clean import NOTE_CLOSE, NOTE_OPEN, Draft
from .source import Line

MARKER = re.compile(f"{NOTE_OPEN}(\\d+){NOTE_CLOSE}")

# Abbreviations after which a period does not end a sentence.
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "no", "nos", "vol", "pp", "p",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.g", "i.e", "gen", "gov", "sen", "rep", "inc", "ltd", "co", "corp", "avr",
    "fig", "ed", "eds", "cf", "al",
}
SENTENCE_END = re.compile(r"""[.!?…]["”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])""")


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
            # keep the hyphen, drop the space ("once-in-a-" + "century").
            if not (re.search(r"[A-Za-z]-$", text) and part[:1].isalpha()):
                text += " "
        pieces.append(Piece(len(text), ln))
        text += part
    return text, pieces


def line_at(pieces: list[Piece], offset: int) -> Line:
    current = pieces[0].line
    for piece in pieces:
        if piece.start > offset:
            break
        current = piece.line
    return current


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans by punctuation, skipping abbreviations and initials ('F. Engels')."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        end = match.end()
        word = re.search(r"([\w.]+)[.!?…]?[\"”’)\]]*$", text[start:end])
        token = word.group(1).lower().rstrip(".") if word else ""
        if text[match.start()] == "." and (token in ABBREVIATIONS or re.fullmatch(r"[a-z]", token)):
            continue
        spans.append((start, end))
        start = end
        while start < len(text) and text[start] == " ":
            start += 1
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text)))
    return spans


def make_sentences(text: str, pieces: list[Piece], index: int, offsets: tuple[int, ...], unreliable: bool) -> tuple[str, tuple[Sentence, ...]]:
    """Split a paragraph (still holding footnote markers) into Sentences without markers."""
    sentences = []
    for start, end in split_sentences(text):
        raw = text[start:end]
        notes = tuple(int(n) for n in MARKER.findall(raw))
        clean = MARKER.sub("", raw).strip()
        if not clean:
            continue
        first, last = line_at(pieces, start), line_at(pieces, end - 1)
        column = max(0, first.text.find(MARKER.sub("", raw)[:12].strip()))
        base = offsets[first.no - 1] if first.no - 1 < len(offsets) else 0
        sentences.append(Sentence(
            text=clean, line=first.no, end_line=last.no, offset=base + column,
            paragraph=index, footnotes=notes, unreliable=unreliable,
        ))
    return MARKER.sub("", text), tuple(sentences)


def blocks(draft: Draft) -> list[list[Line]]:
    """Runs of non-blank lines; a heading line is a block of its own."""
    out: list[list[Line]] = []
    current: list[Line] = []
    for ln in draft.lines:
        if ln.no in draft.headings:
            if current:
                out.append(current)
            out.append([ln])
            current = []
        elif ln.text.strip():
            current.append(ln)
        elif current:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def build_paragraphs(draft: Draft) -> list[Paragraph]:
    offsets = draft.raw.line_offsets
    distrusted = [(r.line, r.end_line) for r in draft.regions if not r.restored]
    paragraphs: list[Paragraph] = []
    heading: str | None = None

    def add(lines: list[Line], kind: str) -> None:
        nonlocal heading
        text, pieces = reflow(lines)
        if not text:
            return
        index = len(paragraphs)
        first, last = min(ln.no for ln in lines), max(ln.no for ln in lines)
        unreliable = any(a <= first <= b or a <= last <= b for a, b in distrusted)
        text, sentences = make_sentences(text, pieces, index, offsets, unreliable)
        if kind == "heading":
            heading = text
        paragraphs.append(Paragraph(
            index=index, kind=kind, text=text, line=first, end_line=last, sentences=sentences,
            heading=None if kind == "heading" else heading, unreliable=unreliable,
        ))

    for block in blocks(draft):
        add(block, "heading" if block[0].no in draft.headings else "body")
    for aside in draft.asides:
        add(aside, "aside")
    return paragraphs
