"""Matching: 4-6 unambiguous pairs per question, from one document."""

from __future__ import annotations

from dataclasses import replace

from quizgen.generate import generate_questions

from .conftest import SETTINGS


def matching(doc, items):
    return generate_questions([(doc, items)], SETTINGS, ["matching"]).questions


def test_one_question_per_kind_with_unique_sides(garden):
    doc, items = garden
    questions = {q.kind: q for q in matching(doc, items)}
    assert set(questions) == {"quote", "definition", "date"}
    for question in questions.values():
        lefts, rights = zip(*question.pairs)
        assert 4 <= len(question.pairs) <= 6
        assert len(set(lefts)) == len(lefts) and len(set(rights)) == len(rights)
        assert sorted(question.choices) == sorted(rights)
    assert ("Maria Lopez", "“We must plant trees before we need their shade”") in questions[
        "quote"
    ].pairs
    assert ("The town hall burned down", "4 May 1950") in questions["date"].pairs
    assert questions["definition"].level == "understand"


def test_a_second_quote_by_the_same_speaker_is_left_out(garden):
    doc, items = garden
    quotes = [i for i in items if i.kind == "quote"]
    again = replace(
        quotes[1], speaker="Maria Lopez", text="Roads and trees both take a generation to grow"
    )
    question = [q for q in matching(doc, quotes + [again]) if q.kind == "quote"][0]
    assert [left for left, _ in question.pairs].count("Maria Lopez") == 1


def test_fewer_than_four_pairs_is_no_question(garden):
    doc, items = garden
    assert matching(doc, [i for i in items if i.kind == "quote"][:3]) == ()
