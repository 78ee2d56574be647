"""The `quizgen ingest` view: labels and text shown as written, never read as rich markup."""

from rich.console import Console

from quizgen.ingest.report import print_document
from quizgen.models import Document, FlaggedRegion, Footnote, Paragraph


def shown(doc: Document) -> str:
    console = Console(record=True, width=200, color_system=None)
    print_document(doc, console)
    return console.export_text()


def test_paragraph_kinds_footnotes_and_regions_are_shown():
    doc = Document(
        path="towers.md",
        name="towers.md",
        format="markdown",
        checksum="0" * 64,
        metadata={"title": "[Draft] The towers"},
        paragraphs=(
            Paragraph(0, "heading", "The towers", 1, 1),
            Paragraph(1, "body", "The towers were [very] tall.", 3, 3, unreliable=True),
            Paragraph(2, "aside", "“Tall towers.”", 5, 5),
        ),
        footnotes=(Footnote(1, "See [the] harbour log.", 7),),
        regions=(FlaggedRegion(3, 3, reason="lines may be out of order", restored=False),),
    )
    text = shown(doc)
    assert "    1 [heading] The towers" in text
    assert "    3 [body] (unreliable) The towers were [very] tall." in text
    assert "    5 [aside] “Tall towers.”" in text
    assert "[Draft] The towers" in text
    assert "    7 1. See [the] harbour log." in text
    assert "lines 3-3: lines may be out of order (not used)" in text
