"""generate_questions: every type, merged across documents, sorted, deterministic."""

from __future__ import annotations

import datetime
from dataclasses import replace

import pytest

from quizgen.errors import GenerateError
from quizgen.generate import QUESTION_TYPES, generate_questions
from quizgen.generate.phrasing import WordCases, in_sentence
from quizgen.models import QUESTION_TYPES as MODEL_TYPES
from quizgen.models import DatedEvent, Definition, Enumeration

from .conftest import GARDEN, SETTINGS, garden_items, make_doc, provenance

FIRST = "# Soils\n\nSoil erosion is the loss of the upper layer of soil by wind and water.\n"
SECOND = (
    "---\ntitle: Field guide\nauthor: A. Writer\ndate: 2024-05-01\n---\n\n"
    "Farmers fear erosion. Soil erosion is the loss of the upper layer of soil by wind and water.[^1]\n\n"
    "[^1]: Our field survey, 2023.\n"
)


def test_registry_has_every_question_type():
    assert sorted(QUESTION_TYPES.names()) == sorted(MODEL_TYPES)


def test_fact_in_two_documents_is_one_question_with_two_sources():
    first, second = make_doc(FIRST, "a.md"), make_doc(SECOND, "b.md")
    term, meaning = "soil erosion", "the loss of the upper layer of soil by wind and water"
    # The second text words the fact with other case and an article: still the same fact.
    items_a = [Definition(term, meaning, provenance(first, "Soil erosion"))]
    items_b = [
        Definition(
            "Soil Erosion",
            "The loss of the upper layer of soil by wind and water.",
            provenance(second, "Soil erosion"),
        )
    ]
    generated = generate_questions(
        [(second, items_b), (first, items_a)], SETTINGS, ["basic", "short_answer"]
    )
    assert len(generated.questions) == 2
    for question in generated.questions:
        assert [s.document for s in question.sources] == ["a.md", "b.md"]
        assert {"doc::a", "doc::b"} <= set(question.tags)
    cited = generated.questions[0].sources[1]
    assert (cited.title, cited.author, cited.date) == ("Field guide", "A. Writer", "2024-05-01")


def test_questions_sorted_by_id_and_the_same_on_every_run(garden):
    doc, items = garden
    first = generate_questions([(doc, items)], SETTINGS)
    again = generate_questions([(doc, list(reversed(items)))], SETTINGS)
    assert [q.id for q in first.questions] == sorted(q.id for q in first.questions)
    assert first.questions == again.questions
    assert {q.type for q in first.questions} == set(MODEL_TYPES)


def test_seed_changes_options_not_what_is_asked(garden):
    doc, items = garden
    seeded = SETTINGS.model_copy(
        update={"generate": SETTINGS.generate.model_copy(update={"seed": 5})}
    )
    a = {
        q.id: q for q in generate_questions([(doc, items)], SETTINGS, ["multiple_choice"]).questions
    }
    b = {q.id: q for q in generate_questions([(doc, items)], seeded, ["multiple_choice"]).questions}
    assert a.keys() == b.keys()
    assert any(a[k].choices != b[k].choices for k in a)
    assert all(a[k].answer == b[k].answer for k in a)


def test_common_fields(garden):
    doc, items = garden
    for question in generate_questions([(doc, items)], SETTINGS).questions:
        assert question.explanation and question.sources
        assert all(" " not in tag for tag in question.tags)
        assert f"kind::{question.kind}" in question.tags and "doc::garden" in question.tags
        assert "topic::garden_notes" in question.tags and question.topic == "Garden notes"
        assert 1 <= question.difficulty <= 3 and question.level in {"remember", "understand"}


def test_unknown_type_is_one_clear_error(garden):
    with pytest.raises(GenerateError, match="unknown question type 'essay'"):
        generate_questions([garden], SETTINGS, ["essay"])


def test_a_list_found_under_two_names_is_still_one_fact():
    first, second = make_doc(GARDEN, "a.md"), make_doc(GARDEN, "b.md")
    a = Enumeration(
        "four seasons", ("spring", "summer", "autumn", "winter"), provenance(first, "four seasons")
    )
    b = Enumeration(
        "seasons of the year",
        ("winter", "spring", "summer", "autumn"),
        provenance(second, "four seasons"),
    )
    questions = generate_questions(
        [(first, [a]), (second, [b])], SETTINGS, ["list_recall"]
    ).questions
    assert len(questions) == 1 and len(questions[0].sources) == 2


def test_no_items_no_questions():
    doc = make_doc(FIRST, "a.md")
    assert generate_questions([(doc, [])], SETTINGS).questions == ()


def test_garden_counts_per_type(garden):
    doc, items = garden
    counts = {}
    for question in generate_questions([(doc, items)], SETTINGS).questions:
        counts[question.type] = counts.get(question.type, 0) + 1
    # 15 items: 2 lists, 4 definitions, 5 dates, 4 quotes (one multiple choice would give
    # its answer away by echoing the prompt).
    assert counts == {
        "basic": 15,
        "short_answer": 15,
        "cloze": 15,
        "multiple_choice": 14,
        "true_false": 30,
        "list_recall": 2,
        "matching": 3,
        "ordering": 1,
    }
    assert len(garden_items(doc)) == 15


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("Win-win cooperation", "win-win cooperation"),  # written in lower case elsewhere
        ("Stable dialogue channels", "stable dialogue channels"),  # no sign of a name
        ("The old bridge opened", "the old bridge opened"),
        ("Pompeo flew to Kabul", "Pompeo flew to Kabul"),  # capitalised mid-sentence: a name
        ("Chinese leaders met", "Chinese leaders met"),
        ("UN members voted", "UN members voted"),
        ("Belt and Road Initiative", "Belt and Road Initiative"),
        ("Pompeo’s trip ended", "Pompeo’s trip ended"),
        ("Bill de Blasio spoke", "Bill de Blasio spoke"),  # followed by a capital: a name
    ],
)
def test_sentence_start_capitals_dropped_unless_a_name(phrase, expected):
    cases = WordCases.of(
        [
            "We value win-win cooperation.",
            "Then Secretary Pompeo flew home.",
            "Many Chinese leaders agreed.",
            "The Title Case Heading Here",
        ]
    )
    assert in_sentence(phrase, cases) == expected


@pytest.mark.parametrize("bad", ["2020-13", "c. 1900", "2021-02-30", "20201"])
def test_an_invalid_date_is_one_clear_error_naming_the_file(bad):
    doc = make_doc(FIRST, "a.md")
    item = DatedEvent(bad, "soil was lost", provenance(doc, "Soil erosion"))
    with pytest.raises(GenerateError) as error:
        generate_questions([(doc, [item])], SETTINGS)
    assert str(error.value).startswith("a.md:3: invalid date")


def test_date_objects_from_front_matter_become_text():
    doc = make_doc(FIRST, "a.md")
    dated = replace(doc, metadata={"title": "Soils", "date": datetime.date(2024, 5, 1)})
    item = Definition(
        "soil erosion", "the loss of the upper layer of soil", provenance(doc, "Soil erosion")
    )
    (question,) = generate_questions([(dated, [item])], SETTINGS, ["basic"]).questions
    assert question.sources[0].date == "2024-05-01"
