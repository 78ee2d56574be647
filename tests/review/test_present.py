"""What the review pages show of a question: a cloze as the student sees it."""

from __future__ import annotations

from quizgen.models import Blank, Question, Source
from quizgen.review.present import student_view


def test_a_cloze_shows_its_gaps_and_hints_not_its_answers():
    question = Question(
        id="clz-1",
        type="cloze",
        prompt="The _____ met the _____.",
        answer="council; mayor",
        explanation="The council met the mayor.",
        sources=(Source("d.md", 1, "The council met the mayor."),),
        kind="definition",
        cloze=("The ", Blank("council"), " met the ", Blank("mayor", "an office"), "."),
    )
    assert student_view(question).prompt == "The _____ met the _____ (an office)."
