"""GIFT text (.gift.txt), Moodle's one-question-per-paragraph import format.

  multiple_choice  {=right ~wrong ...}        true_false  {T} / {F}
  short_answer     {=answer =alternative ...}  matching    {=term -> definition ...}
  cloze            one blank, after some text: "text {=answer} text" (GIFT's missing-word
                   form); a cloze with several blanks, or opening with its blank, is skipped
basic, list_recall and ordering have no GIFT form and are skipped; so is a matching
question whose term contains "->" (GIFT would split it there).

Each question is titled with its id (`::id::`), carries its source citation as general
feedback (`####`), and sits under a `$CATEGORY:` per source document. Text is marked
`[plain]`, one line, with `~ = # { } :` and `\\` escaped. No options.
"""
from __future__ import annotations

from itertools import groupby
from pathlib import Path

from ..bank import Bank
from ..models import Question
from . import RenderOptions, RenderReport
from .lms import (
    Blank, NoOptions, Skips, accepted_answers, citation, cloze_parts, document_of, gift_escape, parse_options,
    write_text_output,
)

CATEGORY_ROOT = "$course$/quizgen"
# Moodle reads GIFT text as HTML-ish "Moodle auto-format" unless told otherwise; plain
# text is shown as typed, so "<script>" from a source stays text. Answers inherit it.
PLAIN = "[plain]"


def _block(question: Question, stem: str, answers: list[str]) -> str:
    """::id:: stem { answers #### citation } as lines."""
    feedback = citation(question)
    lines = [f"::{question.id}::{PLAIN}{stem} {{", *answers]
    if feedback:
        lines.append(f"####{gift_escape(feedback)}")
    lines.append("}")
    return "\n".join(lines)


def multiple_choice(question: Question) -> str | None:
    answers = [("=" if c == question.answer else "~") + gift_escape(c) for c in question.choices]
    return _block(question, gift_escape(question.prompt), answers)


def true_false(question: Question) -> str | None:
    return _block(question, gift_escape(question.prompt), ["T" if question.answer == "True" else "F"])


def short_answer(question: Question) -> str | None:
    return _block(question, gift_escape(question.prompt), ["=" + gift_escape(a) for a in accepted_answers(question)])


def matching(question: Question) -> str | None:
    if any("->" in left for left, _ in question.pairs):
        return None
    answers = [f"={gift_escape(left)} -> {gift_escape(right)}" for left, right in question.pairs]
    return _block(question, gift_escape(question.prompt), answers)


def cloze(question: Question) -> str | None:
    parts = cloze_parts(question.prompt)
    blanks = [part for part in parts if isinstance(part, Blank)]
    if len(blanks) != 1:
        return None
    at = parts.index(blanks[0])
    before = gift_escape("".join(parts[:at]), keep_edges=True).lstrip()  # type: ignore[arg-type]
    after = gift_escape("".join(parts[at + 1:]), keep_edges=True).rstrip()  # type: ignore[arg-type]
    if not before:  # GIFT needs question text before the answer block
        return None
    feedback = citation(question)
    answer = f"={gift_escape(blanks[0].answer)}" + (f" ####{gift_escape(feedback)}" if feedback else "")
    return f"::{question.id}::{PLAIN}{before}{{{answer}}}{after}"


WRITERS = {
    "multiple_choice": multiple_choice,
    "true_false": true_false,
    "short_answer": short_answer,
    "matching": matching,
    "cloze": cloze,
}


class GiftRenderer:
    """Writes one GIFT file, a $CATEGORY per source document."""

    name = "gift"
    suffix = ".gift.txt"
    options_model = NoOptions
    types = tuple(WRITERS)

    def write(self, bank: Bank, out: Path, options: RenderOptions) -> RenderReport:
        out = Path(out)
        parse_options(self.options_model, options, self.name, out)
        skips = Skips()
        written: list[tuple[str, str]] = []
        for question in bank.questions:
            text = WRITERS[question.type](question) if skips.keep(question, self.types) else ""
            if text is None:
                skips.counts[question.type] += 1
            elif text:
                written.append((document_of(question), text))
        paragraphs = []
        for document, group in groupby(sorted(written, key=lambda pair: pair[0]), key=lambda pair: pair[0]):
            paragraphs.append(f"$CATEGORY: {CATEGORY_ROOT}/{document.replace('/', '//')}")
            paragraphs.extend(text for _, text in group)
        write_text_output(out, "\n\n".join(paragraphs) + "\n" if paragraphs else "", self.name)
        return RenderReport(written=(out,), skipped=skips.as_dict())
