"""Generation on the real corpus: invariants a teacher relies on, whatever the extractors find."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.config import Settings
from quizgen.generate import generate_questions
from quizgen.generate.gate import check

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"


@pytest.fixture(scope="module")
def corpus_sources():
    documents = sorted(CORPUS.glob("*.txt"))
    if not documents:
        pytest.skip(f"no corpus documents in {CORPUS}")
    from quizgen.extract import extract_document
    from quizgen.ingest import load_document

    settings = Settings()
    loaded = [load_document(str(path), settings) for path in documents]
    return [(doc, extract_document(doc, settings)) for doc in loaded]


def test_corpus_questions_are_deterministic_unique_and_pass_the_gate(corpus_sources):
    settings = Settings()
    first = generate_questions(corpus_sources, settings)
    again = generate_questions(list(reversed(corpus_sources)), settings)
    assert first == again
    ids = [q.id for q in first.questions]
    assert ids == sorted(set(ids))
    documents = {doc.name: doc for doc, _ in corpus_sources}
    kept, rejected = check(first.questions, documents, settings)
    assert rejected == []
    for question in first.questions:
        if question.type == "multiple_choice":
            assert len(set(question.choices)) == 4 and question.answer in question.choices
        if question.type in {"matching", "ordering"}:
            assert 4 <= len(question.pairs or question.sequence) <= 6
        assert all(" " not in tag for tag in question.tags)
    if any(items for _, items in corpus_sources):
        assert first.questions, "items were found but no question survived"
