"""Printable worksheets and answer keys: HTML and PDF (WeasyPrint), written into a folder.

Options (`RenderOptions.extra`, all optional):
  versions    1..26: versions A, B, ... share the questions; each has its own seeded
              question order and choice order, and its own key
  key         separate (default) | appended (key pages after the questions) | none
  paper       A4 | Letter (default: RenderOptions.paper)
  types       question types to include (default: all printable types)
  tags        keep questions having any of these tags
  difficulty  a level (1..3) or a list of levels to keep
  counts      {type: n}: at most n questions of that type, drawn with RenderOptions.seed;
              types not listed keep all their questions
  formats     ["html", "pdf"] (default both)
  one_sheet   true (default): no fact asked twice, no question printing another's answer,
              no true statement beside its falsified twin (generate.choose.sheet); the
              better-formed question of a clashing pair is kept
  stem        file name stem (default: the title in lower case, words joined by "-")
  max_questions  refuse a worksheet of more questions than this (default 500): thousands of
              printed pages take minutes and gigabytes to lay out, and nobody prints them

Files in the output folder, for each version X = A, B, ...:
  <stem>-X.html, <stem>-X.pdf           the worksheet (with the key appended if key=appended)
  <stem>-X-key.html, <stem>-X-key.pdf   its answer key (key=separate)
Every file is written atomically. The same bank, options and seed give the same HTML.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..bank import Bank
from ..errors import RenderError
from ..models import QUESTION_TYPES
from ..util.files import write_bytes, write_text
from . import RenderOptions, RenderReport
from .layout import LETTERS, SECTION_ORDER, Selection, Version, layout, printable, select
from .templates import environment

QuestionTypeName = Literal[QUESTION_TYPES]  # type: ignore[valid-type]


class WorksheetOptions(BaseModel):
    """The worksheet's entries in RenderOptions.extra (see the module docstring)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    versions: int = Field(1, ge=1, le=len(LETTERS))
    key: Literal["separate", "appended", "none"] = "separate"
    paper: Literal["A4", "Letter"] | None = None
    types: list[QuestionTypeName] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    difficulty: int | list[int] = Field(default_factory=list)
    counts: dict[QuestionTypeName, Annotated[int, Field(ge=0)]] = Field(default_factory=dict)
    formats: list[Literal["html", "pdf"]] = Field(
        default_factory=lambda: ["html", "pdf"], min_length=1
    )
    stem: str | None = Field(None, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
    one_sheet: bool = True
    max_questions: int = Field(500, ge=1)

    def selection(self) -> Selection:
        levels = [self.difficulty] if isinstance(self.difficulty, int) else self.difficulty
        return Selection(
            types=tuple(self.types),
            tags=tuple(self.tags),
            difficulty=tuple(levels),
            counts=tuple(sorted(self.counts.items())),
        )


class WorksheetRenderer:
    """Student worksheets and answer keys for print."""

    name = "worksheet"
    suffix = "/"
    types = SECTION_ORDER

    def write(self, bank: Bank, out: Path, options: RenderOptions) -> RenderReport:
        out = Path(out)
        opts = parse_options(options, out)
        if out.exists() and not out.is_dir():
            raise RenderError(
                "the worksheet output must be a folder, but a file is there", str(out)
            )
        skipped = Counter(q.type for q in bank.questions if not printable(q))
        chosen = select([q for q in bank.questions if printable(q)], opts.selection(), options.seed)
        if opts.one_sheet:
            from ..generate.choose import sheet

            chosen = sheet(chosen)
        if not chosen:
            raise RenderError(
                "no questions left for the worksheet after selection (types, tags, difficulty)",
                str(out),
            )
        if len(chosen) > opts.max_questions:
            raise RenderError(
                f"the worksheet would hold {len(chosen)} questions, over its limit of "
                f"{opts.max_questions} (option max_questions); choose fewer with counts, types or tags",
                str(out),
            )
        paper = opts.paper or _paper(options.paper, out)
        stem = opts.stem or _slug(options.title or bank.title)
        env = environment(options.template_dir)
        written: list[Path] = []
        for version in layout(chosen, opts.versions, options.seed):
            context = _context(bank, version, options.title or bank.title, paper, opts)
            pages = {
                f"{stem}-{version.letter}": env.get_template("worksheet/worksheet.html").render(
                    context
                )
            }
            if opts.key == "separate":
                pages[f"{stem}-{version.letter}-key"] = env.get_template(
                    "worksheet/key.html"
                ).render(context)
            for name, html in pages.items():
                if "html" in opts.formats:
                    written.append(write_text(out / f"{name}.html", html))
                if "pdf" in opts.formats:
                    written.append(write_bytes(out / f"{name}.pdf", _pdf(html)))
        return RenderReport(tuple(written), dict(skipped))


def parse_options(options: RenderOptions, out: Path) -> WorksheetOptions:
    """Validate the worksheet options; every problem in one line."""
    try:
        return WorksheetOptions.model_validate(options.extra)
    except ValidationError as exc:
        problems = "; ".join(
            f"'{'.'.join(str(p) for p in err['loc'])}': {err['msg']}" for err in exc.errors()
        )
        raise RenderError(f"invalid worksheet options: {problems}", str(out)) from None


def _context(bank: Bank, version: Version, title: str, paper: str, opts: WorksheetOptions) -> dict:
    cited = {s.document for q in version.questions for s in q.question.sources}
    documents = [d for d in bank.documents if d.name in cited]
    known = {d.name for d in documents}
    # A bank without document records still names its sources.
    documents += [
        {"name": name, "title": None, "author": None, "date": None}
        for name in sorted(cited - known)
    ]
    return {
        "title": title,
        "documents": documents,
        "version": version,
        "show_version": opts.versions > 1,
        "paper": paper,
        "key_mode": opts.key,
        "letters": LETTERS,
    }


def _paper(value: str, out: Path) -> str:
    for paper in ("A4", "Letter"):
        if value.lower() == paper.lower():
            return paper
    raise RenderError(f"unknown paper size {value!r} (allowed: A4, Letter)", str(out))


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "worksheet"


def _pdf(html: str) -> bytes:
    import weasyprint  # heavy: only loaded when a PDF is asked for

    return weasyprint.HTML(string=html).write_pdf()
