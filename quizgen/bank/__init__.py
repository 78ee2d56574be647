"""The question bank: the one versioned, validated JSON file every renderer reads.

Layout (see schemas/bank.schema.json):
  {"schema_version": 2, "generator": "quizgen X", "built_at": ISO UTC (excluded from content_hash),
   "content_hash": sha256 of the canonical JSON of documents + questions, "title": str,
   "documents": [{"name", "path", "checksum", "title", "author", "date"}],
   "questions": [Question.to_dict(), ...] sorted by id}

The same bank always gives the same bytes apart from `built_at`, so a rebuild that
changes nothing shows no diff and `content_hash` tells two builds apart.

Schema 2 holds a cloze as text runs and blanks (`Question.cloze`); a schema-1 file
(Anki cloze markup in the prompt) is read through `legacy.upgrade_bank`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from ..errors import BankError
from ..models import Blank, Question, Source

SCHEMA_VERSION = 2  # 2: a cloze is text runs and blanks, not markup


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
    """Inverse of Question.to_dict (lists back to tuples); a schema-1 question is upgraded."""
    from .legacy import upgrade_question

    data = upgrade_question(data)
    fields = dict(data)
    fields["sources"] = tuple(Source(**s) for s in data.get("sources", ()))
    for name in ("tags", "accepted", "choices", "sequence"):
        fields[name] = tuple(data.get(name, ()))
    fields["cloze"] = tuple(p if isinstance(p, str) else Blank(**p) for p in data.get("cloze", ()))
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


def content_of(bank: Bank) -> dict[str, Any]:
    """The part of a bank that content_hash covers: documents and questions, sorted."""
    return {
        "documents": [asdict(d) for d in sorted(bank.documents, key=lambda d: d.name)],
        "questions": [q.to_dict() for q in sorted(bank.questions, key=lambda q: q.id)],
    }


def content_hash(bank: Bank) -> str:
    return _hash_of(content_of(bank))


def canonical_json(data: Any) -> str:
    """The one JSON text of `data`: keys sorted, no spaces, non-ASCII as is (hashes, ETags, the store)."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _hash_of(content: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


def bank_to_dict(bank: Bank) -> dict[str, Any]:
    """The file's JSON object; `generator` and `built_at` are filled in when empty."""
    from .. import __version__

    content = content_of(bank)
    return {
        "schema_version": bank.schema_version,
        "generator": bank.generator or f"quizgen {__version__}",
        "built_at": bank.built_at or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "content_hash": _hash_of(content),
        "title": bank.title,
        **content,
    }


def write_bank(bank: Bank, path: str | Path, *, checked: bool = False) -> Path:
    """Validate and write a bank atomically; an invalid bank is refused and nothing is replaced.
    `checked`: every question already passed `schema.question_problems` (a build checks once)."""
    return write_bank_data(bank_to_dict(bank), path, checked=checked)


def write_bank_data(
    data: dict[str, Any], path: str | Path, *, checked: bool = False, keep_same: bool = False
) -> Path:
    """`write_bank` for a bank already made into its JSON object (`bank_to_dict`). `keep_same`:
    a file there with the same title and content hash is left as it is (only `built_at` would change)."""
    from ..util.files import write_text
    from .schema import problems

    if keep_same and _same_content(Path(path), data):
        return Path(path)
    found = [] if checked else problems(data)
    if found:
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        raise BankError(f"refusing to write an invalid bank: {found[0]}{more}", str(path))
    # orjson: the standard library's encoder falls back to pure Python when indenting.
    text = orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode(
        "utf-8"
    )
    return write_text(Path(path), text)


def _same_content(path: Path, data: dict[str, Any]) -> bool:
    try:
        earlier = orjson.loads(path.read_bytes())
        return (earlier.get("content_hash"), earlier.get("title")) == (
            data["content_hash"],
            data["title"],
        )
    except (OSError, orjson.JSONDecodeError, AttributeError):
        return False


def load_bank_json(path: str | Path) -> Any:
    """The parsed JSON of a bank file, an older schema upgraded (`legacy.py`); one clear
    BankError when it is missing or not JSON."""
    from .legacy import upgrade_bank

    path = Path(path)
    try:
        return upgrade_bank(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        raise BankError("no such bank file", str(path)) from None
    except IsADirectoryError:
        raise BankError("is a folder, not a bank file", str(path)) from None
    except UnicodeDecodeError:
        raise BankError("not a JSON question bank: the file is not UTF-8 text", str(path)) from None
    except json.JSONDecodeError as exc:
        raise BankError(f"not a JSON question bank: {exc.msg}", str(path), exc.lineno) from None
    except RecursionError:  # '[[[[...' thousands deep: no bank nests more than a few levels
        raise BankError("not a JSON question bank: nested too deeply", str(path)) from None


def read_bank(path: str | Path) -> Bank:
    """Load a bank file, checked against the schema; the first problem is raised as a BankError."""
    from .schema import problems

    data = load_bank_json(path)
    found = problems(data)
    if found:
        more = f" (and {len(found) - 1} more; see `quizgen validate`)" if len(found) > 1 else ""
        raise BankError(f"{found[0]}{more}", str(path))
    return bank_from_dict(data)
