"""Helpers for cleaning tests: a Draft or Document from a small string of our own."""

from __future__ import annotations

import hashlib

import pytest

from quizgen.ingest.clean import Draft, clean
from quizgen.ingest.readers.text import line_offsets, split_lines
from quizgen.ingest.source import RawText


def raw_text(text: str, layout: str = "pdf", metadata: dict | None = None) -> RawText:
    return RawText(
        path="sample.txt",
        checksum=hashlib.sha256(text.encode()).hexdigest(),
        reader="text",
        layout=layout,
        lines=split_lines(text),
        metadata=dict(metadata or {}),
        line_offsets=line_offsets(text),
    )


def make_draft(text: str, layout: str = "pdf", **fields) -> Draft:
    raw = raw_text(text, layout)
    return Draft(raw=raw, lines=list(raw.lines), metadata=dict(raw.metadata), **fields)


def texts(draft: Draft) -> list[str]:
    return [ln.text for ln in draft.lines]


@pytest.fixture
def cleaned():
    """Clean a string the way `quizgen ingest` cleans a file."""
    return lambda text, layout="pdf": clean(raw_text(text, layout))
