"""Words broken by hyphenation, decided by the document's own words (lines of our own)."""

from __future__ import annotations

import pytest

from quizgen.ingest.clean.hyphens import join_spaced_hyphens, joins_without_hyphen, vocabulary
from quizgen.ingest.clean.segment import reflow
from quizgen.ingest.source import Line

from .conftest import make_draft, texts


def vocab(text: str):
    return vocabulary([Line(i + 1, t) for i, t in enumerate(text.split("\n"))])


@pytest.mark.parametrize(
    "left, right, document, joined",
    [
        ("gov", "ernment", "The government met.", True),  # the word is used elsewhere
        ("inter", "national", "Trade grew.", True),  # neither half is a word of the document
        ("well", "known", "A well-known keeper.", False),  # the compound is used elsewhere
        ("hard-to", "reach", "A coast.", False),  # the left half holds a hyphen already
        ("self", "governing", "A coast.", False),  # a prefix written with a hyphen
        ("decision", "making", "The decision was making news.", False),  # two words of the document
    ],
)
def test_line_end_hyphens(left, right, document, joined):
    assert joins_without_hyphen(left, right, vocab(document)) is joined


def test_fragments_are_not_words_of_the_document():
    words = vocab("the gov-\nernment met").words
    assert "gov" not in words and "ernment" not in words and "met" in words


def test_reflow_joins_a_hyphenated_word():
    lines = [Line(1, "The gov-"), Line(2, "ernment met. The government")]
    text, _ = reflow(lines, vocab("The gov-\nernment met. The government"))
    assert text == "The government met. The government"


@pytest.mark.parametrize(
    "given, expected",
    [
        ("The gov- ernment met. The government left.", "The government met. The government left."),
        ("In pre- and post-war years the pre- war", "In pre- and post-war years the pre- war"),
    ],
)
def test_spaced_hyphens_inside_a_line(given, expected):
    assert texts(join_spaced_hyphens(make_draft(given))) == [expected]
