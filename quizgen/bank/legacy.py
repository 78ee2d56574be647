"""Banks and stores written before cloze texts were structure (bank schema 1).

Their cloze prompt held Anki's cloze markup (a numbered mark in double braces
around each hidden answer) and a `blanks` list. This module is the one reader of
that markup: it turns such a question into the current form (text runs and
`Blank`s), so old bank files, stored questions and the API keep working. Nothing
writes the old form.
"""

from __future__ import annotations

import re
from typing import Any

from ..models import GAP, Blank, ClozePart, cloze_text

# Anki's cloze deletion with an optional hint: c<number>, "::", answer, optional "::" hint.
_OLD_BLANK = re.compile(r"\{\{c\d+::(.*?)(?:::(.*?))?\}\}", re.DOTALL)


def cloze_from_markup(prompt: str) -> tuple[ClozePart, ...]:
    """The text runs and blanks of a schema-1 cloze prompt (every mark its own blank)."""
    parts: list[ClozePart] = []
    last = 0
    for mark in _OLD_BLANK.finditer(prompt):
        parts += [prompt[last : mark.start()], Blank(mark.group(1), mark.group(2))]
        last = mark.end()
    parts.append(prompt[last:])
    return tuple(part for part in parts if part != "")


def upgrade_question(data: dict[str, Any]) -> dict[str, Any]:
    """A schema-1 question's JSON in the current form; other questions are returned as they are."""
    if not isinstance(data, dict) or "blanks" not in data or "cloze" in data:
        return data
    upgraded = {k: v for k, v in data.items() if k != "blanks"}
    if data.get("type") == "cloze" and isinstance(data.get("prompt"), str):
        parts = cloze_from_markup(data["prompt"])
        upgraded["prompt"] = cloze_text(parts, GAP)
        upgraded["cloze"] = [
            part if isinstance(part, str) else {"answer": part.answer, "hint": part.hint}
            for part in parts
        ]
    return upgraded


def upgrade_bank(data: Any) -> Any:
    """A schema-1 bank's JSON in the current form (schema 2); anything else as it is."""
    if not isinstance(data, dict) or data.get("schema_version") != 1:
        return data
    if not isinstance(data.get("questions"), list):
        return data
    return {
        **data,
        "schema_version": 2,
        "questions": [upgrade_question(q) for q in data["questions"]],
    }


def cloze_fields(markup: str) -> dict[str, Any]:
    """`prompt` and `cloze` of a Question for a cloze written in the old markup (a
    shorthand for tests and hand-made banks)."""
    parts = cloze_from_markup(markup)
    return {"prompt": cloze_text(parts, GAP), "cloze": parts}
