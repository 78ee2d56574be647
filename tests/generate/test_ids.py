"""Question ids: derived from the question type and the fact, nothing else."""

from __future__ import annotations

from dataclasses import replace

import pytest

from quizgen.generate import generate_questions
from quizgen.generate.ids import normalise, question_id, stable_int
from quizgen.models import Definition

from .conftest import SETTINGS, make_doc, provenance

TEXT = "# Soils\n\nSoil erosion is the loss of the upper layer of soil by wind and water.\n"


@pytest.mark.parametrize(
    "a, b",
    [
        ("The Thirty Years’ War", "thirty years' war"),
        ("the governance deficit,", "Governance  deficit"),
        ("China's rise", "China’s rise"),
        ("win-win cooperation", "win win cooperation"),
    ],
)
def test_same_wording_normalises_the_same(a, b):
    assert normalise(a) == normalise(b)


@pytest.mark.parametrize(
    "a, b", [("81.47 million", "8147 million"), ("trust deficit", "trust deficits")]
)
def test_different_wording_normalises_apart(a, b):
    assert normalise(a) != normalise(b)


def test_id_is_readable_stable_and_ncname_safe():
    qid = question_id("multiple_choice", ["definition", "soil erosion", "the loss of soil"])
    assert qid == question_id("multiple_choice", ["definition", "Soil Erosion", "loss of soil."])
    assert qid.startswith("mc-") and qid.replace("-", "").isalnum() and qid[0].isalpha()
    assert qid != question_id("basic", ["definition", "soil erosion", "the loss of soil"])


def test_stable_int_is_process_independent():
    # A fixed value: hash() would differ between runs (PYTHONHASHSEED).
    assert stable_int("abc") == 0xBA7816BF8F01CFEA


def _questions(definition: Definition):
    doc = make_doc(TEXT, "soils.md")
    item = replace(definition, source=provenance(doc, "Soil erosion"))
    return {
        q.type + q.answer: q.id
        for q in generate_questions([(doc, [item])], SETTINGS, ["basic", "cloze"]).questions
    }


def test_same_fact_same_id_changed_fact_new_id_explanation_typo_same_id():
    doc = make_doc(TEXT, "soils.md")
    base = Definition(
        "soil erosion",
        "the loss of the upper layer of soil by wind and water",
        provenance(doc, "Soil"),
    )
    first = _questions(base)
    assert _questions(base) == first
    # A definition cut better by the extractor is the same fact: the term identifies it.
    recut = _questions(replace(base, definition="the loss of the upper layer of soil"))
    assert set(recut.values()) == set(first.values())
    changed = _questions(replace(base, term="soil loss"))
    assert set(changed.values()).isdisjoint(first.values())
    # A typo fixed in the source sentence (the explanation) keeps every id.
    typo_doc = make_doc(TEXT.replace("layer of soil", "layer  of soil"), "soils.md")
    typo_item = replace(
        base,
        source=replace(
            provenance(typo_doc, "Soil"),
            sentence="Soil erosion is teh loss of the upper layer of soil by wind and water.",
        ),
    )
    kept = generate_questions([(typo_doc, [typo_item])], SETTINGS, ["basic"]).questions
    assert (
        kept[0].explanation
        == "Soil erosion is teh loss of the upper layer of soil by wind and water."
    )
    assert kept[0].id in first.values()


OLD_WORDING = {
    # The templates of the first version, as they worded these items.
    "date": lambda item: f"In what year did this happen: {item.event}?",
    "quote": lambda item: f"Who said: “{item.text}”?",
}


def test_rewording_keeps_every_id(garden, monkeypatch):
    """A build with the old wording and one with the new give the same ids: a question's id
    is its fact and type, so a reworded card updates the student's note in place."""
    from quizgen.generate import basic, multiple_choice, short_answer

    doc, items = garden
    types = ["basic", "short_answer", "multiple_choice"]
    new = generate_questions([(doc, items)], SETTINGS, types).questions
    old_date = lambda item, ctx: OLD_WORDING["date"](item)  # noqa: E731
    for module in (basic, short_answer, multiple_choice):
        monkeypatch.setattr(module, "date_question", old_date)
        monkeypatch.setattr(module, "who_said", OLD_WORDING["quote"])
    old = generate_questions([(doc, items)], SETTINGS, types).questions
    old_prompts = {q.id: q.prompt for q in old}
    new_prompts = {q.id: q.prompt for q in new}
    assert set(old_prompts) == set(new_prompts)
    reworded = [qid for qid in new_prompts if old_prompts[qid] != new_prompts[qid]]
    assert len(reworded) > 12  # the wording did change, the ids did not
    assert (
        old_prompts[
            next(q.id for q in new if q.prompt == "In what year did the railway reach the valley?")
        ]
        == "In what year did this happen: the railway reached the valley?"
    )


def test_id_is_the_fact_not_the_wording():
    from quizgen.generate.ids import fact_key
    from quizgen.models import DatedEvent, Enumeration, Provenance, Quote

    said = Provenance("a.md", "In 1954 the United States led the creation of SEATO.", 1, 1)
    event = DatedEvent("1954", "the United States led the creation of SEATO", said)
    recut = replace(event, event="the United States led the creation")
    assert fact_key(event) == fact_key(recut)  # a better cut of the event: same fact
    assert fact_key(event) != fact_key(replace(event, date="1955"))
    members = Enumeration("three pillars", ("water", "roads", "schools"), said)
    assert fact_key(members) == fact_key(
        replace(members, label="pillars", members=("Schools", "water", "roads"))
    )
    quote = Quote("We must plant trees", "Dr. Maria Lopez", said)
    assert fact_key(quote) == fact_key(replace(quote, speaker="Maria Lopez", role="doctor"))
