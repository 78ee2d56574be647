"""What a build does with the teacher's decisions.

approved: the question as generated; edited: the teacher's version; rejected: left out;
no decision (pending) or a decision made on a fact that has changed since ("changed since
review"): the generated question, unless the recipe says `review: required`, when only
approved and edited questions reach the outputs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from ..errors import ConfigError
from ..models import Question
from .decisions import Decision, Edit, fact_hash, load_decisions

STATES = ("approved", "edited", "rejected", "pending", "changed")
# Parts a teacher may edit beyond the prompt and explanation, by question type.
EDITABLE_ANSWER = ("basic", "short_answer", "multiple_choice")
EDITABLE_ACCEPTED = ("basic", "short_answer")
EDITABLE_DISTRACTORS = ("multiple_choice",)


def state_of(question: Question, decision: Decision | None) -> str:
    """approved, edited, rejected, pending, or changed (decided on a fact that has changed)."""
    if decision is None:
        return "pending"
    if decision.fact != fact_hash(question):
        return "changed"
    return decision.status


def edited(question: Question, edit: Edit | None) -> Question:
    """The teacher's version: the parts they changed replaced, the id kept (so an Anki card
    keeps its history). Distractors replace a multiple-choice question's wrong choices in place."""
    if edit is None:
        return question
    changes: dict = {}
    if edit.prompt is not None:
        changes["prompt"] = edit.prompt
    if edit.explanation is not None:
        changes["explanation"] = edit.explanation
    if edit.accepted is not None and question.type in EDITABLE_ACCEPTED:
        changes["accepted"] = tuple(edit.accepted)
    answer = question.answer
    if edit.answer is not None and question.type in EDITABLE_ANSWER:
        answer = changes["answer"] = edit.answer
    if question.choices and (answer != question.answer or edit.distractors is not None):
        wrong = [c for c in question.choices if c != question.answer]
        given = list(edit.distractors) if edit.distractors is not None else wrong
        replacements = iter(given)
        choices = [
            answer if c == question.answer else next(replacements, None) for c in question.choices
        ]
        choices = [c for c in choices if c is not None] + list(replacements)
        changes["choices"] = tuple(choices)
    return replace(question, **changes) if changes else question


@dataclass(frozen=True)
class Reviewed:
    questions: tuple[Question, ...]  # what reaches the bank and the outputs
    counts: dict[str, int]  # state -> questions, over every question the build made


def apply_decisions(
    questions: Sequence[Question], decisions: Mapping[str, Decision], required: bool = False
) -> Reviewed:
    kept: list[Question] = []
    counts = dict.fromkeys(STATES, 0)
    for question in questions:
        decision = decisions.get(question.id)
        state = state_of(question, decision)
        counts[state] += 1
        if state == "rejected":
            continue
        if state in ("approved", "edited"):
            kept.append(edited(question, decision.edit if decision else None))
        elif not required:
            kept.append(question)
    return Reviewed(tuple(kept), counts)


def summary_line(counts: Mapping[str, int]) -> str:
    approved = counts.get("approved", 0) + counts.get("edited", 0)
    return (
        f"{approved} approved ({counts.get('edited', 0)} edited), {counts.get('pending', 0)} pending, "
        f"{counts.get('rejected', 0)} rejected, {counts.get('changed', 0)} changed since review"
    )


def review_stage(recipe, candidates, candidates_path) -> Reviewed:
    """The build's review step for a recipe file: write every question made (`candidates`,
    a Bank: what `quizgen review` shows), then apply the decisions beside the recipe.

    Raises QuizgenError naming the review file (and line) when it has a mistake, or when a
    hand edit makes a question the bank would refuse: the build stops rather than drop the
    teacher's work."""
    from ..bank import write_bank
    from ..bank.schema import question_problems

    decisions = load_decisions(recipe.review_file)
    write_bank(candidates, candidates_path)
    reviewed = apply_decisions(candidates.questions, decisions, recipe.review_required)
    documents = {d.name for d in candidates.documents}
    for question in reviewed.questions:
        if question.id in decisions and decisions[question.id].edit is not None:
            problems = question_problems(question.to_dict(), documents)
            if problems:
                raise ConfigError(
                    f"the edit of {question.id} makes a question the bank refuses: {problems[0]}",
                    str(recipe.review_file),
                )
    return reviewed
