"""Readers: choosing one by content, and what each makes of small files of our own."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from quizgen.errors import IngestError
from quizgen.ingest import load_document
from quizgen.ingest.clean import clean
from quizgen.ingest.clean.lines import without_markers
from quizgen.ingest.readers import READERS, choose_reader

FRONT = b"---\ntitle: A Test\n---\nBody text.\n"
PAGE = b"<!DOCTYPE html>\n<html><head><title>T</title></head><body><p>Hi</p></body></html>"


def read(name: str, data: bytes):
    """RawText from the reader quizgen would choose for a file of this name and content."""
    return choose_reader(Path(name), data[:4096]).read(name, data, None)


def load_from(folder: Path, name: str, data: bytes):
    """The real load_document (read and clean) on a file written to `folder`."""
    path = folder / name
    path.write_bytes(data)
    return load_document(path)


def load_from_raw(raw) -> dict[str, str]:
    """Paragraph text -> kind, as the real cleaner makes them from a reader's output."""
    return {p.text: p.kind for p in clean(raw).paragraphs}


def body_lines(raw) -> list[str]:
    return [ln.text for ln in raw.lines if ln.text.strip()]


# ---- choosing a reader -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "reader"),
    [
        ("notes.txt", b"Plain words.\n", "text"),
        ("notes.md", b"# Title\n\nWords.\n", "markdown"),
        ("notes.txt", FRONT, "markdown"),  # front matter in a .txt: the content decides
        ("notes.txt", FRONT.replace(b"\n", b"\r\n"), "markdown"),
        ("notes", FRONT, "markdown"),
        ("page.html", PAGE, "html"),
        ("page.txt", PAGE, "html"),
        ("saved", b"\xef\xbb\xbf  <html lang='en'><body><p>x</p></body></html>", "html"),
        ("paper.pdf", b"%PDF-1.7\n...", "pdf"),
        ("paper.bin", b"%PDF-1.4\n...", "pdf"),
        ("notes.txt", b"--- a dashed rule, not front matter\nWords.\n", "text"),
        ("odd.xyz", b"Unknown endings are read as plain text.\n", "text"),
    ],
)
def test_reader_is_chosen_by_content_then_extension(name, data, reader):
    assert choose_reader(Path(name), data[:4096]).name == reader


def test_every_reader_claims_suffixes():
    assert {".txt", ".md", ".html", ".htm", ".pdf"} <= {
        s for _, r in READERS.items() for s in r.suffixes
    }


# ---- Markdown ---------------------------------------------------------------------------

MARKDOWN = """\
---
title: "Councils: A Short History"
author: Ruth Ames
date: 2019-04-02
published: 2019-04-02 09:30:00
editors: [Ann Lee, Bo Chen]
series: {name: Civics, number: 3}
---

# Councils

The council is the elected body of a town.
"""


def test_front_matter_becomes_metadata_with_iso_dates():
    raw = read("essay.md", MARKDOWN.encode())
    assert raw.reader == "markdown"
    assert raw.metadata == {
        "title": "Councils: A Short History",
        "author": "Ruth Ames",
        "date": "2019-04-02",
        "published": "2019-04-02T09:30:00",
        "editors": ["Ann Lee", "Bo Chen"],
        "series": {"name": "Civics", "number": 3},
    }


def test_body_keeps_its_original_line_numbers():
    raw = read("essay.md", MARKDOWN.encode())
    numbered = {ln.text: ln.no for ln in raw.lines if ln.text.strip()}
    assert numbered == {"# Councils": 10, "The council is the elected body of a town.": 12}
    assert "title" not in " ".join(ln.text for ln in raw.lines)


def test_front_matter_in_a_txt_file_is_read_too():
    raw = read("essay.txt", MARKDOWN.encode())
    assert raw.reader == "markdown"
    assert raw.metadata["date"] == "2019-04-02"


@pytest.mark.parametrize(
    ("front", "metadata", "first_body_line"),
    [
        ("---\n---\n", {}, 3),
        ("---\ntitle: Councils\n...\n", {"title": "Councils"}, 4),  # Pandoc's closing line
        ("---\ndate: March 5, 2021\n---\n", {"date": "2021-03-05"}, 4),
        (
            "---\ndate: spring of that year\n---\n",
            {"date": "spring of that year"},
            4,
        ),  # kept, not lost
        ("---\nyear: 1911\n---\n", {"year": 1911}, 4),
    ],
)
def test_front_matter_forms(front, metadata, first_body_line):
    raw = read("essay.md", (front + "The council is the elected body of a town.\n").encode())
    assert raw.metadata == metadata
    assert [ln.no for ln in raw.lines if ln.text.strip()] == [first_body_line]


def test_markdown_without_front_matter_has_no_metadata():
    raw = read("essay.md", b"# Councils\n\nThe council is the elected body of a town.\n")
    assert raw.metadata == {}
    assert body_lines(raw) == ["# Councils", "The council is the elected body of a town."]


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("---\ntitle: A\nauthor: [unclosed\n---\nBody.\n", 4, "broken front matter"),
        ("---\ntitle: A\n  bad: indent\n---\nBody.\n", 3, "broken front matter"),
        ("---\n- just\n- a list\n---\nBody.\n", 2, "expected 'key: value' lines"),
        ("---\ntitle: A\nBody with no closing line.\n", 1, "no closing '---' line"),
    ],
)
def test_broken_front_matter_names_file_and_line(text, line, problem):
    with pytest.raises(IngestError) as caught:
        read("essay.md", text.encode())
    assert (caught.value.path, caught.value.line) == ("essay.md", line)
    assert problem in caught.value.message


# ---- HTML -------------------------------------------------------------------------------

HTML = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Town Halls | The Civic Gazette</title>
<meta name="author" content="Ruth Ames">
<script>var tracking = "never shown to a reader";</script>
<style>p { color: black; }</style>
</head>
<body>
<nav><ul><li><a href="/">Home page</a></li><li><a href="/about">About the gazette</a></li></ul></nav>
<main>
<article>
<h1>Why Town Halls Matter</h1>
<p><time datetime="2022-09-14">14 September 2022</time></p>
<p>A town hall is the building where a local council meets and keeps its records.
Residents come to it to register births, pay fees and attend the open sessions
of the council.</p>
<h2>Open sessions</h2>
<p>Every session is announced a week ahead, and the agenda is posted on the door of the hall
so that residents can prepare their questions for the council.</p>
<blockquote><p>A council that meets in the dark soon forgets who elected it.</p></blockquote>
<ul>
<li>The first duty of the clerk is to keep the minutes.</li>
<li>The second duty of the clerk is to publish the budget.</li>
</ul>
</article>
</main>
<footer><p>Copyright 2022 The Civic Gazette. All rights reserved.</p></footer>
</body>
</html>
"""


@pytest.fixture(scope="module")
def html_raw():
    return read("halls.html", HTML.encode())


def test_html_keeps_the_main_text_only(html_raw):
    text = "\n".join(ln.text for ln in html_raw.lines)
    assert html_raw.layout == "html"
    for left_out in (
        "tracking",
        "color: black",
        "Home page",
        "About the gazette",
        "All rights reserved",
    ):
        assert left_out not in text
    assert "A council that meets in the dark soon forgets who elected it." in text
    assert "The second duty of the clerk is to publish the budget." in text


def test_html_gives_one_line_per_paragraph_and_heading_with_its_source_line(html_raw):
    source_lines = HTML.split("\n")
    lines = [ln for ln in html_raw.lines if ln.text.strip()]
    numbered = {ln.text: ln.no for ln in lines}
    assert numbered["Why Town Halls Matter"] == 14
    assert numbered["Open sessions"] == 19
    assert numbered["A council that meets in the dark soon forgets who elected it."] == 22
    assert numbered["The first duty of the clerk is to keep the minutes."] == 24
    wrapped = next(t for t in numbered if t.startswith("A town hall is"))
    assert wrapped.endswith(
        "attend the open sessions of the council."
    )  # three source lines, one paragraph
    assert numbered[wrapped] == 16
    for ln in lines:  # every block's first words are on the line it is numbered with
        assert ln.text.split()[0] in source_lines[ln.no - 1]
    # paragraphs are separated by blank lines, so none runs into the next
    assert all(a.text.strip() or b.text.strip() for a, b in zip(html_raw.lines, html_raw.lines[1:]))


def test_html_metadata_from_title_meta_and_time(html_raw):
    assert html_raw.metadata == {
        "title": "Town Halls | The Civic Gazette",
        "author": "Ruth Ames",
        "date": "2022-09-14",
    }


def test_html_meta_tags_win_over_the_title_and_the_time():
    page = HTML.replace(
        '<meta name="author" content="Ruth Ames">',
        '<meta property="og:title" content="Why Town Halls Matter">\n'
        '<meta property="article:published_time" content="2022-09-12T08:00:00+02:00">',
    )
    metadata = read("halls.html", page.encode()).metadata
    assert metadata == {"title": "Why Town Halls Matter", "date": "2022-09-12"}


def test_html_headings_become_heading_paragraphs(tmp_path):
    doc = load_from(tmp_path, "halls.html", HTML.encode())
    kinds = {p.text: p.kind for p in doc.paragraphs}
    assert kinds["Why Town Halls Matter"] == "heading"
    assert kinds["Open sessions"] == "heading"
    assert kinds["A council that meets in the dark soon forgets who elected it."] == "body"


def test_html_paragraph_with_entities_is_found_on_its_line():
    page = HTML.replace(
        "<p>Every session is announced",
        "<p>\n\n<b>Caf&eacute;</b> owners and &ldquo;ordinary&rdquo; residents&nbsp;alike say\nthat every session is announced",
    )
    raw = read("halls.html", page.encode())
    # <b> is carried as emphasis characters around the word.
    assert {without_markers(ln.text).split()[0]: ln.no for ln in raw.lines if ln.text.strip()}[
        "Café"
    ] == 22


def test_minified_html_still_gives_each_block_its_own_line_number():
    raw = read("halls.html", HTML.replace("\n", "").encode())
    numbers = [ln.no for ln in raw.lines if ln.text.strip()]
    assert numbers == sorted(set(numbers))  # unique: the cleaner keys headings by line number
    doc_kinds = load_from_raw(raw)
    assert doc_kinds["Why Town Halls Matter"] == "heading"
    assert doc_kinds["The first duty of the clerk is to keep the minutes."] == "body"


@pytest.mark.parametrize(
    ("charset", "text", "encoding"),
    [
        ("windows-1251", "Городской совет собирается дважды в месяц.", "cp1251"),
        (
            "iso-8859-1",
            "The café’s “naïve” owner.",
            "cp1252",
        ),  # browsers read latin-1 labels as cp1252
        ("koi8-r", "Городской совет собирается дважды в месяц.", "koi8-r"),
        # detection alone reads this as iso8859-10 ('kaŋdy'): the page's own label decides
        (
            "iso-8859-2",
            "Rada miejska zbiera się dwa razy w miesiącu, a każdy może zabrać głos.",
            "iso-8859-2",
        ),
    ],
)
def test_html_declared_charset_is_used(charset, text, encoding):
    page = HTML.replace(
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">',
    )
    page = page.replace("Every session is announced a week ahead", text)
    joined = "\n".join(ln.text for ln in read("halls.html", page.encode(encoding)).lines)
    assert text in joined


def test_html_without_main_text_is_refused():
    page = b"<!DOCTYPE html><html><body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(IngestError, match="no main text found"):
        read("empty.html", page)


# ---- PDF --------------------------------------------------------------------------------

PDF_HTML = """<html><head><title>Notes on Charters</title><meta name="author" content="Ruth Ames">
<meta name="dcterms.created" content="2020-06-01T09:00:00Z"></head><body>
<h1>Notes on Charters</h1>
<p>A charter is a written grant from the state that creates a town and lists its powers.</p>
<p style="page-break-before: always">The second page says that the town adopted its charter in June 1889.</p>
</body></html>"""


@pytest.fixture(scope="module")
def pdf_bytes():
    weasyprint = pytest.importorskip("weasyprint")
    return weasyprint.HTML(string=PDF_HTML).write_pdf()


@pytest.fixture(scope="module")
def scanned_pdf_bytes():
    """A page with a drawn rectangle and no text layer, as a scanner without OCR makes."""
    weasyprint = pytest.importorskip("weasyprint")
    return weasyprint.HTML(
        string='<div style="width:8cm;height:4cm;background:#333"></div>'
    ).write_pdf()


def test_pdf_text_layer_is_read_with_pdf_layout(pdf_bytes):
    raw = read("charters.pdf", pdf_bytes)
    assert (raw.reader, raw.layout) == ("pdf", "pdf")
    text = "\n".join(ln.text for ln in raw.lines)
    assert "A charter is a written grant from the state" in text
    assert "adopted its charter in June 1889." in text
    # the page break is a blank line between the two pages' text
    first, second = text.split("\n\n", 1)[0], text.split("\n\n", 1)[1]
    assert "charter is" in first and "second page" in second


def test_pdf_metadata_from_the_document_information(pdf_bytes):
    assert read("charters.pdf", pdf_bytes).metadata == {
        "title": "Notes on Charters",
        "author": "Ruth Ames",
        "date": "2020-06-01",
    }


def test_pdf_becomes_a_document(pdf_bytes, tmp_path):
    doc = load_from(tmp_path, "charters.pdf", pdf_bytes)
    assert doc.format == "pdf"
    assert any("written grant from the state" in s.text for s in doc.sentences)


def test_pdf_without_text_layer_is_refused(scanned_pdf_bytes):
    with pytest.raises(IngestError) as caught:
        read("scan.pdf", scanned_pdf_bytes)
    assert str(caught.value) == "scan.pdf: no text layer (scanned PDF?)"


def test_encrypted_pdf_is_refused(pdf_bytes):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes)))
    writer.encrypt("secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(IngestError, match="encrypted with a password"):
        read("locked.pdf", out.getvalue())


@pytest.mark.parametrize("cut", [20, 600])
def test_damaged_pdf_is_refused(pdf_bytes, cut, caplog):
    with pytest.raises(IngestError, match="not a readable PDF"):
        read("broken.pdf", pdf_bytes[:cut])
    assert not [
        r for r in caplog.records if r.name.startswith("pypdf")
    ]  # no repair warnings on stderr


# ---- the real corpus ------------------------------------------------------------------------

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the shared corpus is not at {CORPUS}")
@pytest.mark.parametrize(
    "name", sorted(p.name for p in CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
)
def test_corpus_files_are_read_by_content(name):
    data = (CORPUS / name).read_bytes()
    raw = read(name, data)
    if data.startswith(b"---\n"):  # front matter in a .txt: Markdown, with the metadata it gives
        assert raw.reader == "markdown"
        assert raw.metadata.get("title")
        assert re.fullmatch(r"\d{4}(-\d{2}){0,2}(T[\d:]+)?", raw.metadata.get("date", ""))
    else:
        assert raw.reader == "text"
    # every line of the file is kept, numbered as in the file
    body = [ln for ln in raw.lines if ln.text.strip()]
    original = data.decode("utf-8").split("\n")
    assert all(original[ln.no - 1] == ln.text for ln in body)
