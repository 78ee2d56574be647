"""Anki deck (.apkg) written with genanki.

Three note types, their templates and CSS in templates/anki/note-types/ (Anki's own
`{{Field}}` syntax, loaded raw, not through Jinja):

  quizgen Basic            Front, Back, Extra, Source, Reverse. Reverse holds the term of a
                           definition; card 2 (reversed: the definition is shown, the term
                           asked for and given as the answer) exists only when it is set.
  quizgen Cloze            Text, Extra, Source. One card per blank ({{c1::}}, {{c2::}}, ...).
  quizgen Multiple choice  Question, Choices, Answer, Extra, Source. The correct choice is
                           highlighted (and ticked) on the back only.

How each question type maps onto them:
  basic            Basic; a definition also gets the reversed card, whose answer is the
                   term, read from the question ("What is meant by X?", "What does the
                   term “X” involve?"); no reversed card when the prompt names no term
  short_answer     Basic; the back lists the accepted alternatives
  cloze            Cloze; a prompt without cloze markup is skipped
  multiple_choice  Multiple choice; skipped when the answer is not among the choices
  true_false       Multiple choice with the choices True / False
  list_recall      Basic; the front says how many items, the back lists them in order
  matching         Basic; the front lists the terms and the definitions shuffled, the back
                   gives each term with its definition
  ordering         Basic; the front lists the items shuffled, the back in order

Every back ends with the source line (the document's title, author, date, then the file and
line as a detail, footnote), and with the source sentence ("Extra") when the card does not
already show it. A document without a title in the bank is named by its readable file name. Text from the
documents is escaped; the markup in templates/anki/fields.html is the only HTML in a field.

Ids: a note's GUID is the question id, so rebuilding after a fix updates the card and keeps
its review history. Note-type and deck ids are hashed from their names only. The note
types' fields never change: Anki's importer updates a note in place only when its note
type keeps the same fields ("schema"); a changed schema makes every note a conflict that
is skipped unless the user ticks "merge note types". Templates and CSS may change freely:
they are updated on import when the deck is newer.

`RenderOptions.extra`: `deck` (deck name, default the title), `subdecks` (none |
by_document | by_type), `timestamp` (seconds since the epoch stamped on notes; Anki
updates a note on re-import only when this is newer; default now).
"""

from __future__ import annotations

import hashlib
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import jinja2
from markupsafe import Markup, escape
from pydantic import Field

from ..bank import Bank
from ..errors import RenderError
from ..models import QUESTION_TYPES, Question
from ..util.files import atomic_path
from . import RenderOptions, RenderReport
from .lms import NoOptions, fallback_title, parse_options, titled_bank
from .shuffle import rng_for, shuffled
from .templates import environment

BASIC = "quizgen Basic"
CLOZE = "quizgen Cloze"
CHOICE = "quizgen Multiple choice"

NOTE_FIELDS: dict[str, tuple[str, ...]] = {
    BASIC: ("Front", "Back", "Extra", "Source", "Reverse"),
    CLOZE: ("Text", "Extra", "Source"),
    CHOICE: ("Question", "Choices", "Answer", "Extra", "Source"),
}
# note type -> (card name, template file stem) in card order
NOTE_CARDS: dict[str, tuple[tuple[str, str], ...]] = {
    BASIC: (("Card 1", "basic"), ("Reversed", "reverse")),
    CLOZE: (("Cloze", "cloze"),),
    CHOICE: (("Choice", "choice"),),
}
TYPE_LABELS = {
    "basic": "Basic",
    "short_answer": "Short answer",
    "cloze": "Cloze",
    "multiple_choice": "Multiple choice",
    "true_false": "True or false",
    "list_recall": "List recall",
    "matching": "Matching",
    "ordering": "Ordering",
}
CLOZE_MARK = re.compile(r"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}")
# genanki's documented id range; hashing into it keeps ids stable across builds
ID_LOW, ID_SPAN = 1 << 30, 1 << 30


def stable_id(kind: str, name: str) -> int:
    """A note-type or deck id from its name alone: same name, same id, whatever the templates."""
    digest = hashlib.sha256(f"quizgen:{kind}:{name}".encode()).digest()
    return ID_LOW + int.from_bytes(digest[:8], "big") % ID_SPAN


@dataclass(frozen=True)
class NoteSpec:
    """What one question becomes: a note type and its field values (HTML)."""

    note_type: str
    fields: tuple[str, ...]


# (question, the macros of anki/fields.html, a random source seeded per question) -> note, or None to skip
FieldMaker = Callable[[Question, object, random.Random], NoteSpec | None]


def _extra(question: Question, shown: str) -> str:
    """The source sentence(s), one per line, unless the card already shows them word for word."""
    if question.explanation.strip() == shown.strip():
        return ""
    return str(
        Markup("<br>").join(
            line.strip() for line in question.explanation.splitlines() if line.strip()
        )
    )


def _basic(front: str, back: str, question: Question, source: str) -> NoteSpec:
    return NoteSpec(BASIC, (str(front), str(back), _extra(question, ""), str(source), ""))


_TERM_PROMPTS = (
    re.compile(r"^What is meant by (?P<term>.+?)\s*\?$"),
    re.compile(
        r"^What does (?P<term>.+?) (?:mean|involve|refer to|denote|signify|include|cover|describe)\s*\?$"
    ),
)
_TERM_NAMING = re.compile(
    r"^(?:the )?(?:term|word|concept|expression|phrase|notion)\s+", re.IGNORECASE
)
_QUOTES = "\"“”‘’'«»"


def definition_term(prompt: str) -> str:
    """The term a definition question asks about, as the reversed card's answer; "" when
    the prompt names none. 'What is meant by globalization of commodities?' -> the phrase;
    'What does the term “community” involve?' -> 'community'."""
    text = " ".join(prompt.split())
    for pattern in _TERM_PROMPTS:
        found = pattern.match(text)
        if found:
            term = _TERM_NAMING.sub("", found.group("term")).strip()
            if len(term) >= 2 and term[0] in _QUOTES and term[-1] in _QUOTES:
                term = term[1:-1].strip()
            return term
    return ""


def basic_fields(q: Question, html, rng: random.Random) -> NoteSpec | None:
    if not q.answer:
        return None
    term = definition_term(q.prompt) if q.kind == "definition" else ""
    return NoteSpec(
        BASIC,
        (
            str(escape(q.prompt)),
            str(escape(q.answer)),
            _extra(q, ""),
            str(html.sources(q.sources)),
            str(escape(term)),
        ),
    )


def short_answer_fields(q: Question, html, rng: random.Random) -> NoteSpec | None:
    if not q.answer:
        return None
    return _basic(
        str(escape(q.prompt)),
        str(html.short_answer(q.answer, q.accepted)),
        q,
        html.sources(q.sources),
    )


def cloze_fields(q: Question, html, rng: random.Random) -> NoteSpec | None:
    if not CLOZE_MARK.search(q.prompt):
        return None
    shown = CLOZE_MARK.sub(r"\1", q.prompt)
    return NoteSpec(CLOZE, (str(escape(q.prompt)), _extra(q, shown), str(html.sources(q.sources))))


def multiple_choice_fields(q: Question, html, rng: random.Random) -> NoteSpec | None:
    if q.answer not in q.choices or len(q.choices) < 2:
        return None
    return NoteSpec(
        CHOICE,
        (
            str(escape(q.prompt)),
            str(html.choices(q.choices, q.answer)),
            str(escape(q.answer)),
            _extra(q, ""),
            str(html.sources(q.sources)),
        ),
    )


def true_false_fields(q: Question, html, rng: random.Random) -> NoteSpec | None:
    if q.answer not in ("True", "False"):
        return None
    return NoteSpec(
        CHOICE,
        (
            str(html.true_false(q.prompt)),
            str(html.choices(("True", "False"), q.answer)),
            q.answer,
            _extra(q, ""),
            str(html.sources(q.sources)),
        ),
    )


def list_recall_fields(q: Question, html, rng: random.Random) -> NoteSpec | None:
    if not q.sequence:
        return None
    front = html.prompt_with_count(q.prompt, len(q.sequence))
    return _basic(str(front), str(html.ordered(q.sequence)), q, html.sources(q.sources))


def matching_fields(q: Question, html, rng: random.Random) -> NoteSpec | None:
    if len(q.pairs) < 2:
        return None
    rights = shuffled([right for _, right in q.pairs], rng)
    front = html.matching_front(q.prompt, [left for left, _ in q.pairs], rights)
    # The back gives each numbered term the letter of its definition on the front.
    rows = [
        (n, left, chr(ord("A") + rights.index(right)), right)
        for n, (left, right) in enumerate(q.pairs, 1)
    ]
    return _basic(str(front), str(html.matching_back(rows)), q, html.sources(q.sources))


def ordering_fields(q: Question, html, rng: random.Random) -> NoteSpec | None:
    if len(q.sequence) < 2:
        return None
    front = html.ordering_front(q.prompt, shuffled(list(q.sequence), rng))
    return _basic(str(front), str(html.ordered(q.sequence)), q, html.sources(q.sources))


FIELDS: dict[str, FieldMaker] = {
    "basic": basic_fields,
    "short_answer": short_answer_fields,
    "cloze": cloze_fields,
    "multiple_choice": multiple_choice_fields,
    "true_false": true_false_fields,
    "list_recall": list_recall_fields,
    "matching": matching_fields,
    "ordering": ordering_fields,
}


def anki_tag(tag: str) -> str:
    """Anki tags cannot hold whitespace; the bank's tags normally have none already."""
    return re.sub(r"\s+", "_", tag.strip())


def deck_part(name: str) -> str:
    """A deck name component: '::' would nest it one level deeper."""
    return re.sub(r"\s*::\s*", ": ", name).strip() or "Untitled"


class AnkiOptions(NoOptions):
    deck: str | None = Field(None, description="Deck name; '::' nests it (default: the title).")
    subdecks: Literal["none", "by_document", "by_type"] = Field(
        "none", description="Subdecks per document or type."
    )
    timestamp: float | None = Field(
        None, description="Seconds since the epoch stamped on notes (default: now)."
    )


class AnkiRenderer:
    """Writes one .apkg: notes with GUID = question id, decks and note types with hashed ids."""

    name = "anki"
    suffix = ".apkg"
    types = tuple(t for t in QUESTION_TYPES if t in FIELDS)
    options_model = AnkiOptions

    def write(self, bank: Bank, out: Path, options: RenderOptions) -> RenderReport:
        import genanki  # heavy and only needed here

        out = Path(out)
        parsed = parse_options(AnkiOptions, options, self.name, out)
        bank = titled_bank(bank)
        root = _root_deck(bank, options, parsed.deck)
        timestamp = time.time() if parsed.timestamp is None else parsed.timestamp
        subdecks = parsed.subdecks

        env = environment(options.template_dir)
        try:
            html = env.get_template("anki/fields.html").module
            models = {name: self._model(genanki, env, name) for name in NOTE_FIELDS}
        except jinja2.TemplateError as exc:
            where = getattr(exc, "filename", None) or getattr(exc, "name", None) or "templates/anki"
            raise RenderError(f"anki: bad template: {exc.message or exc}", where) from None
        decks: dict[str, genanki.Deck] = {}
        skipped: dict[str, int] = {}
        for question in bank.questions:
            make = FIELDS.get(question.type)
            rng = rng_for(options.seed, question.id)
            spec = make(question, html, rng) if make and question.prompt.strip() else None
            if spec is None:
                skipped[question.type] = skipped.get(question.type, 0) + 1
                continue
            deck_name = _deck_name(root, subdecks, question, bank)
            if deck_name not in decks:
                decks[deck_name] = self._deck(genanki, deck_name, decks, out)
            decks[deck_name].add_note(
                genanki.Note(
                    model=models[spec.note_type],
                    fields=list(spec.fields),
                    tags=[t for t in map(anki_tag, question.tags) if t],
                    guid=question.id,
                )
            )
        if root not in decks:  # the parent of the subdecks, or the deck of an empty bank
            decks[root] = self._deck(genanki, root, decks, out)
        package = genanki.Package([decks[name] for name in sorted(decks)])
        try:
            with atomic_path(out) as tmp:
                package.write_to_file(str(tmp), timestamp=timestamp)
        except OSError as exc:
            raise RenderError(f"cannot write the deck: {exc.strerror or exc}", str(out)) from None
        return RenderReport(written=(out,), skipped=skipped)

    @staticmethod
    def _deck(genanki, name: str, existing: dict, out: Path):
        deck_id = stable_id("deck", name)
        if any(d.deck_id == deck_id for d in existing.values()):
            raise RenderError(
                f"anki: deck {name!r} hashes to the id of another deck; rename it", str(out)
            )
        return genanki.Deck(deck_id, name)

    @staticmethod
    def _model(genanki, env, name: str):
        def raw(file: str) -> str:
            # Anki templates use {{Field}} themselves, so they are read, not rendered by Jinja.
            return env.loader.get_source(env, f"anki/note-types/{file}")[0]

        templates = [
            {"name": card, "qfmt": raw(f"{stem}.front.html"), "afmt": raw(f"{stem}.back.html")}
            for card, stem in NOTE_CARDS[name]
        ]
        return genanki.Model(
            stable_id("note-type", name),
            name,
            fields=[{"name": field} for field in NOTE_FIELDS[name]],
            templates=templates,
            css=raw("style.css"),
            model_type=genanki.Model.CLOZE if name == CLOZE else genanki.Model.FRONT_BACK,
        )


def _root_deck(bank: Bank, options: RenderOptions, deck_option: str | None) -> str:
    # A deck option may nest on purpose ("History::Unit 3"); titles never do.
    if deck_option:
        return "::".join(map(deck_part, deck_option.split("::")))
    return deck_part(_default_title(bank, options))


def _default_title(bank: Bank, options: RenderOptions) -> str:
    # RenderOptions.title keeps its placeholder default unless a recipe or the CLI set one.
    if options.title and options.title != RenderOptions.title:
        return options.title
    return bank.title or RenderOptions.title


def _deck_name(root: str, subdecks: str, question: Question, bank: Bank) -> str:
    if subdecks == "by_type":
        return f"{root}::{TYPE_LABELS.get(question.type, question.type)}"
    if subdecks == "by_document" and question.sources:
        source = question.sources[0]
        info = next((d for d in bank.documents if d.name == source.document), None)
        title = (info.title if info else None) or source.title or fallback_title(source.document)
        return f"{root}::{deck_part(title)}"
    return root
