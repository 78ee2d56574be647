"""The docs say what the code does: the export formats of docs/api.md, the images docs show."""

from __future__ import annotations

import re
from pathlib import Path

from quizgen.api.export import RENDERER_OF, ExportFormat
from quizgen.render import RENDERERS

ROOT = Path(__file__).resolve().parents[1]


def test_api_doc_lists_exactly_the_export_formats_and_their_renderers():
    row = next(
        line
        for line in (ROOT / "docs" / "api.md").read_text("utf-8").splitlines()
        if line.startswith("| `GET /quizzes/{id}/export")
    )
    listed = set(re.findall(r"`([a-z0-9]+)`", row.split("|")[2]))
    formats = {f.value for f in ExportFormat}
    assert formats <= listed
    for fmt in formats:
        assert RENDERER_OF.get(ExportFormat(fmt), fmt) in RENDERERS.names()
    assert listed - formats <= set(RENDERERS.names()) | {"pdf"}  # renderer names the row explains


def test_every_image_the_docs_show_exists():
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", doc.read_text("utf-8")):
            assert (doc.parent / target).is_file(), f"{doc.name} shows {target}, which is not there"
