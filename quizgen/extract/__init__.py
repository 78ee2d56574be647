"""Extraction: one module per item kind, each a generator over a cleaned Document.

An extractor is `extract(doc, nlp, settings) -> Iterable[Item]`; it may run the
spaCy pipeline on the sentences it needs, and returns plain items only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..models import Document, Item
from ..registry import Registry

Extractor = Callable[..., Iterable[Item]]

EXTRACTORS: Registry[Extractor] = Registry("extractor")


def _register_builtin() -> None:
    from . import dates, definitions, enumerations, quotes

    EXTRACTORS.register("enumeration", enumerations.extract)
    EXTRACTORS.register("definition", definitions.extract)
    EXTRACTORS.register("date", dates.extract)
    EXTRACTORS.register("quote", quotes.extract)


_register_builtin()


def extract_document(doc: Document, settings=None) -> list[Item]:
    """All items of the configured kinds, in document order."""
    from ..config import Settings
    from .nlp import forget_parses, load_pipeline

    settings = settings or Settings()
    nlp = load_pipeline(settings.extract.pipeline)
    items: list[Item] = []
    try:
        for kind in settings.extract.kinds:
            items.extend(EXTRACTORS.get(kind)(doc, nlp, settings))
    finally:
        forget_parses()
    return sorted(items, key=lambda i: (i.source.line, i.kind))
