"""Aiken text (.aiken.txt): multiple-choice questions only, the simplest Moodle import.

    Question on one line?
    A. a choice
    B. another choice
    ANSWER: A

Every other question type is skipped, and so is a question with more than 26 choices or
whose text would read as a choice or answer line ("A. ...", "ANSWER: ...").
Aiken has no comments, titles or feedback, so neither ids nor sources can be carried;
text is written on one line each (Aiken is line-based and has no escapes). No options.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

from ..bank import Bank
from ..models import Question
from . import RenderOptions, RenderReport
from .lms import NoOptions, Skips, one_line, parse_options, write_text_output

LETTERS = string.ascii_uppercase
# Lines Moodle's Aiken reader takes for a choice or the answer, wherever they appear.
STRUCTURE_LINE = re.compile(r"^(?:[A-Z][.)][ \t]|ANSWER:)")


def aiken_block(question: Question) -> str | None:
    prompt = one_line(question.prompt)
    if len(question.choices) > len(LETTERS) or STRUCTURE_LINE.match(prompt):
        return None
    lines = [prompt]
    lines += [f"{letter}. {one_line(choice)}" for letter, choice in zip(LETTERS, question.choices)]
    lines.append(f"ANSWER: {LETTERS[question.choices.index(question.answer)]}")
    return "\n".join(lines)


class AikenRenderer:
    """Writes one Aiken file."""

    name = "aiken"
    suffix = ".aiken.txt"
    help = "Aiken text: multiple-choice questions only"
    options_model = NoOptions
    types = ("multiple_choice",)

    def write(self, bank: Bank, out: Path, options: RenderOptions) -> RenderReport:
        out = Path(out)
        parse_options(self.options_model, options, self.name, out)
        skips = Skips()
        blocks = []
        for question in bank.questions:
            block = aiken_block(question) if skips.keep(question, self.types) else ""
            if block is None:
                skips.counts[question.type] += 1
            elif block:
                blocks.append(block)
        write_text_output(out, "\n\n".join(blocks) + "\n" if blocks else "", self.name)
        return RenderReport(written=(out,), skipped=skips.as_dict())
