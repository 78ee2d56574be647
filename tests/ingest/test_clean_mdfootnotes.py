"""Markdown footnotes: '[^label]' references become note markers, definitions become Footnotes."""

import pytest

from quizgen.ingest.clean import note_marker
from quizgen.ingest.clean.mdfootnotes import move_markdown_footnotes
from quizgen.models import Footnote

from .conftest import make_draft, texts


def n(number: int) -> str:
    return note_marker(number)


@pytest.mark.parametrize(
    "given, lines, footnotes",
    [
        # A numeric label keeps its number; the definition leaves the text.
        (
            "The mill opened.[^1] It ground oats.\n\n[^1]: Parish records, p. 4.",
            [f"The mill opened.{n(1)} It ground oats.", ""],
            [Footnote(1, "Parish records, p. 4.", 3)],
        ),
        # Named labels are numbered in order of first reference, not of definition.
        (
            "Boats came.[^boats] Carts came.[^carts]\n\n[^carts]: Road ledger.\n[^boats]: Harbour log.",
            [f"Boats came.{n(1)} Carts came.{n(2)}", ""],
            [Footnote(1, "Harbour log.", 4), Footnote(2, "Road ledger.", 3)],
        ),
        # A named label takes the first number no numeric label holds.
        (
            "Rain fell.[^1] Wind rose.[^wind] Snow came.[^2]\n\n[^1]: A.\n[^wind]: B.\n[^2]: C.",
            [f"Rain fell.{n(1)} Wind rose.{n(3)} Snow came.{n(2)}", ""],
            [Footnote(1, "A.", 3), Footnote(2, "C.", 5), Footnote(3, "B.", 4)],
        ),
        # A space before the reference goes with it; a second reference reuses the number.
        (
            "The bridge [^b] was rebuilt.\nThe bridge[^b] fell again.\n\n[^b]: Town minutes.",
            [f"The bridge{n(1)} was rebuilt.", f"The bridge{n(1)} fell again.", ""],
            [Footnote(1, "Town minutes.", 4)],
        ),
        # Indented continuation lines, also across a blank line, and lazy continuation.
        (
            "Tolls rose.[^1]\n\n[^1]: Ferry accounts,\n    volume two.\n\n    See also the toll board.\n[^2]: Mill book,\nfolio 9.",
            ["Tolls rose." + n(1), ""],
            [
                Footnote(1, "Ferry accounts, volume two. See also the toll board.", 3),
                Footnote(2, "Mill book, folio 9.", 7),
            ],
        ),
        # A reference to a label never defined points nowhere and is dropped.
        ("The well ran dry.[^x] Then it rained.", ["The well ran dry. Then it rained."], []),
        # Text without Markdown footnotes is left alone, brackets included.
        (
            "A list [a] and [^ not a note] and x[^]y.",
            ["A list [a] and [^ not a note] and x[^]y."],
            [],
        ),
    ],
)
def test_markdown_footnotes(given, lines, footnotes):
    draft = move_markdown_footnotes(make_draft(given, "markdown"))
    assert texts(draft) == lines
    assert sorted(draft.footnotes.values(), key=lambda f: f.number) == footnotes


def test_numbers_follow_footnotes_already_found():
    draft = make_draft(
        "More rain.[^later]\n\n[^later]: Diary.", "plain", footnotes={1: Footnote(1, "Ibid.", 9)}
    )
    draft = move_markdown_footnotes(draft)
    assert texts(draft)[0] == f"More rain.{n(2)}"
    assert draft.footnotes[2] == Footnote(2, "Diary.", 3)


@pytest.mark.parametrize("layout", ["markdown", "plain", "pdf"])
def test_sentences_link_to_markdown_footnotes(cleaned, layout):
    text = (
        "# The ferry\n\nThe town bought the ferry in 1890.[^deed] A ferry is a boat that carries people\n"
        "across a river.\n\n[^deed]: County deed book, p. 12.\n"
    )
    doc = cleaned(text, layout)
    assert all("[^" not in p.text for p in doc.paragraphs)
    assert doc.footnotes == (Footnote(1, "County deed book, p. 12.", 6),)
    sentences = [s for p in doc.paragraphs for s in p.sentences]
    assert [(s.text, s.footnotes) for s in sentences if s.footnotes] == [
        ("The town bought the ferry in 1890.", (1,))
    ]
