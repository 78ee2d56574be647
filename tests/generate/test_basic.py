"""Basic cards: a term's meaning, a list's members, an event's date, a quote's speaker."""

from __future__ import annotations

import pytest

from quizgen.generate import generate_questions
from quizgen.generate.basic import meaning_question
from quizgen.models import Definition, Provenance

from .conftest import SETTINGS


def test_basic_cards(garden):
    doc, items = garden
    prompts = {
        q.prompt: q.answer
        for q in generate_questions([(doc, items)], SETTINGS, ["basic"]).questions
    }
    assert prompts["What are the four seasons of the year?"] == "spring, summer, autumn and winter"
    assert (
        prompts["What is meant by mulching?"] == "Covering bare soil with a layer of straw or bark"
    )
    assert prompts["In what year did the railway reach the valley?"] == "1901"
    assert prompts["Who said “A garden is a lesson in patience that never ends”?"] == "Ana Silva"


@pytest.mark.parametrize(
    ("term", "definition", "sentence", "prompt", "answer"),
    [
        (
            "soil erosion",
            "the loss of soil by wind",
            "Soil erosion is the loss of soil by wind.",
            "What is meant by soil erosion?",
            "The loss of soil by wind",
        ),
        # the article the sentence gives the term stays
        (
            "key to a good harvest",
            "rain in spring",
            "The key to a good harvest is rain in spring.",
            "What is meant by the key to a good harvest?",
            "Rain in spring",
        ),
        # a definition that opens with a verb is asked with that verb, not "What is meant by"
        (
            "cooperative",
            "involves the shared use of tools",
            "The term “cooperative” involves the shared use of tools.",
            "What does the term “cooperative” involve?",
            "The shared use of tools",
        ),
        (
            "crop rotation",
            "requires a plan for every field",
            "Crop rotation requires a plan for every field.",
            "What does crop rotation require?",
            "A plan for every field",
        ),
    ],
)
def test_meaning_questions_read_as_sentences(term, definition, sentence, prompt, answer):
    item = Definition(term, definition, Provenance("garden.md", sentence, 1, 1))
    assert meaning_question(item) == (prompt, answer)
