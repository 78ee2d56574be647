"""Ordering: dated events whose order is beyond doubt, 4-6 per question."""

from __future__ import annotations

import pytest

from quizgen.generate import generate_questions
from quizgen.generate.ordering import strictly_ordered
from quizgen.models import DatedEvent, Provenance

from .conftest import SETTINGS, context

HERE = Provenance("notes.md", "A sentence.", 1, 1)


def events(*dated):
    return [DatedEvent(date, f"event of {date}", HERE) for date in dated]


@pytest.mark.parametrize(
    "dates, expected",
    [
        (["1990", "1980", "2000"], ["1980", "1990", "2000"]),
        (["2020", "2020-03", "2021"], ["2020-03", "2021"]),  # '2020' and 'March 2020' overlap
        (["2020-03", "2020-03-05", "2020-04"], ["2020-03-05", "2020-04"]),
        (["2001", "2001"], ["2001"]),
    ],
)
def test_strictly_ordered(dates, expected):
    assert [e.date for e in strictly_ordered(events(*dates), context())] == expected


def test_question(garden):
    doc, items = garden
    (question,) = generate_questions([(doc, items)], SETTINGS, ["ordering"]).questions
    assert question.sequence == (
        "The first school was founded",
        "The railway reached the valley",
        "The old bridge opened",
        "The town hall burned down",
        "The market moved to the square",
    )
    assert (
        sorted(question.choices) == sorted(question.sequence)
        and question.choices != question.sequence
    )
    assert question.difficulty == 3 and len(question.sources) == 5


def test_events_that_name_their_own_year_are_left_out(garden):
    doc, items = garden
    dated = [i for i in items if i.kind == "date"][:3] + [
        DatedEvent("1918", "the 1918 flood", HERE)
    ]
    assert generate_questions([(doc, dated)], SETTINGS, ["ordering"]).questions == ()
