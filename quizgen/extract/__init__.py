"""Extraction: one module per item kind, each a generator over a cleaned Document.

An extractor is `extract(doc, nlp, settings) -> Iterable[Item]`; it may run the
spaCy pipeline on the sentences it needs, and returns plain items only.

Each kind is one `ItemKind` entry of `KINDS`: besides its extractor it declares what
the later stages need of it (its item class, how the cache stores it, how `quizgen
extract` and the report show it, the fact its questions ask). Nothing else lists
the kinds: configuration, the bank schema check and the cache read this registry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from typing import Any

from ..config import REGISTRIES
from ..errors import ExtractError
from ..models import Document, Item, Provenance
from ..registry import Registry

Extractor = Callable[..., Iterable[Item]]


@dataclass(frozen=True)
class ItemKind:
    """An item kind and what the other stages need from it."""

    name: str
    item_class: type  # a frozen dataclass with `source: Provenance` and `kind: Literal[name]`
    extract: Extractor
    describe: Callable[[Any], str]  # one line for `quizgen extract`: "label: a; b; c"
    shown: Callable[[Any], str]  # the words a refused item is reported by
    fact_key: Callable[[Any], tuple[str, ...]]  # what question ids key (generate/ids.py)
    default: bool = True  # extracted when the settings name no kinds of their own

    def from_dict(self, data: dict[str, Any]) -> Any:
        """Inverse of `models.item_to_dict` (after JSON: lists back to tuples)."""
        values = {f.name: data[f.name] for f in fields(self.item_class) if f.name in data}
        values = {name: _tuples(value) for name, value in values.items()}
        source = data["source"]
        values["source"] = Provenance(**{**source, "footnotes": tuple(source["footnotes"])})
        return self.item_class(**values)


def _tuples(value: Any) -> Any:
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


KINDS: Registry[ItemKind] = Registry("item kind")
REGISTRIES["kinds"] = KINDS  # the settings check `extract.kinds` against it


def _register_builtin() -> None:
    from . import dates, definitions, enumerations, quotes

    for module in (enumerations, definitions, dates, quotes):
        KINDS.register(module.KIND.name, module.KIND)


_register_builtin()


def kinds_of(settings) -> list[str]:
    """The kinds the settings ask for: `all` is every registered kind that is on by default."""
    wanted = settings.extract.kinds
    if wanted == "all":
        return [name for name, kind in KINDS.items() if kind.default]
    for name in wanted:
        if name not in KINDS:  # named before this stage was loaded, so not checked then
            raise ExtractError(f"unknown item kind {name!r} (known: {', '.join(KINDS.names())})")
    return list(wanted)


def item_from_dict(data: dict[str, Any]) -> Item:
    """An item from its JSON form, by its `kind`."""
    return KINDS.get(data["kind"]).from_dict(data)


def extract_document(doc: Document, settings=None) -> list[Item]:
    """All items of the configured kinds, in document order."""
    from ..config import Settings
    from .nlp import forget_parses, load_pipeline

    settings = settings or Settings()
    nlp = load_pipeline(settings.extract.pipeline)
    items: list[Item] = []
    try:
        for kind in kinds_of(settings):
            items.extend(KINDS.get(kind).extract(doc, nlp, settings))
    finally:
        forget_parses()
    return sorted(items, key=lambda i: (i.source.line, i.kind))
