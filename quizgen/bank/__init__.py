"""The question bank: the one versioned, validated JSON file every renderer reads.

Layout (see schemas/bank.schema.json):
  {"schema_version": 1, "generator": "quizgen X", "built_at": ISO (excluded from content_hash),
   "content_hash": sha256 of the questions, "title": str,
   "documents": [{"name", "path", "title", "author", "date", "checksum"}],
   "questions": [Question.to_dict(), ...] sorted by id}
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..models import Question, Source

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class DocumentInfo:
    name: str
    path: str
    checksum: str
    title: str | None = None
    author: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Bank:
    title: str
    questions: tuple[Question, ...]
    documents: tuple[DocumentInfo, ...] = ()
    generator: str = ""
    built_at: str = ""
    schema_version: int = SCHEMA_VERSION
    extra: dict[str, Any] = field(default_factory=dict)

    def by_type(self, qtype: str) -> list[Question]:
        return [q for q in self.questions if q.type == qtype]


def question_from_dict(data: dict[str, Any]) -> Question:
    """Inverse of Question.to_dict (lists back to tuples)."""
    fields = dict(data)
    fields["sources"] = tuple(Source(**s) for s in data.get("sources", ()))
    for name in ("tags", "accepted", "choices", "blanks", "sequence"):
        fields[name] = tuple(data.get(name, ()))
    fields["pairs"] = tuple((a, b) for a, b in data.get("pairs", ()))
    return Question(**fields)


def bank_from_dict(data: dict[str, Any]) -> Bank:
    return Bank(
        title=data.get("title", ""),
        questions=tuple(question_from_dict(q) for q in data.get("questions", ())),
        documents=tuple(DocumentInfo(**d) for d in data.get("documents", ())),
        generator=data.get("generator", ""),
        built_at=data.get("built_at", ""),
        schema_version=data.get("schema_version", SCHEMA_VERSION),
    )


def read_bank(path) -> Bank:
    """Load a bank file (validation against the schema lives in bank/schema.py)."""
    import json
    from pathlib import Path

    from ..errors import BankError

    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BankError("no such bank file", str(path)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BankError(f"not a JSON question bank: {exc}", str(path)) from None
    return bank_from_dict(data)
