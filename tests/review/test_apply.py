"""What a build makes of the decisions: a table of states, and the teacher's versions."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from quizgen.bank import read_bank
from quizgen.errors import ConfigError
from quizgen.recipe import Recipe
from quizgen.review.apply import apply_decisions, edited, review_stage, state_of, summary_line
from quizgen.review.decisions import Decision, Edit, fact_hash, save_decisions

SMALL = Path(__file__).resolve().parents[1] / "roots" / "bank-small" / "bank.json"
STALE = "f" * 24


@pytest.fixture(scope="module")
def questions():
    return read_bank(SMALL).questions


def decision(question, status, fact=None, **more):
    return Decision(status=status, fact=fact or fact_hash(question), **more)


@pytest.mark.parametrize(
    ("status", "stale", "required", "state", "kept"),
    [
        (None, False, False, "pending", True),
        (None, False, True, "pending", False),
        ("approved", False, False, "approved", True),
        ("approved", False, True, "approved", True),
        ("edited", False, True, "edited", True),
        ("rejected", False, False, "rejected", False),
        ("approved", True, False, "changed", True),
        ("approved", True, True, "changed", False),
        ("rejected", True, False, "changed", True),  # decided on another fact: asked again
    ],
)
def test_states_and_what_reaches_the_outputs(questions, status, stale, required, state, kept):
    question = questions[0]
    decisions = {}
    if status:
        decisions[question.id] = decision(question, status, STALE if stale else None)
    assert state_of(question, decisions.get(question.id)) == state
    reviewed = apply_decisions([question], decisions, required)
    assert (question.id in {q.id for q in reviewed.questions}) == kept
    assert reviewed.counts[state] == 1 and sum(reviewed.counts.values()) == 1


def test_edited_question_keeps_its_id_and_replaces_distractors_in_place(questions):
    question = next(q for q in questions if q.type == "multiple_choice" and len(q.choices) >= 3)
    wrong = [c for c in question.choices if c != question.answer]
    the_edit = Edit(prompt="Which one?", distractors=["new first", *wrong[1:]])
    result = edited(question, the_edit)
    assert result.id == question.id and result.prompt == "Which one?"
    assert result.answer == question.answer
    assert result.choices == tuple("new first" if c == wrong[0] else c for c in question.choices)
    renamed = edited(question, Edit(answer="the right one"))
    assert renamed.choices.index("the right one") == question.choices.index(question.answer)


def test_answer_is_edited_only_where_it_is_free_text(questions):
    statement = next(q for q in questions if q.type == "true_false")
    assert edited(statement, Edit(answer="Maybe")).answer == statement.answer
    assert edited(statement, Edit(explanation="Because.")).explanation == "Because."


def test_build_summary_counts(questions):
    a, b, c = questions[:3]
    decisions = {
        a.id: decision(a, "edited", edit=Edit(prompt="New?")),
        b.id: decision(b, "rejected"),
        c.id: decision(c, "approved", STALE),
    }
    reviewed = apply_decisions(questions, decisions)
    assert summary_line(reviewed.counts) == (
        f"1 approved (1 edited), {len(questions) - 3} pending, 1 rejected, 1 changed since review"
    )
    assert next(q for q in reviewed.questions if q.id == a.id) == replace(a, prompt="New?")


def test_build_stage_writes_candidates_and_refuses_an_edit_the_bank_would_refuse(tmp_path):
    bank = read_bank(SMALL)
    recipe = Recipe(name="unit", path=tmp_path / "unit.yaml", title="Unit", sources=(), outputs={})
    question = next(q for q in bank.questions if q.type == "multiple_choice")
    good = {question.id: decision(question, "edited", edit=Edit(prompt="Which?"))}
    save_decisions(recipe.review_file, good)
    reviewed = review_stage(recipe, bank, tmp_path / "out" / "candidates.json")
    assert read_bank(tmp_path / "out" / "candidates.json").questions == bank.questions
    assert next(q for q in reviewed.questions if q.id == question.id).prompt == "Which?"
    # by hand: the answer given again as a distractor, so two choices are the same
    bad = Edit(distractors=[question.answer, question.answer, question.answer])
    save_decisions(recipe.review_file, {question.id: decision(question, "edited", edit=bad)})
    with pytest.raises(ConfigError) as caught:
        review_stage(recipe, bank, tmp_path / "out" / "candidates.json")
    assert str(caught.value).startswith(f"{recipe.review_file}: the edit of {question.id} ")
