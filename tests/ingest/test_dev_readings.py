"""The development readings (../shared/eval/dev/docs), cleaned: what must never reach body text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quizgen.ingest import load_document

DEV = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "dev" / "docs"
FILES = sorted(DEV.glob("*")) if DEV.is_dir() else []

pytestmark = pytest.mark.skipif(not FILES, reason=f"dev readings not found at {DEV}")


@pytest.fixture(scope="module")
def documents():
    return {f.name: load_document(f) for f in FILES}


def test_marks_cover_exactly_the_words_the_source_emphasised(documents):
    for name, doc in documents.items():
        source = (DEV / name).read_text(encoding="utf-8")
        for sentence in doc.sentences:
            for mark in sentence.marks:
                words = sentence.text[mark.start : mark.end]
                assert 0 <= mark.start < mark.end <= len(sentence.text)
                delimiters = ("**", "__") if mark.kind == "strong" else ("*", "_")
                assert any(f"{d}{words}{d}" in source for d in delimiters), (name, words)


BODY_NEVER = [
    re.compile(r"\[\d{1,3}\]|\[citation needed\]"),  # reference markers
    re.compile(r"\]\]"),  # caption remnants
    re.compile(r"^(?:Figure|Table) \d+(?:\.\d+)*\s+[A-Z]"),  # captions
    re.compile(r"\*\*|(?<!\w)_\w[^_]*_(?!\w)"),  # Markdown emphasis
    re.compile(r"<\w+=\""),  # pseudo-tags
    re.compile(r"\(credit: "),  # image credits
]


def test_nothing_of_the_kind_reaches_body_text(documents):
    for name, doc in documents.items():
        for paragraph in doc.paragraphs:
            if paragraph.kind != "body":
                continue
            for sentence in paragraph.sentences:
                for pattern in BODY_NEVER:
                    assert not pattern.search(sentence.text), (
                        name,
                        pattern.pattern,
                        sentence.text[:80],
                    )


def test_reference_sections_are_gone(documents):
    for doc in documents.values():
        headings = {p.text.lower() for p in doc.paragraphs if p.kind == "heading"}
        assert not headings & {
            "references",
            "notes",
            "see also",
            "further reading",
            "external links",
        }


def test_pseudo_tags_are_metadata(documents):
    speeches = [
        doc for doc in documents.values() if doc.metadata.get("date") and doc.format == "text"
    ]
    assert speeches and all(
        re.fullmatch(r"\d{4}(?:-\d\d){0,2}", doc.metadata["date"]) for doc in speeches
    )
