"""List recall: the prompt worded from the list's name and size."""

from __future__ import annotations

import pytest

from quizgen.generate import generate_questions
from quizgen.models import Enumeration, Provenance

from .conftest import SETTINGS, make_doc

HERE = Provenance("notes.md", "A sentence.", 3, 3)


@pytest.mark.parametrize(
    "label, members, prompt",
    [
        (
            "three deficits in world politics",
            ("trust deficit", "peace deficit", "growth deficit"),
            "Name the three deficits in world politics.",
        ),
        # A count alone, read where the sentence does not give it, names no list.
        ("two dangers", ("over-reach", "retreat"), None),
        (
            "global governance principles",
            ("wide talks", "joint work", "shared gains"),
            "Name the three global governance principles.",
        ),
        ("The goals of the plan", ("clean water", "safe roads"), "Name the two goals of the plan."),
    ],
)
def test_prompt(label, members, prompt):
    doc = make_doc("# Notes\n\nA sentence.\n", "notes.md")
    questions = generate_questions(
        [(doc, [Enumeration(label, members, HERE)])], SETTINGS, ["list_recall"]
    ).questions
    assert [q.prompt for q in questions] == ([prompt] if prompt else [])
    assert all(q.sequence == members for q in questions)
