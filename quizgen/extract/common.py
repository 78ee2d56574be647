"""Helpers every extractor shares: provenance and candidate-sentence selection."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..models import Document, Provenance, Sentence


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
