"""The readers and the cleaner on awkward text: a Document or a QuizgenError, never another exception or a hang."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.config import Settings
from quizgen.errors import IngestError, QuizgenError
from quizgen.ingest.clean import clean
from quizgen.ingest.readers import choose_reader
from quizgen.models import Document

from .strategies import awkward_text, front_matter

SETTINGS = Settings()
LIMITS = settings(
    max_examples=80,
    deadline=None,  # no test times anything: a shared machine makes any limit flaky
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def read_and_clean(name: str, data: bytes) -> Document | None:
    """The real reader chosen for this name and content, then the cleaner; None when refused properly."""
    try:
        raw = choose_reader(Path(name), data[:4096]).read(name, data, SETTINGS)
        return clean(raw)
    except QuizgenError as exc:
        assert name in str(exc), f"the error does not name the file: {exc}"
        return None


def check(document: Document | None, text: str) -> None:
    if document is None:
        return
    json.dumps(document.to_dict())  # the cache and `quizgen ingest --json` need it JSON-ready
    last_line = text.count("\n") + text.count("\r") + 2
    for sentence in document.sentences:
        assert 1 <= sentence.line <= sentence.end_line <= last_line, sentence


@LIMITS
@given(text=awkward_text(), name=st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_any_text_is_cleaned_or_refused(text, name):
    check(read_and_clean(name, text.encode("utf-8")), text)


@LIMITS
@given(text=front_matter())
def test_any_front_matter_is_read_or_refused(text):
    check(read_and_clean("a.md", text.encode("utf-8")), text)


def test_a_self_referencing_front_matter_alias_is_refused():
    with pytest.raises(IngestError, match=r"aliases \(\*name\) are not allowed"):
        choose_reader(Path("a.md"), b"---").read(
            "a.md",
            b"---\na: &a [*a]\n---\nThe delta is a landform at the mouth of a river.\n",
            SETTINGS,
        )


def test_an_impossible_front_matter_date_is_refused():  # found by fuzz/fuzz_ingest.py
    with pytest.raises(IngestError, match="broken front matter"):
        choose_reader(Path("a.md"), b"---").read(
            "a.md",
            b"---\ndate: 2021-03-00\n---\nThe delta is a landform at the mouth of a river.\n",
            SETTINGS,
        )


@settings(max_examples=40, deadline=None)
@given(data=st.binary(max_size=2000), name=st.sampled_from(["a.txt", "a.md", "a.html", "a.pdf"]))
def test_any_bytes_are_read_or_refused(data, name):
    read_and_clean(name, data)


def test_a_ten_megabyte_single_line_is_cleaned():
    """Run once: 10 MB without a line break, the shape of a text pasted from a web page."""
    sentence = "The delta is the landform where a river meets the sea, and “it moves” every year. "
    line = (sentence * (10_000_000 // len(sentence) + 1))[:10_000_000]
    document = read_and_clean("one-line.txt", line.encode("utf-8"))
    # Cut into sentences no longer than the segmenter's bound (a quadratic step would not end).
    assert document is not None and len(document.sentences) > 10_000
