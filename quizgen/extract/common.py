"""Helpers every extractor shares: provenance, candidate-sentence selection, rules data."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from ..errors import ExtractError
from ..models import Document, Provenance, Sentence

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


def provenance(doc: Document, sentences: Sequence[Sentence], rule: str) -> Provenance:
    """Provenance of an item found in one or more consecutive sentences."""
    notes: list[str] = []
    for s in sentences:
        for number in s.footnotes:
            note = doc.footnote(number)
            notes.append(f"{number} {note.text}" if note else str(number))
    return Provenance(
        document=doc.name,
        sentence=" ".join(s.text for s in sentences),
        line=sentences[0].line,
        end_line=sentences[-1].end_line,
        footnotes=tuple(notes),
        rule=rule,
    )


def usable_sentences(doc: Document, kinds: tuple[str, ...] = ("body",)) -> Iterable[Sentence]:
    """Sentences of the given paragraph kinds, skipping regions the cleaner distrusts."""
    for paragraph in doc.paragraphs:
        if paragraph.kind in kinds and not paragraph.unreliable:
            yield from (s for s in paragraph.sentences if not s.unreliable)


@functools.cache
def load_rules(name: str | Path, schema: type[BaseModel]) -> BaseModel:
    """Rules data from `quizgen/rules/<name>.yaml` (or a path), validated against `schema`, read once per process.

    A missing or malformed file is an ExtractError naming the file: rules are
    shipped data, so this means a broken install or a bad local edit.
    """
    path = name if isinstance(name, Path) else RULES_DIR / f"{name}.yaml"
    try:
        # libyaml's safe loader when PyYAML was built with it: rules are read at every start.
        data = yaml.load(
            path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        )
    except OSError as exc:
        raise ExtractError(f"cannot read rules: {exc.strerror}", str(path)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ExtractError(
            "invalid YAML in rules", str(path), mark.line + 1 if mark else None
        ) from None
    try:
        return schema.model_validate(data or {})
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise ExtractError(f"invalid rules: {problems}", str(path)) from None
