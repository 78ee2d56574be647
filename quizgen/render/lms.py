"""What the LMS exports (QTI 2.1, QTI 1.2, Moodle XML, GIFT, Aiken, CSV) share.

Question text in the bank is plain text. Formats that show it as HTML get it
HTML-escaped here (`html_text`) and then XML-escaped by lxml, so `<script>` arrives
in the LMS as visible text. Answers a student types are compared as plain text and
are never HTML-escaped. Per-format escaping of text formats lives beside this
(`gift_escape`, `moodle_cloze_escape`).
"""

from __future__ import annotations

import html
import random
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, fields, is_dataclass, replace
from pathlib import Path
from typing import TypeVar

from lxml import etree
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..bank import Bank
from ..errors import RenderError
from ..models import Question
from ..util.files import write_text, write_zip
from . import RenderOptions, shuffle

# Anki cloze markup, as the bank stores it: {{c1::answer}} or {{c1::answer::hint}}
CLOZE_MARK = re.compile(r"\{\{c(\d+)::(.*?)(?:::([^}]*))?\}\}")
UNSOURCED = "unsourced"


@dataclass(frozen=True)
class Blank:
    """One gap of a cloze prompt, numbered 1, 2, ... in reading order."""

    number: int
    answer: str
    hint: str = ""


def cloze_parts(prompt: str) -> list[str | Blank]:
    """The prompt as text runs and blanks; every cloze mark is its own blank (even c1 twice)."""
    parts: list[str | Blank] = []
    at = 0
    for n, mark in enumerate(CLOZE_MARK.finditer(prompt), 1):
        if mark.start() > at:
            parts.append(prompt[at : mark.start()])
        parts.append(Blank(n, mark.group(2).strip(), (mark.group(3) or "").strip()))
        at = mark.end()
    if at < len(prompt):
        parts.append(prompt[at:])
    return parts


def blanks_of(prompt: str) -> list[Blank]:
    return [part for part in cloze_parts(prompt) if isinstance(part, Blank)]


def cloze_shown(prompt: str, gap: str = "_____") -> str:
    """The cloze text with each blank replaced by `gap` (for formats without cloze)."""
    return "".join(part if isinstance(part, str) else gap for part in cloze_parts(prompt))


def usable(question: Question) -> bool:
    """True when a question has what its type needs; a malformed one is skipped, not mangled."""
    if not question.prompt.strip():
        return False
    qtype = question.type
    if qtype in ("basic", "short_answer"):
        return bool(question.answer.strip())
    if qtype == "cloze":
        blanks = blanks_of(question.prompt)
        return bool(blanks) and all(b.answer for b in blanks)
    if qtype == "multiple_choice":
        return (
            question.answer in question.choices
            and len(set(question.choices)) == len(question.choices) >= 2
        )
    if qtype == "true_false":
        return question.answer in ("True", "False")
    if qtype == "list_recall":
        return bool(question.sequence)
    if qtype == "matching":
        lefts = [left for left, _ in question.pairs]
        return (
            len(question.pairs) >= 2
            and len(set(lefts)) == len(lefts)
            and all(a and b for a, b in question.pairs)
        )
    if qtype == "ordering":
        return len(question.sequence) >= 2 and len(set(question.sequence)) == len(question.sequence)
    return False


def accepted_answers(question: Question) -> list[str]:
    """The answer and its accepted alternatives, once each, in bank order."""
    return _once_each((question.answer, *question.accepted))


def _once_each(texts) -> list[str]:
    seen: dict[str, None] = {}
    folded: set[str] = set()
    for text in texts:
        text = one_line(text)
        if text and text.casefold() not in folded:
            seen[text] = None
            folded.add(text.casefold())
    return list(seen)


LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+(?=\S)", re.IGNORECASE)
# Punctuation a student may leave out or type differently: everything but letters, digits,
# spaces and the characters that change a value ("%", "$", "+", "-" between digits...).
_PUNCTUATION = re.compile(r"[^\w\s%$€£+&]|_")


def answer_variants(answer: str) -> list[str]:
    """What a student may type for `answer` and still be right: the answer itself, without a
    leading article, and without punctuation ("the U.S." -> "U.S.", "US", "the US").

    Case is ignored by every format's comparison (mapping caseSensitive="false", Moodle
    usecase 0, Canvas and GIFT compare without case), so no case variants are listed."""
    answer = one_line(answer)
    bare = LEADING_ARTICLE.sub("", answer)
    variants = [answer, bare]
    for text in (answer, bare):
        plain = one_line(_PUNCTUATION.sub(lambda m: "" if m.group() in ".'’" else " ", text))
        variants.append(plain)
    return [v for v in _once_each(variants) if len(v) >= 1 and not _only_article(v, answer)]


def _only_article(variant: str, answer: str) -> bool:
    return variant.casefold() in ("the", "a", "an") and variant != answer


def typed_answers(answers) -> list[str]:
    """Every accepted answer with its variants, once each (case ignored), the given ones first."""
    given = _once_each(answers)
    return _once_each([*given, *(v for a in given for v in answer_variants(a))])


def accepted_variants(question: Question) -> list[str]:
    """A typed answer's accepted texts: the answer, the bank's alternatives, and their variants."""
    return typed_answers((question.answer, *question.accepted))


def xml_id(text: str, prefix: str = "q") -> str:
    """A valid XML NCName from a question id; the bank's ids (letter first, [a-z0-9-]) pass unchanged.

    Used for every QTI identifier, so an item keeps the same identifier in every export."""
    name = re.sub(r"[^A-Za-z0-9._-]", "_", text)
    if not re.match(r"[A-Za-z_]", name):
        name = f"{prefix}_{name}"
    return name


# Characters XML 1.0 cannot carry at all (C0 controls but tab and newlines, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_safe(value):
    if isinstance(value, str):
        return _NOT_XML.sub(" ", value)
    if isinstance(value, tuple):
        return tuple(_xml_safe(v) for v in value)
    if is_dataclass(value):
        return replace(value, **{f.name: _xml_safe(getattr(value, f.name)) for f in fields(value)})
    return value


def xml_safe_bank(bank: Bank) -> Bank:
    """The bank with characters XML cannot represent replaced by spaces (a hand-edited
    bank may hold them; lxml would refuse the whole file)."""
    return replace(bank, title=_xml_safe(bank.title), questions=_xml_safe(bank.questions))


def one_line(text: str) -> str:
    """Whitespace runs (newlines included) as one space: line-based formats need one line."""
    return " ".join(text.split())


def html_text(text: str) -> str:
    """Plain text made safe for a field the LMS displays as HTML."""
    return html.escape(text, quote=False)


def short_title(text: str, limit: int = 60) -> str:
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def title_of(question: Question) -> str:
    """The title of the question's document (`titled_bank` fills it in), else its file name."""
    if not question.sources:
        return UNSOURCED
    source = question.sources[0]
    return one_line(source.title or "") or fallback_title(source.document)


def fallback_title(name: str) -> str:
    """A file name made readable, for a bank that knows no title for a document."""
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", name)
    return one_line(re.sub(r"[_-]+", " ", stem)) or name


def titled_bank(bank: Bank) -> Bank:
    """The bank with every source carrying its document's title (from `bank.documents`), so a
    category, a citation or a feedback never has only a file name to show."""
    titles = {d.name: one_line(d.title or "") for d in bank.documents if one_line(d.title or "")}
    if not titles:
        return bank

    def source(s):
        title = one_line(s.title or "") or titles.get(s.document)
        return s if title == s.title else replace(s, title=title)

    return replace(
        bank,
        questions=tuple(
            replace(q, sources=tuple(source(s) for s in q.sources)) for q in bank.questions
        ),
    )


def citation(question: Question) -> str:
    """Where the question comes from, one plain line: title, author, date, then document and
    line as a detail, footnote."""
    cited = []
    for source in question.sources:
        who = ", ".join(part for part in (source.author, source.date) if part)
        title = one_line(source.title or "") or fallback_title(source.document)
        parts = [title, f"({who})" if who else ""]
        text = " ".join(part for part in parts if part) + f", {source.document} line {source.line}"
        if source.footnote:
            text += f", note {source.footnote}"
        cited.append(text)
    return one_line("Source: " + "; ".join(cited)) if cited else ""


def feedback(question: Question) -> str:
    """General feedback shown after answering: the source sentence(s), then where they come from."""
    # Every source's sentence, once each (a matching or an ordering cites one per item).
    sentence = " ".join(
        dict.fromkeys(one_line(s.sentence) for s in question.sources if one_line(s.sentence))
    )
    sentence = sentence or one_line(question.explanation)
    cited = citation(question)
    if sentence and cited:
        return f"{sentence} — {cited}"
    return sentence or cited


def category_path(root: str, question: Question) -> str:
    """The LMS category of a question: `root/<document title>`, the same in Moodle XML and GIFT.
    "/" separates Moodle category levels, so one inside a title is written "//"."""
    return f"{root.rstrip('/')}/{title_of(question).replace('/', '//')}"


def ordering_as_matching(question: Question, rng: random.Random) -> Question:
    """An ordering question as a matching of items to positions, for formats without an
    ordering type: the items (shuffled, so their order gives nothing away) against 1, 2, ..."""
    positions = {item: str(n) for n, item in enumerate(question.sequence, 1)}
    items = shuffle.shuffled(list(question.sequence), rng)
    prompt = f"{question.prompt} Give each its position (1 = first)."
    return replace(
        question, type="matching", prompt=prompt, pairs=tuple((i, positions[i]) for i in items)
    )


ORDERING_NOTE = (
    "ordering questions written as matchings of items to positions ({format} has no ordering type)"
)


def rng_for(options: RenderOptions, question: Question) -> random.Random:
    """The same seed and question always give the same shuffle, whatever else is in the bank."""
    return shuffle.rng_for(options.seed, question.id)


class Skips:
    """Counts questions a renderer cannot express, by type (RenderReport.skipped)."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def keep(self, question: Question, types: tuple[str, ...]) -> bool:
        if question.type in types and usable(question):
            return True
        self.counts[question.type] += 1
        return False

    def as_dict(self) -> dict[str, int]:
        return dict(sorted(self.counts.items()))


class NoOptions(BaseModel):
    """Options of a format that has none: any key is a mistake. Formats with options extend it."""

    model_config = ConfigDict(extra="forbid", frozen=True)


Options = TypeVar("Options", bound=NoOptions)
DEFAULT_CATEGORY = "$course$/quizgen"


class CategoryOptions(NoOptions):
    """Options of the Moodle imports (Moodle XML, GIFT): the root category of the questions."""

    category: str = Field(
        DEFAULT_CATEGORY, description="Root category; a context first ($course$, $system$, ...)."
    )

    @field_validator("category")
    @classmethod
    def _starts_with_context(cls, value: str) -> str:
        if not re.match(r"^\$[a-z_]+\$(/|$)", value):
            raise ValueError(
                f"must start with a Moodle context such as $course$ or $system$, not {value!r}"
            )
        return value


def parse_options(
    model: type[Options], options: RenderOptions, renderer: str, out: Path
) -> Options:
    """RenderOptions.extra checked against the renderer's `options_model` (recipes check it earlier)."""
    try:
        return model.model_validate(options.extra)
    except ValidationError as exc:
        problems = "; ".join(f"'{'.'.join(map(str, e['loc']))}': {e['msg']}" for e in exc.errors())
        raise RenderError(f"invalid {renderer} options: {problems}", str(out)) from None


def xml_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_package(out: Path, files: Mapping[str, bytes], renderer: str) -> Path:
    """A zip of `files` (name -> bytes) in the given order, with fixed timestamps, written atomically."""
    try:
        return write_zip(out, files)
    except OSError as exc:
        raise RenderError(
            f"{renderer}: cannot write the package: {exc.strerror or exc}", str(out)
        ) from None


def write_text_output(out: Path, text: str, renderer: str) -> Path:
    try:
        return write_text(out, text)
    except OSError as exc:
        raise RenderError(f"{renderer}: cannot write: {exc.strerror or exc}", str(out)) from None


# GIFT: these characters have a meaning anywhere in a question and are escaped with "\".
_GIFT_SPECIAL = re.compile(r"([\\~=#{}:])")


def gift_escape(text: str, keep_edges: bool = False) -> str:
    """One line with GIFT's special characters escaped; `keep_edges` keeps a space at either end
    (text around a gap)."""
    text = re.sub(r"\s+", " ", text) if keep_edges else one_line(text)
    return _GIFT_SPECIAL.sub(r"\\\1", text)


# Moodle embedded answers ({1:SHORTANSWER:=...}): these end or split an answer; "*" is a wildcard.
_CLOZE_ANSWER_SPECIAL = re.compile(r'([}#~/"\\*])')


def moodle_cloze_escape(text: str) -> str:
    return _CLOZE_ANSWER_SPECIAL.sub(r"\\\1", one_line(text))


def moodle_shortanswer_escape(text: str) -> str:
    """Moodle short answers treat "*" as a wildcard; a literal one is written "\\*"."""
    return one_line(text).replace("*", r"\*")
