"""`quizgen sample`: a seeded, printable sample of a bank."""

from __future__ import annotations

from pathlib import Path

from quizgen.bank import read_bank
from quizgen.bank.review import describe, sample

SMALL = Path(__file__).resolve().parents[1] / "roots" / "bank-small" / "bank.json"


def test_same_seed_same_sample_and_other_seeds_differ():
    bank = read_bank(SMALL)
    first = [q.id for q in sample(bank, 4, seed=1)]
    assert first == [q.id for q in sample(bank, 4, seed=1)]
    assert len(first) == 4 and first == sorted(first)
    assert any([q.id for q in sample(bank, 4, seed=s)] != first for s in range(2, 8))


def test_asking_for_more_than_the_bank_gives_all():
    bank = read_bank(SMALL)
    assert len(sample(bank, 100, seed=0)) == len(bank.questions)


def test_description_shows_choices_answer_and_source():
    bank = read_bank(SMALL)
    question = next(q for q in bank.questions if q.type == "multiple_choice")
    text = describe(question, 1, 1)
    assert "multiple_choice" in text and question.prompt in text
    assert f"*a) {question.answer}" in text  # the correct choice is marked
    assert f"{question.sources[0].document}:{question.sources[0].line}" in text
    pairs = describe(next(q for q in bank.questions if q.type == "matching"), 1, 1)
    assert "=>" in pairs
