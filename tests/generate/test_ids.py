"""Question ids: derived from the question type and the fact, nothing else."""
from __future__ import annotations

from dataclasses import replace

import pytest

from quizgen.bank.ids import normalise, question_id, stable_int
from quizgen.generate import generate_questions
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


@pytest.mark.parametrize("a, b", [("81.47 million", "8147 million"), ("trust deficit", "trust deficits")])
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
    return {q.type + q.answer: q.id for q in generate_questions([(doc, [item])], SETTINGS, ["basic", "cloze"]).questions}


def test_same_fact_same_id_changed_fact_new_id_explanation_typo_same_id():
    doc = make_doc(TEXT, "soils.md")
    base = Definition("soil erosion", "the loss of the upper layer of soil by wind and water", provenance(doc, "Soil"))
    first = _questions(base)
    assert _questions(base) == first
    changed = _questions(replace(base, definition="the loss of the upper layer of soil by ice"))
    assert set(changed.values()).isdisjoint(first.values())
    # A typo fixed in the source sentence (the explanation) keeps every id.
    typo_doc = make_doc(TEXT.replace("layer of soil", "layer  of soil"), "soils.md")
    typo_item = replace(base, source=replace(provenance(typo_doc, "Soil"), sentence="Soil erosion is teh loss."))
    kept = generate_questions([(typo_doc, [typo_item])], SETTINGS, ["basic"]).questions
    assert kept[0].explanation == "Soil erosion is teh loss."
    assert kept[0].id in first.values()
