"""A quiz rendered through the renderer registry into one downloadable file.

The export formats are names a client knows; two of them are file types rather than
renderer names (`apkg` is the anki renderer, `pdf` the worksheet renderer asked for
PDF only, with the key appended). A renderer that writes a folder is sent as a zip.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from ..bank import Bank
from ..errors import QuizgenError
from ..util.files import zip_bytes
from .problems import ApiProblem


class ExportFormat(str, Enum):
    qti21 = "qti21"
    qti12 = "qti12"
    moodle = "moodle"
    gift = "gift"
    aiken = "aiken"
    csv = "csv"
    apkg = "apkg"
    pdf = "pdf"


RENDERER_OF = {ExportFormat.apkg: "anki", ExportFormat.pdf: "worksheet"}
RENDERER_OPTIONS: dict[ExportFormat, dict[str, Any]] = {
    ExportFormat.pdf: {"formats": ["pdf"], "key": "appended"}
}

MEDIA_TYPES = {
    ".apkg": "application/apkg",
    ".pdf": "application/pdf",
    ".zip": "application/zip",
    ".xml": "application/xml",
    ".csv": "text/csv; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".gift": "text/plain; charset=utf-8",
    ".html": "text/html; charset=utf-8",
}
OTHER_MEDIA_TYPE = "application/octet-stream"
# For /openapi.json: every media type an export can be sent as.
EXPORT_MEDIA_TYPES = sorted({t.split(";")[0] for t in MEDIA_TYPES.values()} | {OTHER_MEDIA_TYPE})


@dataclass(frozen=True)
class Export:
    filename: str
    media_type: str
    content: bytes


def export_quiz(bank: Bank, fmt: ExportFormat, stem: str, seed: int, settings) -> Export:
    """Render `bank` (the quiz's questions) as `fmt`; ApiProblem 501 when that renderer is not available."""
    from ..render import RENDERERS, RenderOptions

    name = RENDERER_OF.get(fmt, fmt.value)
    if name not in RENDERERS:
        raise ApiProblem(
            501,
            "format-not-available",
            f"the {fmt.value} export is not available in this quizgen (no {name!r} renderer)",
        )
    renderer = RENDERERS.get(name)
    options = RenderOptions(
        title=bank.title,
        seed=seed,
        paper=settings.render.paper,
        template_dir=settings.render.template_dir,
        extra=dict(RENDERER_OPTIONS.get(fmt, {})),
    )
    with tempfile.TemporaryDirectory(prefix="quizgen-export-") as tmp:
        target = Path(tmp) / (stem if renderer.suffix == "/" else stem + renderer.suffix)
        try:
            report = renderer.write(bank, target, options)
        except QuizgenError as exc:
            # exc.message only: the path is a temporary folder of the server's.
            raise ApiProblem(422, "cannot-render", f"{fmt.value}: {exc.message}") from None
        files = sorted(p for p in report.written if p.is_file())
        if not files:
            raise ApiProblem(
                422,
                "cannot-render",
                f"{fmt.value}: no question of this quiz can be expressed "
                f"in this format (skipped: {_skipped(report.skipped)})",
            )
        if len(files) == 1:
            only = files[0]
            return Export(
                _filename(stem, fmt, only.suffix),
                MEDIA_TYPES.get(only.suffix.lower(), OTHER_MEDIA_TYPE),
                only.read_bytes(),
            )
        root = target if target.is_dir() else Path(tmp)
        return Export(
            _filename(stem, fmt, ".zip"),
            MEDIA_TYPES[".zip"],
            zip_bytes({str(p.relative_to(root)): p.read_bytes() for p in files}),
        )


def _filename(stem: str, fmt: ExportFormat, suffix: str) -> str:
    """quiz-x.apkg, quiz-x.pdf; quiz-x-qti21.zip, quiz-x-gift.txt: the format is named when the suffix does not."""
    return f"{stem}{suffix}" if suffix.lower() == f".{fmt.value}" else f"{stem}-{fmt.value}{suffix}"


def _skipped(skipped: dict[str, int]) -> str:
    return (
        ", ".join(f"{count} {qtype}" for qtype, count in sorted(skipped.items()) if count) or "none"
    )
