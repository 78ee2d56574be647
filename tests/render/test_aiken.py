"""Aiken: multiple choice only, read back by a small reader that follows Moodle's rules
(question line, "X. choice" or "X) choice" lines, "ANSWER: X").

Golden file: tests/golden/aiken/bank-small/aiken.txt; regenerate with
    .venv/bin/python -m pytest tests/render/test_aiken.py -k golden --update-goldens
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from quizgen.bank import Bank
from quizgen.render import RENDERERS, RenderOptions
from quizgen.render.aiken import AikenRenderer

CHOICE = re.compile(r"^([A-Z])[.)] (.*)$")


def read_aiken(text: str) -> list[dict]:
    """Questions separated by blank lines; refuses anything Moodle's Aiken import would."""
    questions = []
    for block in filter(None, text.strip("\n").split("\n\n")):
        lines = block.split("\n")
        choices = [CHOICE.match(line) for line in lines[1:-1]]
        assert all(choices), f"not a choice line in: {block!r}"
        letters = [m.group(1) for m in choices]
        assert letters == [chr(ord("A") + i) for i in range(len(letters))] and len(letters) >= 2
        answer = re.fullmatch(r"ANSWER: ([A-Z])", lines[-1])
        assert answer and answer.group(1) in letters, f"bad answer line in: {block!r}"
        texts = [m.group(2) for m in choices]
        questions.append(
            {"prompt": lines[0], "choices": texts, "answer": texts[letters.index(answer.group(1))]}
        )
    return questions


def export(bank: Bank, tmp_path: Path) -> tuple[str, dict[str, int]]:
    out = tmp_path / "quiz.aiken.txt"
    report = AikenRenderer().write(bank, out, RenderOptions())
    return out.read_text("utf-8"), report.skipped


def expected(bank: Bank) -> list[dict]:
    line = " ".join
    return [
        {
            "prompt": line(q.prompt.split()),
            "choices": [line(c.split()) for c in q.choices],
            "answer": line(q.answer.split()),
        }
        for q in bank.questions
        if q.type == "multiple_choice"
    ]


def test_registered_multiple_choice_only():
    renderer = RENDERERS.get("aiken")
    assert renderer.suffix == ".aiken.txt" and renderer.types == ("multiple_choice",)


def test_reads_back_as_the_bank(any_bank, tmp_path):
    text, skipped = export(any_bank, tmp_path)
    assert read_aiken(text) == expected(any_bank)
    assert sum(skipped.values()) == len(any_bank.questions) - len(expected(any_bank))
    assert "multiple_choice" not in skipped


def test_hostile_text_stays_on_its_line(hostile_bank, tmp_path):
    text, skipped = export(hostile_bank, tmp_path)
    # one choice is "A. looks like Aiken\nANSWER: B": it must stay one choice, not end the question
    assert read_aiken(text) == expected(hostile_bank)
    assert skipped == {
        "basic": 1,
        "short_answer": 1,
        "cloze": 2,
        "true_false": 1,
        "list_recall": 1,
        "matching": 1,
        "ordering": 1,
    }


def test_more_choices_than_letters_is_skipped(small_bank, tmp_path):
    mc = small_bank.by_type("multiple_choice")[0]
    many = replace(mc, id="many", choices=(mc.answer, *(f"choice {n}" for n in range(26))))
    text, skipped = export(replace(small_bank, questions=(many, mc)), tmp_path)
    assert skipped == {"multiple_choice": 1} and len(read_aiken(text)) == 1


@pytest.mark.parametrize("prompt", ["A. is this a choice?", "B) or this?", "ANSWER: maybe?"])
def test_prompt_that_reads_as_structure_is_skipped(small_bank, tmp_path, prompt):
    mc = small_bank.by_type("multiple_choice")[0]
    text, skipped = export(
        replace(small_bank, questions=(replace(mc, prompt=prompt), mc)), tmp_path
    )
    assert skipped == {"multiple_choice": 1} and [q["prompt"] for q in read_aiken(text)] == [
        mc.prompt
    ]


def test_empty_bank_gives_an_empty_file(tmp_path):
    assert export(Bank(title="empty", questions=()), tmp_path) == ("", {})


def test_matches_golden(small_bank, tmp_path, golden):
    text, _ = export(small_bank, tmp_path)
    golden("aiken", "bank-small", {"aiken.txt": text})
