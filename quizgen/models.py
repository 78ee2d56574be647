"""Immutable data passed between the pipeline stages.

ingest -> Document; extract -> Item (Enumeration, Definition, DatedEvent, Quote);
generate/bank -> Question. Every item carries a Provenance so a question can cite
the sentence, line and footnote it came from. Nothing here holds a spaCy object.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, fields, is_dataclass
from typing import Any, Literal

ParagraphKind = Literal["body", "heading", "aside"]


@dataclass(frozen=True)
class Footnote:
    """A footnote body taken out of the running text."""

    number: int
    text: str
    line: int  # first line of the body in the original file


@dataclass(frozen=True)
class Mark:
    """Emphasis the source put on part of a sentence (the markup itself is not in the text)."""

    start: int  # character offsets into Sentence.text
    end: int
    kind: str  # "strong" (**x**, __x__, <b>, <strong>), "em" (*x*, _x_, <i>, <em>), "dfn" (<dfn>)


@dataclass(frozen=True)
class Sentence:
    """One sentence of cleaned text, with where it came from in the original file."""

    text: str
    line: int  # original line of the first character (1-based)
    end_line: int  # original line of the last character
    offset: int  # character offset of the first character in the original file
    paragraph: int  # index into Document.paragraphs
    footnotes: tuple[int, ...] = ()  # footnote numbers the sentence points to
    unreliable: bool = False  # inside a region the cleaner flagged
    marks: tuple[Mark, ...] = ()  # emphasised stretches, in order


@dataclass(frozen=True)
class Paragraph:
    """A reflowed paragraph; headings and asides (pull quotes, captions) are kept apart."""

    index: int
    kind: ParagraphKind
    text: str
    line: int
    end_line: int
    sentences: tuple[Sentence, ...] = ()
    heading: str | None = None  # text of the nearest heading above a body paragraph
    unreliable: bool = False
    # The marker ("-", "*", "•", "1.", "a)", "(a)") when the paragraph is one item of a bulleted or
    # numbered list; the marker is not in the text. Each item is its own paragraph.
    list_item: str | None = None
    block_quote: bool = (
        False  # a quotation set off from the text: Markdown '>', <blockquote>, an indented block
    )


@dataclass(frozen=True)
class FlaggedRegion:
    """Lines the cleaner changed or distrusts, with the reason (e.g. 'reversed block')."""

    line: int
    end_line: int
    reason: str
    restored: bool  # True: fixed and usable; False: nothing is generated from it


@dataclass(frozen=True)
class Document:
    """A cleaned source document."""

    path: str  # as given on the command line
    name: str  # file name, used as the document key
    format: str  # reader name: text, markdown, html, pdf
    checksum: str  # sha256 of the original bytes
    metadata: dict[str, Any]  # title, author, date (ISO), publication, and front matter keys
    paragraphs: tuple[Paragraph, ...]
    footnotes: tuple[Footnote, ...] = ()
    regions: tuple[FlaggedRegion, ...] = ()

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(s for p in self.paragraphs for s in p.sentences)

    def footnote(self, number: int) -> Footnote | None:
        return next((f for f in self.footnotes if f.number == number), None)

    @property
    def date(self) -> str | None:
        return self.metadata.get("date")

    def to_dict(self) -> dict[str, Any]:
        return _lists(self)


@dataclass(frozen=True)
class Provenance:
    """Where an extracted item came from."""

    document: str  # Document.name
    sentence: str  # the source sentence(s), cleaned
    line: int
    end_line: int
    footnotes: tuple[str, ...] = ()  # footnote texts ("12 Ibid.") the sentence points to
    rule: str = ""  # id of the rule that found the item


@dataclass(frozen=True)
class Enumeration:
    label: str
    members: tuple[str, ...]
    source: Provenance
    kind: Literal["enumeration"] = "enumeration"


@dataclass(frozen=True)
class Definition:
    term: str
    definition: str
    source: Provenance
    kind: Literal["definition"] = "definition"


@dataclass(frozen=True)
class DatedEvent:
    date: str  # ISO 8601 at the precision the text gives: YYYY, YYYY-MM or YYYY-MM-DD
    event: str
    source: Provenance
    end: str | None = None  # end of a range, same format
    kind: Literal["date"] = "date"


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str
    source: Provenance
    role: str | None = None  # "Deputy Editor of The Harbour Gazette"
    kind: Literal["quote"] = "quote"


Item = Enumeration | Definition | DatedEvent | Quote


def item_to_dict(item: Item) -> dict[str, Any]:
    """JSON-ready form of an item (the `quizgen extract --format json` contract)."""
    return _lists(item)


@dataclass(frozen=True)
class Blank:
    """A gap of a cloze text: the words it hides, and an optional hint shown in its place."""

    answer: str
    hint: str | None = None


ClozePart = str | Blank  # a run of text, or a blank
GAP = "_____"  # how a blank is shown where a format has no blanks of its own


def cloze_text(parts: tuple[ClozePart, ...], gap: str | None = None) -> str:
    """A cloze as plain text: each blank filled with its answer, or shown as `gap`."""
    return "".join(
        part if isinstance(part, str) else (part.answer if gap is None else gap) for part in parts
    )


@dataclass(frozen=True)
class Source:
    """A citation of a question's origin, as shown on cards, keys and exports."""

    document: str
    line: int
    sentence: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    footnote: str | None = None  # the footnote citation the sentence points to


@dataclass(frozen=True)
class Question:
    """One question of the bank. `id` is derived from what the question asks.

    Fields by type:
      basic, short_answer: prompt, answer, accepted (alternatives, short_answer)
      cloze: cloze holds the text as runs and Blanks in reading order (each blank one
             card in Anki); prompt is that text with each blank shown as GAP; answer
             lists the blanks' answers joined by "; " (`blanks` gives them in order)
      multiple_choice: prompt, answer, choices (answer included, fixed order)
      true_false: prompt is the statement; answer "True" or "False"
      list_recall: prompt, answer (members joined), sequence (the members)
      matching: prompt, pairs ((left, right), ...)
      ordering: prompt, sequence (items in the correct order), answer
    """

    id: str
    type: str
    prompt: str
    answer: str
    explanation: str  # the source sentence
    sources: tuple[Source, ...]
    kind: str  # item kind the question came from
    tags: tuple[str, ...] = ()
    topic: str | None = None
    difficulty: int = 2  # 1 easy .. 3 hard, see docs/questions.md
    level: Literal["remember", "understand"] = "remember"
    accepted: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    cloze: tuple[ClozePart, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    sequence: tuple[str, ...] = ()

    @property
    def blanks(self) -> tuple[str, ...]:
        """The answers of a cloze's blanks, in reading order."""
        return tuple(part.answer for part in self.cloze if isinstance(part, Blank))

    def to_dict(self) -> dict[str, Any]:
        return _lists(self)


def _lists(value: Any) -> Any:
    """Plain JSON data: dataclasses become dicts and tuples lists, so JSON round-trips
    compare equal (dataclasses.asdict would also deep-copy every string, slowly)."""
    if isinstance(value, (str, int, float)) or value is None:
        return value  # the usual case, tested first: a big bank holds a million leaves
    if isinstance(value, (list, tuple)):
        return [_lists(v) for v in value]
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if is_dataclass(value):
        return {name: _lists(getattr(value, name)) for name in _field_names(type(value))}
    return value


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))
