"""The bank file: canonical layout, content hash, atomic and validated writes, clear read errors."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from quizgen.bank import Bank, bank_to_dict, content_hash, read_bank, write_bank
from quizgen.errors import BankError
from tests.helpers import SMALL_BANK


@pytest.fixture
def bank() -> Bank:
    return read_bank(SMALL_BANK)


def without_built_at(path: Path) -> list[str]:
    return [line for line in path.read_text("utf-8").splitlines() if '"built_at"' not in line]


def test_same_bank_gives_the_same_bytes_apart_from_built_at(bank, tmp_path):
    first = write_bank(replace(bank, built_at="2026-01-01T00:00:00Z"), tmp_path / "a.json")
    second = write_bank(replace(bank, built_at="2026-02-02T10:00:00Z"), tmp_path / "b.json")
    assert first.read_bytes() != second.read_bytes()
    assert without_built_at(first) == without_built_at(second)


def test_question_and_document_order_does_not_change_the_file(bank, tmp_path):
    shuffled = replace(
        bank, questions=tuple(reversed(bank.questions)), built_at="2026-01-01T00:00:00Z"
    )
    ordered = replace(bank, built_at="2026-01-01T00:00:00Z")
    a = write_bank(shuffled, tmp_path / "a.json")
    b = write_bank(ordered, tmp_path / "b.json")
    assert a.read_bytes() == b.read_bytes()
    ids = [q["id"] for q in json.loads(a.read_text("utf-8"))["questions"]]
    assert ids == sorted(ids)


def test_file_layout(bank, tmp_path):
    data = json.loads(
        write_bank(replace(bank, built_at=""), tmp_path / "bank.json").read_text("utf-8")
    )
    assert list(data) == [
        "schema_version",
        "generator",
        "built_at",
        "content_hash",
        "title",
        "documents",
        "questions",
    ]
    assert data["generator"].startswith("quizgen ")
    assert data["built_at"].endswith("Z") and "T" in data["built_at"]
    assert data["content_hash"] == content_hash(bank)
    assert {q["type"] for q in data["questions"]} == {q.type for q in bank.questions}


def test_content_hash_ignores_built_at_and_follows_content(bank):
    assert content_hash(replace(bank, built_at="x")) == content_hash(bank)
    edited = replace(
        bank, questions=(replace(bank.questions[0], answer="another answer"),) + bank.questions[1:]
    )
    assert content_hash(edited) != content_hash(bank)
    assert len(content_hash(bank)) == 64


def test_round_trip(bank, tmp_path):
    again = read_bank(write_bank(bank, tmp_path / "bank.json"))
    assert again.questions == tuple(sorted(bank.questions, key=lambda q: q.id))
    assert again.documents == bank.documents
    assert bank_to_dict(again)["content_hash"] == bank_to_dict(bank)["content_hash"]


def test_invalid_bank_is_refused_and_the_old_file_kept(bank, tmp_path):
    target = write_bank(bank, tmp_path / "bank.json")
    before = target.read_bytes()
    broken = replace(bank.questions[0], type="multiple_choice", choices=("a", "b"))
    with pytest.raises(BankError, match=r"\$\.questions\[0\]\.choices"):
        write_bank(replace(bank, questions=(broken,) + bank.questions[1:]), target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["bank.json"]  # no temporary file left


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such bank file"),
        ('{"questions": [', "not a JSON question bank"),
        ("[1, 2]", "not a quizgen question bank"),
        (
            '{"questions": ' + "[" * 100_000 + "]" * 100_000 + "}",
            "not a JSON question bank: nested too deeply",
        ),
        ('{"schema_version": 9, "questions": []}', "schema_version: 9 is not a schema version"),
        (
            '{"schema_version": 1, "title": "t", "documents": [], "questions": [{"id": "x"}]}',
            r"\$\.questions\[0\]: 'type' is missing",
        ),
    ],
)
def test_read_errors_are_one_line_naming_the_file(tmp_path, content, expected):
    path = tmp_path / "bank.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(BankError, match=expected) as info:
        read_bank(path)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)


def test_not_utf8_is_one_clear_error(tmp_path):
    path = tmp_path / "bank.json"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(BankError, match="not UTF-8"):
        read_bank(path)


texts = st.text(min_size=1, max_size=40).filter(lambda t: t.strip())


@settings(max_examples=40, deadline=None)
@given(prompt=texts, answer=texts, choices=st.lists(texts, min_size=3, max_size=3, unique=True))
def test_any_text_round_trips_through_the_file(tmp_path_factory, prompt, answer, choices):
    choices = [answer] + [c for c in choices if c != answer][:3]
    assume(len(choices) == 4)
    small = read_bank(SMALL_BANK)
    mc = next(q for q in small.questions if q.type == "multiple_choice")
    bank = replace(
        small, questions=(replace(mc, prompt=prompt, answer=answer, choices=tuple(choices)),)
    )
    path = write_bank(bank, tmp_path_factory.mktemp("rt") / "bank.json")
    again = read_bank(path)
    assert again.questions == bank.questions
    assert content_hash(again) == content_hash(bank)
