"""Plain text, including text extracted from PDF (hard-wrapped, footnotes between pages)."""

from __future__ import annotations

import hashlib

from ..decode import decode
from ..source import Line, RawText


def split_lines(text: str, first_no: int = 1) -> tuple[Line, ...]:
    return tuple(Line(first_no + i, t) for i, t in enumerate(text.split("\n")))


def line_offsets(text: str) -> tuple[int, ...]:
    offsets, pos = [], 0
    for line in text.split("\n"):
        offsets.append(pos)
        pos += len(line) + 1
    return tuple(offsets)


def looks_hard_wrapped(lines: tuple[Line, ...]) -> bool:
    """PDF-extracted text: many lines of similar width that end mid-sentence."""
    body = [ln.text.rstrip() for ln in lines if ln.text.strip()]
    if len(body) < 8:
        return False
    wrapped = sum(
        1 for t in body if 40 <= len(t) <= 110 and not t.endswith((".", "?", "!", ":", "”", '"'))
    )
    return wrapped / len(body) > 0.4


class TextReader:
    name = "text"
    suffixes = (".txt", ".text")

    def sniff(self, head: bytes) -> bool:
        return False

    def read(self, path: str, data: bytes, settings) -> RawText:
        text = decode(data, path).replace("\r\n", "\n").replace("\r", "\n")
        lines = split_lines(text)
        return RawText(
            path=path,
            checksum=hashlib.sha256(data).hexdigest(),
            reader=self.name,
            layout="pdf" if looks_hard_wrapped(lines) else "plain",
            lines=lines,
            line_offsets=line_offsets(text),
        )
