"""The review file: round trip, one-line errors naming the file and line, versions, fact hashes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from quizgen.bank import read_bank
from quizgen.errors import ConfigError
from quizgen.review.decisions import (
    Conflict,
    Decision,
    Edit,
    fact_hash,
    load_decisions,
    review_path_for,
    save_decisions,
    update,
)

SMALL = Path(__file__).resolve().parents[1] / "roots" / "bank-small" / "bank.json"
FACT = "0123456789abcdef01234567"


@pytest.fixture(scope="module")
def question():
    return next(q for q in read_bank(SMALL).questions if q.type == "multiple_choice")


def test_review_file_sits_beside_the_recipe_or_bank():
    assert review_path_for(Path("decks/unit.yaml")) == Path("decks/unit.review.yaml")
    assert review_path_for(Path("build/unit/bank.json")) == Path("build/unit/bank.review.yaml")


def test_missing_file_is_no_decisions_and_a_saved_file_reads_back(tmp_path):
    path = tmp_path / "unit.review.yaml"
    assert load_decisions(path) == {}
    decisions = {
        "mc-000000000001": Decision(status="edited", fact=FACT, edit=Edit(prompt="Which one?")),
        "tf-000000000002": Decision(status="rejected", fact=FACT, reason="off-topic", version=3),
    }
    save_decisions(path, decisions)
    assert load_decisions(path) == decisions
    text = path.read_text("utf-8")
    assert text.startswith("# Teacher review decisions")
    assert "prompt: Which one?" in text  # readable YAML, not JSON in a string


@pytest.mark.parametrize(
    ("content", "line", "words"),
    [
        ("questions:\n  mc-1:\n    status: aproved\n    fact: " + FACT + "\n", 3, "status"),
        (
            "questions:\n  mc-1:\n    status: rejected\n    fact: " + FACT + "\n    reason: dull\n",
            5,
            "reason",
        ),
        (
            "questions:\n  mc-1:\n    status: approved\n    fact: " + FACT + "\n    colour: red\n",
            5,
            "colour",
        ),
        ("questions:\n  mc-1:\n    status: approved\n", 2, "fact"),  # the question's line
        ("questions:\n  mc-1:\n    status: approved\n    fact: [unclosed\n", 5, "invalid YAML"),
        ("questions:\n  mc-1:\n    status: approved\n    status: rejected\n", 4, "twice"),
        (
            "questions:\n  mc-1:\n    status: approved\n    fact: " + FACT + "\n    version: 0\n",
            5,
            "version",
        ),
    ],
)
def test_a_mistake_is_one_line_naming_file_and_line(tmp_path, content, line, words):
    path = tmp_path / "unit.review.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_decisions(path)
    message = str(caught.value)
    assert "\n" not in message and words in message
    assert message.startswith(f"{path}:{line}: "), message


def test_update_refuses_a_save_based_on_an_older_version(tmp_path):
    path = tmp_path / "unit.review.yaml"
    approve = Decision(status="approved", fact=FACT)
    first = update(path, "mc-1", 0, lambda current: approve)
    assert first.version == 1 and first.at
    second = update(
        path, "mc-1", 1, lambda current: current.model_copy(update={"status": "rejected"})
    )
    assert second.version == 2
    with pytest.raises(Conflict) as caught:  # a second reviewer still looking at version 1
        update(path, "mc-1", 1, lambda current: approve)
    assert caught.value.current.status == "rejected"
    assert load_decisions(path)["mc-1"].status == "rejected"
    assert update(path, "mc-1", 2, lambda current: None) is None  # undo: pending again
    assert load_decisions(path) == {}


def test_fact_hash_follows_the_source_and_the_answer_not_the_wording(question):
    same = fact_hash(question)
    assert fact_hash(replace(question, prompt="Reworded?", choices=question.choices[::-1])) == same
    source = question.sources[0]
    reflowed = replace(source, sentence=source.sentence.replace(" ", "  ") + " ")
    assert fact_hash(replace(question, sources=(reflowed,))) == same
    changed = replace(source, sentence=source.sentence.rstrip(".") + " in most years.")
    assert fact_hash(replace(question, sources=(changed,))) != same
    assert fact_hash(replace(question, answer=question.answer + "s")) != same
