"""Basic cards: a term's meaning, a list's members, an event's date, a quote's speaker."""
from __future__ import annotations

from quizgen.generate import generate_questions

from .conftest import SETTINGS


def test_basic_cards(garden):
    doc, items = garden
    prompts = {q.prompt: q.answer for q in generate_questions([(doc, items)], SETTINGS, ["basic"]).questions}
    assert prompts["What are the four seasons?"] == "spring, summer, autumn and winter"
    assert prompts["What is meant by mulching?"] == "Covering bare soil with a layer of straw or bark"
    assert prompts["In what year did this happen: the railway reached the valley?"] == "1901"
    assert prompts["Who said: “A garden is a lesson in patience that never ends”?"] == "Ana Silva"
