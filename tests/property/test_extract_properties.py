"""Every extractor, on the blank pipeline, over awkward cleaned text: plain items or a QuizgenError."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from quizgen.config import Settings
from quizgen.errors import QuizgenError
from quizgen.extract import EXTRACTORS
from quizgen.extract.nlp import load_pipeline
from quizgen.ingest.clean import clean
from quizgen.ingest.readers import choose_reader
from quizgen.models import item_to_dict

from .strategies import WORDS, awkward_text

SETTINGS = Settings.model_validate({"extract": {"pipeline": "blank"}})
# Sentences shaped like what the rules look for, so the extractors get past their cheap filters.
SHAPED = st.sampled_from(
    [
        "The plan has three parts: {a}, {b} and {c}.",
        "A {a} is a {b} that {c}.",
        "{a} means {b}.",
        "In March 1927, {a} {b}.",
        "From 1990 to 1995 {a} {b} {c}.",
        '"{a} {b} {c} {a} {b} {c} {a} {b}," said {c}.',
        "“{a} {b} {c} {a} {b} {c} {a} {b} {c}” — {a}, {b} of {c}.",
        "{a}, {b}, {c}, {a}, and {b} are {c}.",
    ]
)


@st.composite
def shaped_text(draw) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 8))):
        filler = draw(
            st.lists(st.one_of(WORDS, awkward_text().map(lambda t: t[:40])), min_size=3, max_size=3)
        )
        lines.append(draw(SHAPED).format(a=filler[0], b=filler[1], c=filler[2]))
    return "\n".join(lines) + "\n" + draw(awkward_text())


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("blank")


@settings(
    max_examples=50,
    deadline=None,  # no test times anything: a shared machine makes any limit flaky
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(text=st.one_of(shaped_text(), awkward_text()), name=st.sampled_from(["a.txt", "a.md"]))
@example(
    text="\n" + "river 1927 river" * 2000, name="a.txt"
)  # once quadratic: each year searched the whole line
def test_every_extractor_gives_plain_items_or_refuses(nlp, text, name):
    data = text.encode("utf-8")
    try:
        document = clean(choose_reader(Path(name), data[:4096]).read(name, data, SETTINGS))
    except QuizgenError:
        return
    last_line = text.count("\n") + text.count("\r") + 2
    for kind, extract in EXTRACTORS.items():
        try:
            items = list(extract(document, nlp, SETTINGS))
        except QuizgenError:
            continue
        for item in items:
            assert item.kind == kind
            assert item.source.document == name and 1 <= item.source.line <= last_line
            item_to_dict(item)
