"""GIFT text (.gift.txt), Moodle's one-question-per-paragraph import format.

  multiple_choice  {=right ~wrong ...}        true_false  {T} / {F}
  short_answer     {=answer =variant ...}      matching    {=term -> definition ...}
  cloze            one blank, after some text: "text {=answer =variant} text" (GIFT's
                   missing-word form, scored as a short answer); a cloze with several
                   blanks, or opening with its blank, is skipped
  ordering         a matching of each item to its position (1 = first): GIFT has no ordering
                   form; the report says so. Moodle wants three pairs or more, so an
                   ordering of two items is skipped
basic and list_recall need a person to judge the answer and are skipped; so is a matching
question whose term contains "->" (GIFT would split it there).

Typed answers accept the answer, the bank's alternatives and their variants (without a
leading article, without punctuation; Moodle compares them without case).

Each question is titled with its id (`::id::`), carries the source sentence and the
document's title as general feedback (`####`), and sits under a `$CATEGORY:` per source
document, named by its title: the same path as the Moodle XML export. Text is marked
`[plain]`, one line, with `~ = # { } :` and `\\` escaped.

Options: `category` (root category path, as for Moodle XML).
"""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

from ..bank import Bank
from ..models import Question
from ..registry import Registry
from . import RenderOptions, RenderReport
from .lms import (
    ORDERING_NOTE,
    Blank,
    CategoryOptions,
    Skips,
    accepted_variants,
    category_path,
    cloze_parts,
    feedback,
    gift_escape,
    ordering_as_matching,
    parse_options,
    rng_for,
    titled_bank,
    typed_answers,
    write_text_output,
)

# Moodle reads GIFT text as HTML-ish "Moodle auto-format" unless told otherwise; plain
# text is shown as typed, so "<script>" from a source stays text. Answers inherit it.
PLAIN = "[plain]"


def _block(question: Question, stem: str, answers: list[str]) -> str:
    """::id:: stem { answers #### citation } as lines."""
    general = feedback(question)
    lines = [f"::{question.id}::{PLAIN}{stem} {{", *answers]
    if general:
        lines.append(f"####{gift_escape(general)}")
    lines.append("}")
    return "\n".join(lines)


def multiple_choice(question: Question) -> str | None:
    answers = [("=" if c == question.answer else "~") + gift_escape(c) for c in question.choices]
    return _block(question, gift_escape(question.prompt), answers)


def true_false(question: Question) -> str | None:
    return _block(
        question, gift_escape(question.prompt), ["T" if question.answer == "True" else "F"]
    )


def short_answer(question: Question) -> str | None:
    return _block(
        question,
        gift_escape(question.prompt),
        ["=" + gift_escape(a) for a in accepted_variants(question)],
    )


def matching(question: Question) -> str | None:
    if any("->" in left for left, _ in question.pairs):
        return None
    answers = [f"={gift_escape(left)} -> {gift_escape(right)}" for left, right in question.pairs]
    return _block(question, gift_escape(question.prompt), answers)


def cloze(question: Question) -> str | None:
    parts = cloze_parts(question)
    blanks = [part for part in parts if isinstance(part, Blank)]
    if len(blanks) != 1:
        return None
    at = parts.index(blanks[0])
    before = gift_escape("".join(parts[:at]), keep_edges=True).lstrip()  # type: ignore[arg-type]
    after = gift_escape("".join(parts[at + 1 :]), keep_edges=True).rstrip()  # type: ignore[arg-type]
    if not before:  # GIFT needs question text before the answer block
        return None
    general = feedback(question)
    answer = " ".join(f"={gift_escape(a)}" for a in typed_answers([blanks[0].answer]))
    answer += f" ####{gift_escape(general)}" if general else ""
    return f"::{question.id}::{PLAIN}{before}{{{answer}}}{after}"


def ordering(question: Question, rng) -> str | None:
    if len(question.sequence) < 3:
        return None
    return matching(ordering_as_matching(question, rng))


# Question type -> its writer; a new type this format can express registers one here.
WRITERS: Registry = Registry(
    "GIFT writer of question type",
    {
        "multiple_choice": multiple_choice,
        "true_false": true_false,
        "short_answer": short_answer,
        "matching": matching,
        "cloze": cloze,
        "ordering": ordering,  # takes the question's seeded shuffle too (see write)
    },
)


class GiftRenderer:
    """Writes one GIFT file, a $CATEGORY per source document."""

    name = "gift"
    suffix = ".gift.txt"
    help = "GIFT text for Moodle import"
    options_model = CategoryOptions

    @property
    def types(self) -> tuple[str, ...]:
        return tuple(WRITERS)

    def write(self, bank: Bank, out: Path, options: RenderOptions) -> RenderReport:
        out = Path(out)
        root = parse_options(self.options_model, options, self.name, out).category
        bank = titled_bank(bank)
        skips = Skips()
        written: list[tuple[str, str]] = []
        notes: list[str] = []
        for question in bank.questions:
            if not skips.keep(question, self.types):
                continue
            if question.type == "ordering":
                text = ordering(question, rng_for(options, question))
                if text and not notes:
                    notes.append(ORDERING_NOTE.format(format="GIFT"))
            else:
                text = WRITERS.get(question.type)(question)
            if text is None:
                skips.counts[question.type] += 1
            else:
                written.append((category_path(root, question), text))
        paragraphs = []
        for path, group in groupby(
            sorted(written, key=lambda pair: pair[0]), key=lambda pair: pair[0]
        ):
            paragraphs.append(f"$CATEGORY: {path}")
            paragraphs.extend(text for _, text in group)
        write_text_output(out, "\n\n".join(paragraphs) + "\n" if paragraphs else "", self.name)
        return RenderReport(written=(out,), skipped=skips.as_dict(), notes=tuple(notes))
