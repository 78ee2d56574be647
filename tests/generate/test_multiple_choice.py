"""Multiple choice: one answer, three fair distractors, seeded order."""

from __future__ import annotations

import re
from dataclasses import replace

from quizgen.generate import generate_questions
from quizgen.generate.distractors import also_correct
from quizgen.models import DatedEvent

from .conftest import GARDEN, SETTINGS, garden_items, make_doc


def mc(garden, settings=SETTINGS):
    doc, items = garden
    return generate_questions([(doc, items)], settings, ["multiple_choice"]).questions


def test_four_distinct_choices_exactly_one_right(garden):
    questions = mc(garden)
    # 15 items; the gate refuses "soil erosion" for 'the loss of ... soil ...': only the
    # answer would repeat a word of the prompt.
    assert len(questions) == 14
    for question in questions:
        assert len(question.choices) == 4 and question.choices.count(question.answer) == 1
        wrong = [c for c in question.choices if c != question.answer]
        assert not any(also_correct(c, [question.answer]) for c in wrong)


def test_list_distractors_are_never_members_of_the_list(garden):
    for question in mc(garden):
        if question.prompt.startswith("Which of these is one of the four seasons"):
            assert not {"spring", "summer", "autumn", "winter"} & (
                set(question.choices) - {question.answer}
            )


def test_date_options_have_the_answers_precision(garden):
    for question in mc(garden):
        if question.kind == "date":
            assert len({len(c.split()) for c in question.choices}) == 1, question.choices


def test_quote_options_are_people_quoted_elsewhere(garden):
    for question in mc(garden):
        if question.kind == "quote":
            assert set(question.choices) == {"Maria Lopez", "Tom Baker", "Ana Silva", "Paul Green"}


def test_answer_position_varies(garden):
    positions = {q.choices.index(q.answer) for q in mc(garden)}
    assert len(positions) >= 3


def test_too_few_fair_distractors_means_no_question():
    doc = make_doc(GARDEN, "g.md")
    quotes = [i for i in garden_items(doc) if i.kind == "quote"][:2]
    bare = SETTINGS.model_copy(
        update={"generate": SETTINGS.generate.model_copy(update={"distractor_vocabulary": []})}
    )
    assert generate_questions([(doc, quotes)], bare, ["multiple_choice"]).questions == ()


def test_a_range_gets_ranges_as_distractors(garden):
    doc, items = garden
    source = replace(
        items[0].source, sentence="The long drought dried the wells from 1921 to 1924."
    )
    span = DatedEvent("1921", "the long drought dried the wells", source, end="1924")
    [question] = generate_questions([(doc, [span])], SETTINGS, ["multiple_choice"]).questions
    assert question.answer == "1921–1924"
    assert all(re.fullmatch(r"\d{4}–\d{4}", choice) for choice in question.choices), (
        question.choices
    )
