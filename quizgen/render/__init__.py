"""Renderers: one module per output format, registered by name.

A renderer is a small object with `name`, `suffix` (what it writes: ".apkg", a
folder "/", ...), `help` (one line for `quizgen render --help`), `types` (question
types it can express) and `write(bank, out, options) -> RenderReport`. Questions of
other types are skipped and counted in the report, never mangled. Optionally
`exports`: the API's export formats it serves, with their options (default: its name).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..bank import Bank
from ..registry import Registry


@dataclass(frozen=True)
class RenderOptions:
    """What a recipe or the CLI asks of a renderer. `extra` holds format-specific options."""

    title: str = "quizgen"
    seed: int = 0
    paper: str = "A4"
    template_dir: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RenderReport:
    written: tuple[Path, ...]
    skipped: dict[str, int] = field(default_factory=dict)  # question type -> count not expressible
    notes: tuple[str, ...] = ()  # what a teacher should know, e.g. a type written as another


class Renderer(Protocol):
    name: str
    suffix: str
    help: str
    types: tuple[str, ...]

    def write(self, bank: Bank, out: Path, options: RenderOptions) -> RenderReport: ...


RENDERERS: Registry[Renderer] = Registry("renderer")


def type_label(qtype: str) -> str:
    """A question type's name for people ("Multiple choice"), from its registry entry."""
    from ..generate import QUESTION_TYPES

    return QUESTION_TYPES.get(qtype).label if qtype in QUESTION_TYPES else qtype


def _register_builtin() -> None:
    # One line per renderer module; each imports its heavy library inside write().
    from .anki import AnkiRenderer

    RENDERERS.register("anki", AnkiRenderer())
    from .worksheet import WorksheetRenderer

    RENDERERS.register("worksheet", WorksheetRenderer())
    from .aiken import AikenRenderer
    from .csv_export import CsvRenderer
    from .gift import GiftRenderer
    from .moodle import MoodleRenderer
    from .qti12 import Qti12Renderer
    from .qti21 import Qti21Renderer

    RENDERERS.register("qti21", Qti21Renderer())
    RENDERERS.register("qti12", Qti12Renderer())
    RENDERERS.register("moodle", MoodleRenderer())
    RENDERERS.register("gift", GiftRenderer())
    RENDERERS.register("aiken", AikenRenderer())
    RENDERERS.register("csv", CsvRenderer())


_register_builtin()
