"""Checks a bank against its JSON Schema (shipped as quizgen/schemas/bank.schema.json).

jsonschema-rs answers "is it valid?" fast enough for banks of many thousands of
questions; only an invalid bank goes through jsonschema, whose errors carry what
the messages below need (the keyword, its value, the offending instance).

The schema covers structure and per-type shape; `problems()` adds the checks JSON
Schema cannot express across fields (the answer is one of the choices, ids are
unique, sources cite a document of the bank). Every problem names its JSON path.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from . import SCHEMA_VERSION

MAX_SHOWN = 120  # characters of an offending value quoted in a message


@dataclass(frozen=True)
class Problem:
    path: str  # JSON path: $.questions[3].choices
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def bank_schema() -> dict[str, Any]:
    """The shipped schema with the registered question types and item kinds as its enums."""
    return _schema(*_registered())


def _registered() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(question types, item kinds) registered now: a kind or type registered later (a
    plug-in, a test) gets a schema of its own."""
    from ..extract import KINDS
    from ..generate import QUESTION_TYPES

    return tuple(QUESTION_TYPES.names()), tuple(KINDS.names())


@cache
def _schema(types: tuple[str, ...], kinds: tuple[str, ...]) -> dict[str, Any]:
    schema = json.loads(
        resources.files("quizgen").joinpath("schemas/bank.schema.json").read_text("utf-8")
    )
    fields = schema["$defs"]["question"]["properties"]
    fields["type"] = {"enum": list(types)}
    fields["kind"] = {"enum": list(kinds)}
    return schema


def _question_schema() -> dict[str, Any]:
    schema = dict(bank_schema())
    schema.update({"$ref": "#/$defs/question"})
    for key in ("type", "required", "additionalProperties", "properties"):
        schema.pop(key)
    return schema


def _validators(part: str):
    """(fast yes/no check, explaining validator) for the whole bank or one question."""
    return _validators_for(part, _registered())


@cache
def _validators_for(part: str, registered: tuple):
    import jsonschema_rs
    from jsonschema import Draft202012Validator

    schema = bank_schema() if part == "bank" else _question_schema()
    return jsonschema_rs.validator_for(schema), Draft202012Validator(schema)


def _schema_problems(data: Any, part: str) -> list[Problem]:
    fast, explaining = _validators(part)
    return [] if fast.is_valid(data) else [_describe(e) for e in explaining.iter_errors(data)]


def problems(data: Any) -> list[Problem]:
    """Every problem of a bank's parsed JSON, in document order; [] when it is valid."""
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        return [
            Problem("$", "not a quizgen question bank (expected an object with a 'questions' list)")
        ]
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        return [
            Problem(
                "$.schema_version",
                f"{version!r} is not a schema version this quizgen reads "
                f"(it reads {SCHEMA_VERSION})",
            )
        ]
    found = _schema_problems(data, "bank")
    found.extend(_cross_field(data))
    unique = list(dict.fromkeys(found))  # the same problem can come from two subschemas
    return sorted(unique, key=lambda p: _sort_key(p.path))  # stable: schema order within a path


def question_problems(question: dict[str, Any], documents: set[str] | None = None) -> list[Problem]:
    """Problems of one question (paths start at `$`); used by the build before writing."""
    found = _schema_problems(question, "question")
    found.extend(_question_cross_field("$", question, documents))
    return found


def _cross_field(data: dict[str, Any]) -> Iterator[Problem]:
    documents = {d.get("name") for d in data.get("documents") or [] if isinstance(d, dict)}
    seen: dict[str, int] = {}
    for i, question in enumerate(data["questions"]):
        if not isinstance(question, dict):
            continue
        qid = question.get("id")
        if isinstance(qid, str):
            if qid in seen:
                yield Problem(
                    f"$.questions[{i}].id", f"{qid!r} is also the id of $.questions[{seen[qid]}]"
                )
            seen.setdefault(qid, i)
        yield from _question_cross_field(f"$.questions[{i}]", question, documents)


def _question_cross_field(
    at: str, question: dict[str, Any], documents: set[str] | None
) -> Iterator[Problem]:
    qtype = question.get("type")
    choices = question.get("choices")
    if (
        qtype == "multiple_choice"
        and isinstance(choices, list)
        and question.get("answer") not in choices
    ):
        yield Problem(
            f"{at}.choices",
            f"the answer {_shown(question.get('answer'))} is not one of the choices",
        )
    pairs = question.get("pairs")
    if qtype == "matching" and isinstance(pairs, list):
        for side, name in ((0, "left"), (1, "right")):
            values = [p[side] for p in pairs if isinstance(p, list) and len(p) == 2]
            if len(set(values)) != len(values):
                yield Problem(
                    f"{at}.pairs", f"two pairs have the same {name} side, so the match is ambiguous"
                )
    if documents is not None:
        for j, source in enumerate(question.get("sources") or []):
            name = source.get("document") if isinstance(source, dict) else None
            if isinstance(name, str) and name not in documents:
                yield Problem(
                    f"{at}.sources[{j}].document", f"{name!r} is not one of the bank's documents"
                )


def _describe(error) -> Problem:
    """A short message for a jsonschema error, without dumping the whole offending value."""
    v, arg, value = error.validator, error.validator_value, error.instance
    if v == "required":
        message = error.message.replace(" is a required property", "") + " is missing"
    elif v == "additionalProperties":
        message = error.message
    elif v in ("minItems", "maxItems"):
        bound = "at least" if v == "minItems" else "at most"
        message = f"has {len(value)} item(s), needs {bound} {arg}"
    elif v == "contains":  # the schema's one 'contains': a cloze needs a blank
        message = "has no blank"
    elif v == "uniqueItems":
        message = "has duplicate items"
    elif v == "const":
        message = f"{_shown(value)} should be {arg!r}"
    elif v == "enum":
        message = f"{_shown(value)} is not one of: {', '.join(map(str, arg))}"
    elif v == "type":
        allowed = " or ".join(arg) if isinstance(arg, list) else arg
        message = f"{_shown(value)} should be of type {allowed}"
    elif v in ("minLength", "pattern") and isinstance(value, str) and not value.strip():
        message = "is empty"
    elif v == "pattern":
        message = f"{_shown(value)} does not match {arg}"
    else:
        message = (
            error.message
            if len(error.message) <= 2 * MAX_SHOWN
            else error.message[: 2 * MAX_SHOWN] + "…"
        )
    return Problem(error.json_path, message)


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + "…"


def _sort_key(path: str) -> list:
    """Order $.questions[10] after $.questions[9]."""
    return [int(part) if part.isdigit() else part for part in re.split(r"\[(\d+)\]", path)]


def stale_hash(data: dict[str, Any]) -> bool:
    """True when a valid bank's content_hash is set but no longer matches (edited by hand)."""
    from . import bank_from_dict, content_hash

    given = data.get("content_hash") or ""
    return bool(given) and given != content_hash(bank_from_dict(data))
