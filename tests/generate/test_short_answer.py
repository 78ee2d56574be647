"""Short answer: a few words, with the spellings a teacher would also accept."""

from __future__ import annotations

import pytest

from quizgen.generate import generate_questions
from quizgen.generate.phrasing import answer_variants, date_forms, name_variants

from .conftest import SETTINGS


@pytest.mark.parametrize(
    "answer, accepted, refused",
    [
        ("fairness and justice", ["fairness and justice", "justice and fairness"], []),
        ("The environment", ["The environment", "environment", "the environment"], []),
        (
            "win-win cooperation",
            ["win-win cooperation", "win win cooperation"],
            ["cooperation win-win"],
        ),
        ("rise of China and India", [], ["India and rise of China"]),  # not a two-part phrase
        ("peace and peace", ["peace and peace"], []),
    ],
)
def test_answer_variants(answer, accepted, refused):
    variants = answer_variants(answer)
    assert set(accepted) <= set(variants)
    assert not set(refused) & set(variants)


@pytest.mark.parametrize(
    "name, accepted",
    [
        ("Former British Prime Minister Tony Blair", ["Tony Blair"]),
        ("F. Engels", ["F. Engels", "Engels"]),
        ("Maria Lopez", ["Maria Lopez"]),
    ],
)
def test_name_variants(name, accepted):
    assert set(accepted) <= set(name_variants(name))


@pytest.mark.parametrize(
    "iso, end, forms",
    [
        ("2020-11-15", None, ["15 November 2020", "November 15, 2020", "2020-11-15"]),
        ("2020-11", None, ["November 2020", "2020-11"]),
        ("1648", None, ["1648"]),
        ("1949", "1971", ["1949–1971", "1949-1971"]),
        ("2015-09-22", "2015-09-25", ["22–25 September 2015", "22-25 September 2015"]),
    ],
)
def test_date_forms(iso, end, forms):
    assert set(forms) <= set(date_forms(iso, end))


def test_a_range_within_one_year_is_not_accepted_as_that_year_twice():
    assert not [
        f for f in date_forms("2015-09-22", "2015-09-25") if f in ("2015-2015", "2015 to 2015")
    ]


def test_questions(garden):
    doc, items = garden
    by_prompt = {
        q.prompt: q
        for q in generate_questions([(doc, items)], SETTINGS, ["short_answer"]).questions
    }
    missing = by_prompt[
        "The three pillars of the plan are “clean water”, “safe roads” and one more. What is the third?"
    ]
    assert missing.answer == "public schools"
    assert missing.answer not in missing.accepted  # "also accepted" lists other spellings only
    term = by_prompt[
        "Which term does the text explain with these words: ‘the loss of the upper layer of soil by wind and water’?"
    ]
    assert term.answer == "soil erosion" and term.level == "understand"
    when = by_prompt["On what date did the town hall burn down?"]
    assert when.answer == "4 May 1950" and "May 4, 1950" in when.accepted
