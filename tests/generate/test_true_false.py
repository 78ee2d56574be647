"""True/false: true statements as the text gives them, false ones by one controlled change."""

from __future__ import annotations

import re

import pytest

from quizgen.generate import generate_questions
from quizgen.generate.context import Context, Corpus
from quizgen.generate.true_false import falsify, state
from quizgen.models import DatedEvent, Definition, Enumeration, Quote

from .conftest import SETTINGS, make_doc, provenance

TEXT = """# Notes

The three pillars of the plan are clean water, safe roads and public schools.

The four seasons of the year are spring, summer, autumn and winter.

The old bridge opened in March 1932.

Soil erosion is the loss of the upper layer of soil by wind and water.

Mulching means covering bare soil with a layer of straw or bark.

"We must plant trees before we need their shade," said Maria Lopez.
"Every road we build today carries tomorrow's trade," the engineer Tom Baker said.
"""


@pytest.fixture(scope="module")
def notes():
    doc = make_doc(TEXT, "notes.md")
    p = lambda phrase: provenance(doc, phrase)  # noqa: E731
    items = [
        Enumeration(
            "three pillars of the plan",
            ("clean water", "safe roads", "public schools"),
            p("pillars"),
        ),
        Enumeration("four seasons", ("spring", "summer", "autumn", "winter"), p("seasons")),
        DatedEvent("1932-03", "the old bridge opened", p("bridge")),
        Definition(
            "soil erosion", "the loss of the upper layer of soil by wind and water", p("Soil")
        ),
        Definition("mulching", "covering bare soil with a layer of straw or bark", p("Mulching")),
        Quote("We must plant trees before we need their shade", "Maria Lopez", p("plant trees")),
        Quote("Every road we build today carries tomorrow's trade", "Tom Baker", p("Every road")),
    ]
    return doc, items


@pytest.mark.parametrize(
    "index, expected",
    [
        (0, "The three pillars of the plan are clean water, safe roads and public schools."),
        (2, "The old bridge opened in March 1932."),
        (3, "Soil erosion is the loss of the upper layer of soil by wind and water."),
        (5, "Maria Lopez said, “We must plant trees before we need their shade.”"),
    ],
)
def test_true_statement(notes, index, expected):
    assert state(notes[1][index], _context(notes)) == expected


def _context(notes, seed=0):
    doc, items = notes
    settings = SETTINGS.model_copy(
        update={"generate": SETTINGS.generate.model_copy(update={"seed": seed})}
    )
    return Context(document=doc, corpus=Corpus.of([(doc, items)]), settings=settings)


@pytest.mark.parametrize("seed", range(8))
def test_list_falsified_by_a_member_of_a_sibling_list(notes, seed):
    pillars = notes[1][0]
    _, statement = falsify(pillars, _context(notes, seed))
    members = re.fullmatch(r"The three pillars of the plan are (.*)\.", statement).group(1)
    listed = re.split(r", | and ", members)
    swapped = [m for m in listed if m not in pillars.members]
    assert len(listed) == 3 and len(swapped) == 1
    assert swapped[0] in {
        "spring",
        "summer",
        "autumn",
        "winter",
        "fresh air",
        "open markets",
        "quiet streets",
    }


@pytest.mark.parametrize("seed", range(8))
def test_date_falsified_by_a_shift_at_the_same_precision(notes, seed):
    _, statement = falsify(notes[1][2], _context(notes, seed))
    year = int(re.fullmatch(r"The old bridge opened in March (\d{4})\.", statement).group(1))
    assert year != 1932 and abs(year - 1932) <= 10


@pytest.mark.parametrize("seed", range(4))
def test_quote_given_to_another_speaker(notes, seed):
    _, statement = falsify(notes[1][5], _context(notes, seed))
    assert statement.startswith(("Tom Baker said,", "Anna Berg said,", "Leo Marsh said,"))
    assert statement.endswith("“We must plant trees before we need their shade.”")


def test_definition_given_another_terms_definition(notes):
    _, statement = falsify(notes[1][3], _context(notes))
    assert statement == "Soil erosion is covering bare soil with a layer of straw or bark."


def test_false_statement_is_never_true_elsewhere_in_the_corpus(notes):
    doc, items = notes
    # The same quote is attributed to both people somewhere: no speaker swap is false.
    twice = Quote("We must plant trees before we need their shade", "Tom Baker", items[5].source)
    alone = [items[5], twice]
    context = Context(
        document=doc,
        corpus=Corpus.of([(doc, alone)]),
        settings=SETTINGS.model_copy(
            update={"generate": SETTINGS.generate.model_copy(update={"distractor_vocabulary": []})}
        ),
    )
    assert falsify(items[5], context) is None


def test_each_item_gives_one_true_and_one_false_question(notes):
    doc, items = notes
    questions = generate_questions([(doc, items)], SETTINGS, ["true_false"]).questions
    assert sorted(q.answer for q in questions) == ["False"] * len(items) + ["True"] * len(items)
    assert len({q.id for q in questions}) == len(questions)
    assert all(q.explanation for q in questions)
