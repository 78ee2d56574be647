"""The defects of the real corpus (../shared/corpus/NOTES.md), cleaned end to end.

Each check runs on two sets of readings of the same three shapes: tests/roots/ (our own
text with the same defects, always there) and the corpus itself (when ../shared is there).
A PDF-extracted article: footnote bodies at page bottoms, markers glued to words, a pull
quote inside a sentence, a page read bottom to top, headings over two lines, compound
hyphens at line ends. A web article: a masthead (title line, byline, publication) and a
closing bio, headings without a blank line after them, stray spaces. A Markdown chapter:
front matter, hard-wrapped paragraphs, mojibake, a glued marker.

Checks are general (regexes, structure), never a copy of corpus text; the corpus files
are read at test time only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from quizgen.ingest import load_document
from quizgen.models import Document
from tests.helpers import ROOT, TEST_ROOTS

CORPUS = ROOT.parent / "shared" / "corpus"

FOOTNOTE_BODY = re.compile(
    r"(?:^|\s)\d{1,3} (?:“|\")?[^“\"]{0,120}(?:https?://|\bIbid\b|\bpp?\.\d)"
)
GLUED_MARKER = re.compile(r"""(?:[a-z][.,;]|[.,;:!?]["”’])\d{1,3}(?=\s|$)|\s\d{1,3}[a-z]{3,}""")
MOJIBAKE = re.compile("[âÃ‚][\u0080-\u00bf€™œ„Ä]|Ã.|â€")


@dataclass(frozen=True)
class Readings:
    """One reading of each shape (pdf, web, chapter) and how much of each defect it holds."""

    paths: dict[str, Path]
    least: dict[str, int]

    def documents(self) -> dict[str, Document]:
        return {shape: load_document(path) for shape, path in self.paths.items()}


def corpus_file(prefix: str) -> Path:
    return next(CORPUS.glob(f"{prefix}_*.txt"), CORPUS / f"{prefix}_missing.txt")


READINGS = {
    "roots": Readings(
        paths={
            "pdf": TEST_ROOTS / "pdf-article" / "article.txt",
            "web": TEST_ROOTS / "web-article" / "article.txt",
            "chapter": TEST_ROOTS / "markdown-chapter" / "chapter.md",
        },
        least={"footnotes": 8, "cited": 8, "decimals": 2, "pdf": 3, "web": 2, "chapter": 1},
    ),
    "corpus": Readings(
        paths={"pdf": corpus_file("000"), "web": corpus_file("002"), "chapter": corpus_file("004")},
        least={"footnotes": 45, "cited": 50, "decimals": 10, "pdf": 13, "web": 2, "chapter": 1},
    ),
}


@pytest.fixture(scope="module", params=sorted(READINGS))
def readings(request) -> Readings:
    chosen = READINGS[request.param]
    missing = [str(p) for p in chosen.paths.values() if not p.is_file()]
    if missing:
        pytest.skip(f"not found: {', '.join(missing)}")
    return chosen


@pytest.fixture(scope="module")
def documents(readings) -> dict[str, Document]:
    return readings.documents()


def body_text(doc) -> str:
    return "\n".join(p.text for p in doc.paragraphs if p.kind != "aside")


def test_no_footnote_body_and_no_glued_marker_in_the_text(documents):
    for doc in documents.values():
        text = body_text(doc)
        assert not FOOTNOTE_BODY.search(text), FOOTNOTE_BODY.search(text)
        assert not GLUED_MARKER.search(text), GLUED_MARKER.search(text)
        assert not any(MOJIBAKE.search(s.text) for s in doc.sentences)


def test_footnotes_are_collected_and_linked(documents, readings):
    article = documents["pdf"]
    numbers = [f.number for f in article.footnotes]
    assert numbers == sorted(numbers) and len(numbers) >= readings.least["footnotes"]
    cited = [n for s in article.sentences for n in s.footnotes]
    # every reference, in reading order
    assert cited == sorted(cited) and len(cited) >= readings.least["cited"]
    assert all(not re.match(r"\d", f.text) for f in article.footnotes)
    # Footnote texts are whole: URLs joined across lines, no stray space before a closing quote.
    assert not any(
        re.search(r"https?://\S*\s+\S*/", f.text) or " ”" in f.text for f in article.footnotes
    )


def test_decimals_survive_and_years_lose_their_reference(documents, readings):
    text = body_text(documents["pdf"])
    assert len(re.findall(r"\d\.\d", text)) >= readings.least["decimals"]
    assert not re.search(r"\b(?:19|20)\d\d\.\d{1,2}\b", text)


def test_line_end_hyphens_are_kept_and_page_breaks_joined(documents):
    for doc in documents.values():
        text = body_text(doc)
        assert not re.search(r"[a-z]- [a-z]", text)
        for p in doc.paragraphs:
            if p.kind == "body":
                # A body paragraph never stops mid-sentence after a comma or hyphen.
                assert not p.text.rstrip().endswith((",", "-")), p.text[-80:]


def test_reversed_block_is_restored_or_kept_out(documents):
    article = documents["pdf"]
    regions = [r for r in article.regions if "reversed" in r.reason or "order" in r.reason]
    assert regions
    for region in regions:
        inside = [
            s
            for p in article.paragraphs
            if p.kind == "body"
            for s in p.sentences
            if region.line <= s.line <= region.end_line
        ]
        assert inside
        if not region.restored:
            assert all(s.unreliable for s in inside)
        else:
            # Restored: every sentence inside begins with a capital and ends closed.
            for s in inside:
                assert s.text[0].isupper() or s.text[0] in '“"', s.text
                assert re.search(r"""[.!?]["”’]?$""", s.text), s.text


def test_pull_quote_is_an_aside(documents):
    article = documents["pdf"]
    asides = [p for p in article.paragraphs if p.kind == "aside"]
    assert len(asides) == 1 and asides[0].text.startswith("“")
    assert asides[0].text not in body_text(article)
    # The sentence it interrupted is whole again: one sentence spans the gap.
    assert any(
        s.line < asides[0].line and s.end_line > asides[0].end_line for s in article.sentences
    )


def test_headings_are_found(documents, readings):
    for shape, doc in documents.items():
        headings = [p for p in doc.paragraphs if p.kind == "heading"]
        assert len(headings) >= readings.least[shape]
        assert all(
            not re.search(r"[.!?,;]$", h.text) and len(h.text.split()) <= 25 for h in headings
        )
        assert all(
            p.heading
            for p in doc.paragraphs[doc.paragraphs.index(headings[0]) + 1 :]
            if p.kind == "body"
        )


def test_metadata(documents):
    web = documents["web"].metadata
    assert web["title"] and web["author"] and re.fullmatch(r"\d{4}-\d{2}-\d{2}", web["date"])
    assert web["publication"] and web["bio"].startswith(web["author"])
    assert not any(
        web["title"] in p.text or web["bio"] in p.text for p in documents["web"].paragraphs
    )
    chapter = documents["chapter"].metadata
    assert chapter["title"] and re.fullmatch(r"\d{4}-\d{2}-\d{2}", chapter["date"])


def test_markdown_paragraph_breaks_and_stray_spaces(documents):
    chapter = documents["chapter"]
    # Every body paragraph of the chapter opens with a capital and ends a sentence.
    for p in chapter.paragraphs:
        if p.kind == "body":
            assert p.text[0].isupper() and re.search(r"""[.!?]["”]?$""", p.text)
    assert len([p for p in chapter.paragraphs if p.kind == "body"]) >= 5
    assert not re.search(r"\w ,|\w- \w|\w -\w", body_text(documents["web"]))


def test_sentence_lines_match_the_original_file(documents, readings):
    for shape, path in readings.paths.items():
        original = path.read_text(encoding="utf-8")
        lines = original.split("\n")
        doc = documents[shape]
        for s in doc.sentences:
            first_word = s.text.split()[0]
            assert (
                original[s.offset :].startswith(first_word[:3])
                or doc.paragraphs[s.paragraph].kind == "heading"
            ), s
            assert first_word[:3] in lines[s.line - 1], s
