"""What a question type needs besides its items: the document, the corpus, the settings.

`Context.question` fills in what every question carries the same way: the id from
the type and the fact's core, the explanation and sources from the items'
provenance, Anki-safe tags, the topic, the difficulty and the level.
"""

from __future__ import annotations

import bisect
import functools
import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import PurePath

from ..errors import GenerateError
from ..models import DatedEvent, Definition, Document, Enumeration, Item, Question, Source
from . import choose
from .distractors import Pool
from .ids import fact_key, normalise, question_id, stable_int
from .phrasing import (
    WordCases,
    anchored_label,
    in_sentence,
    names_its_list,
    names_only,
    one_definition,
    valid_date,
)
from .screen import plain_text

# Types that ask a student to produce several things, or to recognise one among
# given options, for the difficulty heuristic (docs/questions.md, "Difficulty").
RECOGNITION_TYPES = {"true_false", "multiple_choice"}
SEVERAL_ANSWER_TYPES = {"list_recall", "ordering"}
LONG_ANSWER_WORDS = 8
MANY_PARTS = 4


@dataclass(frozen=True)
class Corpus:
    """Every item of every document, for distractors and for checking a false statement
    is not true somewhere else.

    Questions ask it the same few things many times, so each answer is indexed once
    (memoised per kind and field): a lookup costs the same in a corpus of thousands of
    documents as in one of three.
    """

    documents: tuple[tuple[str, tuple[Item, ...]], ...]
    _memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def of(cls, sources: Sequence[tuple[Document, Sequence[Item]]]) -> Corpus:
        return cls(tuple((doc.name, reading_order(items)) for doc, items in sources))

    def pool(self, kind: str, name: str) -> Pool:
        """Field `name` of every item of `kind` (each member, for a list's `members`), by document."""
        return self._memoised(
            ("pool", kind, name),
            lambda: Pool(
                tuple(
                    (document, text)
                    for document, item in self._of_kind(kind)
                    for text in _values(item, name)
                )
            ),
        )

    def where(self, kind: str, key: str, value: str, name: str) -> list[str]:
        """Field `name` of the items of `kind` whose field `key` normalises as `value` does."""
        index = self._memoised(
            ("where", kind, key, name),
            lambda: _group(
                (normalise(getattr(item, key)), text)
                for _, item in self._of_kind(kind)
                for text in _values(item, name)
            ),
        )
        return list(index.get(normalise(value), ()))

    def of_document(self, kind: str, document: str) -> tuple[Item, ...]:
        index = self._memoised(("by document", kind), lambda: _group(self._of_kind(kind)))
        return index.get(document, ())

    def _of_kind(self, kind: str) -> list[tuple[str, Item]]:
        return [
            (name, item) for name, items in self.documents for item in items if item.kind == kind
        ]

    def _memoised(self, key: tuple, make: Callable):
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]


def _values(item: Item, name: str) -> tuple[str, ...]:
    value = getattr(item, name)
    return tuple(value) if isinstance(value, tuple) else (value,)


def _group(pairs: Iterable[tuple[str, object]]) -> dict[str, tuple]:
    """Values by key, each once, in first-seen order."""
    grouped: dict[str, dict] = {}
    for key, value in pairs:
        grouped.setdefault(key, {})[value] = None
    return {key: tuple(values) for key, values in grouped.items()}


@dataclass(frozen=True)
class Context:
    document: Document
    corpus: Corpus
    settings: object  # config.Settings
    refused: list = field(
        default_factory=list, compare=False
    )  # (Question, reason) of items refused
    scores: dict = field(default_factory=dict, compare=False)  # question id -> rank (choose.score)

    def refuse(self, item: Item, reason: str, shown: str) -> None:
        """Record that no question is made of `item` (for `--report`); `shown` is what it said."""
        question = self.question(
            "item", (*fact(item), reason.split(":", 1)[0]), [item], prompt=shown, answer=""
        )
        self.refused.append((question, reason))

    def rng(self, qtype: str, core: Iterable[str]) -> random.Random:
        """A generator of its own per question: seeded, and independent of run order."""
        return random.Random(self.settings.generate.seed + stable_int(question_id(qtype, core)))

    @property
    def latest_year(self) -> int | None:
        """The last year a date question may offer: the document's date, else its last event."""
        dated = str(self.document.date or "")[:4]
        own = self.corpus.of_document("date", self.document.name)
        years = [int((d.end or d.date)[:4]) for d in own]
        return int(dated) if dated.isdigit() else max(years, default=None)

    def source(self, item: Item) -> Source:
        meta = self.document.metadata
        return Source(
            document=item.source.document,
            line=item.source.line,
            sentence=item.source.sentence,
            title=text_or_none(meta.get("title")),
            author=text_or_none(meta.get("author")),
            date=text_or_none(meta.get("date")),  # front matter may give a date object
            footnote="; ".join(item.source.footnotes) or None,
        )

    def topic(self, item: Item) -> str | None:
        """The heading of the section the item comes from; else the list's own name."""
        starts, body = self._body_paragraphs
        at = bisect.bisect_right(starts, item.source.line) - 1
        if at >= 0 and item.source.line <= body[at].end_line and body[at].heading:
            return body[at].heading
        return getattr(item, "label", None)

    @functools.cached_property
    def _body_paragraphs(self) -> tuple[list[int], list]:
        """(first lines, paragraphs) of the body paragraphs by line, to find one by bisection."""
        body = sorted(
            (p for p in self.document.paragraphs if p.kind == "body"), key=lambda p: p.line
        )
        return [p.line for p in body], body

    @functools.cached_property
    def _document_tag(self) -> str:
        return f"doc::{tag_text(PurePath(self.document.name).stem)}"

    def question(
        self,
        qtype: str,
        core: Iterable[str],
        items: Sequence[Item],
        *,
        prompt: str,
        answer: str,
        level: str = "remember",
        **fields,
    ) -> Question:
        core = tuple(core)
        sentences = list(dict.fromkeys(item.source.sentence for item in items))
        topic = self.topic(items[0])
        tags = [self._document_tag, f"kind::{items[0].kind}"]
        if topic:
            tags.append(f"topic::{tag_text(topic)}")
        parts = len(
            fields.get("blanks") or fields.get("sequence") or fields.get("pairs") or [answer]
        )
        question = Question(
            id=question_id(qtype, core),
            type=qtype,
            prompt=prompt,
            answer=answer,
            explanation="\n".join(sentences),
            sources=tuple(dict.fromkeys(self.source(item) for item in items)),
            kind=items[0].kind,
            tags=tuple(tags),
            topic=topic,
            difficulty=difficulty(qtype, answer, parts),
            level=level,
            **fields,
        )
        central = sum(self.centrality(item) for item in items) / len(items)
        self.scores[question.id] = max(
            self.scores.get(question.id, 0.0), choose.score(question, central)
        )
        return question

    def centrality(self, item: Item) -> float:
        key = fact(item)
        memo = self.corpus._memo.setdefault(("centrality", self.document.name), {})
        if key not in memo:
            memo[key] = choose.centrality(item, self.document)
        return memo[key]


def text_or_none(value) -> str | None:
    return str(value) if value not in (None, "") else None


def fact(item: Item) -> tuple[str, ...]:
    """The fact an item states, as question ids key it (`ids.fact_key`)."""
    return fact_key(item)


MIN_DEFINITION_WORDS = 3  # "the goal", "the basic stance": true of too many terms to ask


def as_read(items: Iterable[Item], document: Document) -> list[Item]:
    """Items as questions can quote them.

    The capital a sentence start gave a term, label, member or event is dropped unless
    the document shows the word is a name ('What is meant by cross-border trade?',
    but 'Orvath'); a definition loses the 'that' of "X means that ..." and is made
    one phrase; a list named by a clause's subject ("The talks featured ...")
    loses its name;
    definitions too short to single out a term are left out.
    """
    words = WordCases.of(s.text for s in document.sentences)
    cased = []
    for item in items:
        item = without_emphasis(item)
        if isinstance(item, DatedEvent):
            for iso in (item.date, item.end):
                if iso is not None and not valid_date(iso):
                    raise GenerateError(
                        f"invalid date {iso!r} in an item (want YYYY, YYYY-MM or YYYY-MM-DD)",
                        document.path,
                        item.source.line,
                    )
        if isinstance(item, Enumeration) and len(item.members) < 2:
            continue  # one member is no list
        if isinstance(item, Enumeration):
            # A label that is a clause's subject ("The talks featured ...") names no list.
            label = item.label if names_its_list(item.label, item.source.sentence) else ""
            label = anchored_label(label, item.source.sentence, item.members) if label else ""
            item = replace(
                item,
                label=in_sentence(label, words) if label else "",
                members=tuple(in_sentence(m, words) for m in item.members),
            )
        elif isinstance(item, Definition):
            definition = one_definition(re.sub(r"^that\s+", "", item.definition.strip()))
            if (
                len(normalise(definition).split()) < MIN_DEFINITION_WORDS
                or names_only(definition)
                or re.match(r"not\b", definition, re.I)  # "not as ..., but as ...": a contrast
            ):
                continue
            item = replace(
                item, term=unshouted(in_sentence(item.term, words)), definition=definition
            )
        elif isinstance(item, DatedEvent):
            item = replace(item, event=unshouted_names(in_sentence(item.event, words)))
        cased.append(item)
    return cased


_SMALL_WORDS = {
    "a",
    "an",
    "the",
    "of",
    "and",
    "or",
    "in",
    "on",
    "at",
    "to",
    "for",
    "by",
    "with",
    "from",
}


def unshouted(term: str) -> str:
    """A name the source set in capitals for emphasis ("THE PEACE OF RIVERTON") in title case;
    an acronym ("OECD", "EU Fisheries Council") is left as it is."""
    words = term.split()
    if len(words) < 2 or not all(w.isupper() for w in words if any(c.isalpha() for c in w)):
        return term
    if not any(sum(c.isalpha() for c in w) >= 5 for w in words):
        return term  # "NATO, OECD AND EFTA": acronyms, not a word shouted
    cased = [
        (w.capitalize() if i == 0 else w.lower())
        if w.lower() in _SMALL_WORDS
        else w
        if len(w) <= 4  # "USSR", "NATO": acronyms, not shouted words
        else w.capitalize()
        for i, w in enumerate(words)
    ]
    return " ".join(cased)


_SHOUTED_RUN = re.compile(r"\b[A-Z][A-Z'’-]+(?:\s+(?:OF|THE|AND|FOR|ON|IN|[A-Z][A-Z'’-]+))+\b")


def unshouted_names(text: str) -> str:
    """Each run of capitals in a text ("the HARWICK SUMMIT was held") written as a name."""
    return _SHOUTED_RUN.sub(lambda m: unshouted(m.group(0)), text)


_REFERENCE_MARKS = re.compile(r"\[(?:\d+|[a-z]|citation needed|note \d+)\]|\s*\(\s*\)")


def readable(text: str) -> str:
    """Text without Markdown emphasis, wiki reference marks ("[10]") or emptied brackets ("()")."""
    return _REFERENCE_MARKS.sub("", plain_text(text))


def without_emphasis(item: Item) -> Item:
    """Markdown emphasis and reference marks taken out of every text field and the source sentence."""
    changes = {}
    for name in ("label", "term", "definition", "event", "text", "speaker", "role"):
        value = getattr(item, name, None)
        if isinstance(value, str) and readable(value) != value:
            changes[name] = readable(value)
    if isinstance(item, Enumeration) and any(readable(m) != m for m in item.members):
        changes["members"] = tuple(readable(m) for m in item.members)
    if readable(item.source.sentence) != item.source.sentence:
        changes["source"] = replace(item.source, sentence=readable(item.source.sentence))
    return replace(item, **changes) if changes else item


def reading_order(items: Iterable[Item]) -> tuple[Item, ...]:
    """Items by line, so results do not depend on the order an extractor yields them."""
    return tuple(sorted(items, key=lambda item: (item.source.line, item.kind, fact(item))))


def groups(items: Sequence, low: int = 4, high: int = 6) -> list[list]:
    """Items split into as few groups of `low`..`high` as possible, in order; a remainder
    too small for a group of its own is left out."""
    count = -(-len(items) // high)
    while count and len(items) // count < low:
        count -= 1
    if not count:
        return []
    usable = items[: min(len(items), count * high)]
    size, extra = divmod(len(usable), count)
    out, start = [], 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        out.append(list(usable[start:end]))
        start = end
    return out


@functools.lru_cache(maxsize=4096)
def tag_text(text: str) -> str:
    """Anki tags cannot hold spaces; keep letters, digits, '-' and '_' only."""
    text = re.sub(r"[^\w-]+", "_", text.strip().casefold())
    return text.strip("_") or "untitled"


def difficulty(qtype: str, answer: str, parts: int) -> int:
    """1 to recognise one fact, 2 to recall one, 3 to recall several or put them in
    order; one more (at most 3) when the answer is long or has many parts."""
    if qtype in RECOGNITION_TYPES:
        level = 1
    elif qtype in SEVERAL_ANSWER_TYPES or (qtype == "cloze" and parts > 1):
        level = 3
    else:
        level = 2
    if len(answer.split()) > LONG_ANSWER_WORDS or parts > MANY_PARTS:
        level += 1
    return min(level, 3)
