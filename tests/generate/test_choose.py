"""Choosing what to ask: rank by centrality and form; one sheet with no fact twice and no
answer printed in another question."""

from __future__ import annotations

from collections import Counter

from quizgen.generate import generate_questions
from quizgen.generate.choose import centrality, conflict, leaks, sheet
from quizgen.models import Definition, Enumeration

from .conftest import SETTINGS, make_doc, provenance

READING = """# Photosynthesis

**Photosynthesis** is the process by which green plants turn light into chemical energy.
Photosynthesis happens in the leaves. Without photosynthesis there would be no oxygen.

## Other terms

A stoma is a small pore on the underside of a leaf.

Plants need three inputs: light, water and carbon dioxide.

The first greenhouse in the town opened in 1901. The mayor visited the fair in 1902.
"""


def test_a_term_in_a_heading_bold_and_repeated_ranks_above_a_passing_one():
    doc = make_doc(READING, "plants.md")
    central = Definition(
        "photosynthesis",
        "the process by which green plants turn light into chemical energy",
        provenance(doc, "Photosynthesis is"),
    )
    passing = Definition(
        "stoma", "a small pore on the underside of a leaf", provenance(doc, "stoma")
    )
    assert centrality(central, doc) > centrality(passing, doc) + 1.5


def test_a_list_named_by_a_count_ranks_above_one_that_is_not():
    doc = make_doc(READING, "plants.md")
    counted = Enumeration(
        "three inputs", ("light", "water", "carbon dioxide"), provenance(doc, "three inputs")
    )
    plain = Enumeration(
        "inputs", ("light", "water", "carbon dioxide"), provenance(doc, "three inputs")
    )
    assert centrality(counted, doc) > centrality(plain, doc)


def test_best_questions_come_first_and_every_type_is_there(garden):
    doc, items = garden
    generated = generate_questions([(doc, items)], SETTINGS)
    chosen = sheet(generated.questions, generated.scores, total=10)
    # A short reading: matching and ordering take several sentences each, so fewer fit.
    assert 6 <= len(chosen) <= 10
    assert (
        len({q.type for q in chosen}) >= len(chosen) - 2
    )  # rounds over the types: one of each first
    assert leaks(chosen) == []


def test_n_best_per_type_are_the_highest_ranked(garden):
    doc, items = garden
    generated = generate_questions([(doc, items)], SETTINGS, ["basic"])
    chosen = sheet(generated.questions, generated.scores, per_type={"basic": 3})
    ranks = sorted((generated.scores[q.id] for q in generated.questions), reverse=True)
    assert len(chosen) == 3 and leaks(chosen) == []
    assert max(generated.scores[q.id] for q in chosen) == ranks[0]


def test_a_true_statement_never_stands_beside_its_falsified_twin(garden):
    doc, items = garden
    questions = generate_questions([(doc, items)], SETTINGS, ["true_false"]).questions
    by_sentence = Counter(q.explanation for q in questions)
    assert max(by_sentence.values()) == 2  # each fact: a true and a false statement
    chosen = sheet(questions)
    assert Counter(q.explanation for q in chosen).most_common(1)[0][1] == 1


def test_an_answer_printed_in_another_question_is_a_conflict(garden):
    doc, items = garden
    questions = generate_questions(
        [(doc, items)], SETTINGS, ["short_answer", "true_false"]
    ).questions
    when = next(
        q for q in questions if q.prompt == "In what year did the railway reach the valley?"
    )
    true = next(q for q in questions if q.prompt == "The railway reached the valley in 1901.")
    assert conflict(when, true)


def test_the_whole_garden_on_one_sheet_has_no_leaks(garden):
    doc, items = garden
    generated = generate_questions([(doc, items)], SETTINGS)
    chosen = sheet(generated.questions, generated.scores)
    assert leaks(chosen) == []
    assert len({q.explanation for q in chosen}) == len(chosen)
