"""Wording rules shared by the question types, as tables of our own phrases."""

from __future__ import annotations

import pytest

from quizgen.generate.phrasing import (
    is_clause,
    names_its_list,
    one_definition,
    ordinal,
    plain_verb,
    term_phrase,
    usable_label,
    verb_definition,
)


@pytest.mark.parametrize(
    ("label", "sentence", "names"),
    [
        ("three pillars", "The plan rests on three pillars: water, roads and schools.", True),
        ("three pillars", "The three pillars are water, roads and schools.", True),
        ("main crops", "The main crops, namely wheat, barley and oats, failed.", True),
        ("aspects of farming", "Farming has many aspects, such as soil, water and seed.", True),
        # the label is the subject of the sentence's own verb: it does not name the list
        (
            "The harbour trades",
            "The harbour trades featured “salt and fish” in 1800 and “coal and iron” later.",
            False,
        ),
        ("The old roads", "The old roads linked farms, mills and markets.", False),
    ],
)
def test_a_list_is_named_only_by_a_noun_phrase(label, sentence, names):
    assert names_its_list(label, sentence) is names


@pytest.mark.parametrize(
    ("term", "sentence", "phrase"),
    [
        (
            "key to a good harvest",
            "The key to a good harvest is rain in spring.",
            "the key to a good harvest",
        ),
        ("soil erosion", "Soil erosion is the loss of the upper layer of soil.", "soil erosion"),
        (
            "new model of farming",
            "They praised the new model of farming as modern.",
            "the new model of farming",
        ),
    ],
)
def test_a_term_keeps_the_article_its_sentence_gives_it(term, sentence, phrase):
    assert term_phrase(term, sentence) == phrase


@pytest.mark.parametrize(
    ("term", "definition", "sentence", "expected"),
    [
        (
            "cooperative",
            "involves the shared use of tools by its members",
            "The term “cooperative” involves the shared use of tools by its members.",
            ("the term “cooperative”", "involve", "the shared use of tools by its members"),
        ),
        (
            "crop rotation",
            "requires a plan for every field",
            "Crop rotation requires a plan for every field.",
            ("crop rotation", "require", "a plan for every field"),
        ),
        (
            "soil erosion",
            "the loss of the upper layer of soil",
            "Soil erosion is the loss of the upper layer of soil.",
            None,
        ),
        (
            "mulching",
            "covering bare soil with straw",
            "Mulching means covering bare soil with straw.",
            None,
        ),
    ],
)
def test_a_definition_that_is_the_sentence_predicate_keeps_its_verb(
    term, definition, sentence, expected
):
    assert verb_definition(term, definition, sentence) == expected


@pytest.mark.parametrize(
    ("verb", "plain"),
    [
        ("involves", "involve"),
        ("applies", "apply"),
        ("has", "have"),
        ("reaches", "reach"),
        ("represents", "represent"),
    ],
)
def test_plain_verb(verb, plain):
    assert plain_verb(verb) == plain


@pytest.mark.parametrize(
    ("definition", "one"),
    [
        ("key crops; the key crops of the valley", "the key crops of the valley"),
        ("a quiet town; is known for its market", "a quiet town"),
        ("a market town; a river port", "a market town; a river port"),
    ],
)
def test_a_joined_definition_becomes_one_phrase(definition, one):
    assert one_definition(definition) == one


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("the biggest change is the rise of trade", True),
        ("farmers should share their tools", True),
        ("the rise of trade", False),
        ("Is it raining", False),  # only a verb after the first word makes a statement
    ],
)
def test_is_clause(text, clause):
    assert is_clause(text) is clause


def test_ordinal():
    assert [ordinal(n) for n in (1, 3, 10, 11)] == ["first", "third", "tenth", None]


@pytest.mark.parametrize(
    ("label", "usable"),
    [
        ("three pillars", True),
        ("aspects of farming", True),
        # a generic head noun without a complement does not say what the list is
        ("three levels", False),
        ("four main factors", False),
    ],
)
def test_a_list_name_must_say_what_the_list_is(label, usable):
    assert usable_label(label) is usable
