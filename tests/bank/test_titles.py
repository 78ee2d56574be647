"""A document's title always reads as a title (quizgen/bank/titles.py): metadata, the first
heading, else the first sentence's leading words; never only a hash-named file."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.bank.titles import document_title, is_file_name, leading_words
from quizgen.models import Document, Paragraph, Sentence

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def document(
    metadata: dict, *paragraphs: tuple[str, str], name: str = "000_c1ec01a15002abb6.txt"
) -> Document:
    made = []
    for index, (kind, text) in enumerate(paragraphs):
        sentences = (Sentence(text, index + 1, index + 1, 0, index),) if kind == "body" else ()
        made.append(Paragraph(index, kind, text, index + 1, index + 1, sentences))  # type: ignore[arg-type]
    return Document(
        path=name, name=name, format="text", checksum="0", metadata=metadata, paragraphs=tuple(made)
    )


BODY = (
    "body",
    "The international community is undergoing a profound transformation unseen in nearly one "
    "hundred years.",
)


@pytest.mark.parametrize(
    "metadata, paragraphs, title",
    [
        (
            {"title": "Building a New Model"},
            [("heading", "Introduction"), BODY],
            "Building a New Model",
        ),
        (
            {},
            [("heading", "How a River Town Learned to Govern Itself"), BODY],
            "How a River Town Learned to Govern Itself",
        ),
        ({}, [BODY], "The international community is undergoing a profound transformation …"),
        (
            {},
            [BODY, ("heading", "Fairness and justice as core principles")],
            "The international community is undergoing a profound transformation …",
        ),  # a section heading further down
        (
            {"title": "000_c1ec01a15002abb6.txt"},
            [BODY],
            "The international community is undergoing a profound transformation …",
        ),
        (
            {"title": "Microsoft Word - draft3.docx"},
            [("heading", "Real Title"), BODY],
            "Real Title",
        ),
        ({"title": "   "}, [("body", "Short one.")], "Short one"),
    ],
)
def test_document_title(metadata, paragraphs, title):
    assert document_title(document(metadata, *paragraphs)) == title


@pytest.mark.parametrize(
    "text, name, is_file",
    [
        ("000_c1ec01a15002abb6.txt", "000_c1ec01a15002abb6.txt", True),
        ("000_c1ec01a15002abb6", "000_c1ec01a15002abb6.txt", True),
        ("report.pdf", "other.pdf", True),
        ("12345", "x.txt", True),
        ("Socialism with Chinese Characteristics", "004_1f8c483a5981ce7e.txt", False),
    ],
)
def test_is_file_name(text, name, is_file):
    assert is_file_name(text, name) is is_file


def test_leading_words_cut_with_an_ellipsis():
    assert leading_words("One two three.") == "One two three"
    assert leading_words("a b c d e f g h i j", 4) == "a b c d …"


def test_every_corpus_document_gets_a_title():
    """The corpus's first document has no title, no heading and a hash for a name."""
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus is not there")
    from quizgen.ingest import load_document

    for path in sorted(corpus.glob("*.txt")):
        title = document_title(load_document(path))
        assert title and not is_file_name(title, path.name), path.name
        assert path.stem not in title
