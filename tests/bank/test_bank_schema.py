"""The bank's JSON Schema and cross-field checks: every problem named by its JSON path."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from quizgen.bank import SCHEMA_VERSION
from quizgen.bank.schema import bank_schema, problems, question_problems, stale_hash

SMALL = Path(__file__).resolve().parents[1] / "roots" / "bank-small" / "bank.json"


@pytest.fixture
def good() -> dict:
    return json.loads(SMALL.read_text("utf-8"))


def index_of(data: dict, qtype: str) -> int:
    return next(i for i, q in enumerate(data["questions"]) if q["type"] == qtype)


def test_the_schema_is_valid_draft_2020_12_and_versioned():
    schema = bank_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"].endswith("/2020-12/schema")
    assert schema["properties"]["schema_version"] == {"const": SCHEMA_VERSION}


def test_the_hand_made_bank_is_valid(good):
    assert problems(good) == []


def test_optional_question_fields_may_be_left_out(good):
    for question in good["questions"]:
        if question["type"] == "basic":
            for key in (
                "tags",
                "topic",
                "difficulty",
                "level",
                "accepted",
                "choices",
                "cloze",
                "pairs",
                "sequence",
            ):
                del question[key]
    assert problems(good) == []


def _set(key, value):
    def change(q):
        q[key] = value

    return change


def _delete(key):
    def change(q):
        del q[key]

    return change


# (question type to break, change, JSON path under the question, words in the message)
BROKEN = [
    ("multiple_choice", _set("choices", ["a", "b", "c"]), ".choices", "needs at least 4"),
    ("multiple_choice", _set("choices", ["a", "b", "c", "d", "e"]), ".choices", "needs at most 4"),
    ("multiple_choice", _set("answer", "not offered"), ".choices", "is not one of the choices"),
    ("multiple_choice", _set("choices", ["12 March 1851"] * 4), ".choices", "duplicate"),
    ("matching", _set("pairs", [["a", "1"], ["b", "2"], ["c", "3"]]), ".pairs", "needs at least 4"),
    ("matching", _set("pairs", [[str(i), str(i)] for i in range(7)]), ".pairs", "needs at most 6"),
    (
        "matching",
        _set("pairs", [["a", "1"], ["a", "2"], ["c", "3"], ["d", "4"]]),
        ".pairs",
        "same left side",
    ),
    (
        "matching",
        _set("pairs", [["a", "1", "x"], ["b", "2"], ["c", "3"], ["d", "4"]]),
        ".pairs[0]",
        "at most 2",
    ),
    ("true_false", _set("answer", "Yes"), ".answer", "not one of: True, False"),
    ("cloze", _set("cloze", ["No blanks in this text."]), ".cloze", "has no blank"),
    ("cloze", _delete("cloze"), "", "'cloze' is missing"),
    ("cloze", _set("cloze", ["A ", {"answer": " "}]), ".cloze[1].answer", "is empty"),
    ("cloze", _set("cloze", ["A ", {"answer": "x", "number": 1}]), ".cloze[1]", "number"),
    ("ordering", _set("sequence", ["a", "b"]), ".sequence", "needs at least 3"),
    ("list_recall", _delete("sequence"), "", "'sequence' is missing"),
    ("basic", _set("prompt", "   "), ".prompt", "is empty"),
    ("basic", _set("answer", ""), ".answer", "is empty"),
    ("basic", _set("type", "essay"), ".type", "not one of"),
    ("basic", _set("difficulty", 5), ".difficulty", "maximum"),
    ("basic", _set("sources", []), ".sources", "needs at least 1"),
    ("basic", _set("colour", "red"), "", "'colour' was unexpected"),
    ("basic", _set("id", "two words"), ".id", "does not match"),
    ("short_answer", _set("accepted", "council"), ".accepted", "should be of type array"),
]


@pytest.mark.parametrize(("qtype", "change", "where", "words"), BROKEN)
def test_broken_question_is_named_by_its_json_path(good, qtype, change, where, words):
    i = index_of(good, qtype)
    change(good["questions"][i])
    found = [str(p) for p in problems(good)]
    assert any(p.startswith(f"$.questions[{i}]{where}: ") and words in p for p in found), found


def test_source_must_cite_a_document_of_the_bank(good):
    good["questions"][2]["sources"][0]["document"] = "elsewhere.md"
    assert [str(p) for p in problems(good)] == [
        "$.questions[2].sources[0].document: 'elsewhere.md' is not one of the bank's documents"
    ]


def test_duplicate_ids(good):
    good["questions"][5]["id"] = good["questions"][1]["id"]
    assert [p.path for p in problems(good)] == ["$.questions[5].id"]


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d.pop("title"), "$"),
        (lambda d: d.update(extra_key=1), "$"),
        (lambda d: d["documents"][0].update(checksum="abc"), "$.documents[0].checksum"),
        (lambda d: d.update(content_hash="nothex"), "$.content_hash"),
        (lambda d: d.update(built_at="yesterday"), "$.built_at"),
    ],
)
def test_broken_top_level(good, change, path):
    change(good)
    assert [p.path for p in problems(good)] == [path]


def test_problems_come_in_document_order(good):
    for i in (10, 2):
        good["questions"].append(copy.deepcopy(good["questions"][0]))
        good["questions"][-1]["id"] = f"copy-{i}"
    good["questions"][-2]["type"] = "essay"  # index 9
    good["questions"][-1]["type"] = "essay"  # index 10
    good["questions"][2]["prompt"] = ""
    assert [p.path for p in problems(good)] == [
        "$.questions[2].prompt",
        "$.questions[9].type",
        "$.questions[10].type",
    ]


def test_long_values_are_shortened_in_messages(good):
    good["questions"][0]["type"] = "x" * 5000
    (problem,) = problems(good)
    assert len(str(problem)) < 400


def test_question_problems_for_one_question(good):
    question = good["questions"][index_of(good, "multiple_choice")]
    assert question_problems(question, {"sample.md"}) == []
    question["choices"] = question["choices"][:2]
    assert [str(p) for p in question_problems(question, {"sample.md"})][0].startswith(
        "$.choices: has 2"
    )


def test_stale_hash_is_noticed(good):
    from quizgen.bank import bank_from_dict, content_hash

    assert not stale_hash(good)  # empty: a hand-made bank
    good["content_hash"] = content_hash(bank_from_dict(good))
    assert not stale_hash(good)
    good["questions"][0]["answer"] = "changed by hand"
    assert stale_hash(good)


@pytest.mark.parametrize(
    "qid", ["../../x", "a/b", "q 1", "Q-1", "x", "-x", "x-", "bas-" + "0" * 200]
)
def test_ids_are_refused_unless_shaped_as_quizgen_makes_them(good, qid):
    question = good["questions"][index_of(good, "basic")]
    question["id"] = qid
    assert [str(p) for p in question_problems(question, {"sample.md"})][0].startswith("$.id: ")


@pytest.mark.parametrize("qid", ["bas-7bd57b9321c2", "tf-329d5c82a8f8", "q-basic-0001"])
def test_ids_quizgen_makes_are_accepted(good, qid):
    question = good["questions"][index_of(good, "basic")]
    question["id"] = qid
    assert question_problems(question, {"sample.md"}) == []


def test_the_schema_takes_its_types_and_kinds_from_the_registries():
    from quizgen.bank.schema import bank_schema
    from quizgen.extract import KINDS
    from quizgen.generate import QUESTION_TYPES

    fields = bank_schema()["$defs"]["question"]["properties"]
    assert fields["type"] == {"enum": QUESTION_TYPES.names()}
    assert fields["kind"] == {"enum": KINDS.names()}
    shipped = (Path(__file__).resolve().parents[2] / "quizgen/schemas/bank.schema.json").read_text()
    assert '"basic"' not in shipped and '"enumeration"' not in shipped  # no copy of the lists
