"""A toy renderer, registered from outside the package: a plain-text glossary of the
questions it can express, one "prompt / answer" pair per question.

The worked example of docs/extending.md: one module with its registry entry.
"""

from __future__ import annotations

from pathlib import Path

from quizgen.bank import Bank
from quizgen.render import RenderOptions, RenderReport
from quizgen.util.files import write_text


class GlossaryRenderer:
    name = "glossary"
    suffix = ".glossary.txt"
    help = "a plain-text glossary: each question's prompt and answer"
    types = ("basic", "short_answer", "expansion")

    def write(self, bank: Bank, out: Path, options: RenderOptions) -> RenderReport:
        lines, skipped = [f"# {options.title or bank.title}", ""], {}
        for question in bank.questions:
            if question.type not in self.types:
                skipped[question.type] = skipped.get(question.type, 0) + 1
                continue
            lines += [question.prompt, f"  {question.answer}", ""]
        return RenderReport(written=(write_text(Path(out), "\n".join(lines)),), skipped=skipped)
