"""Web pages: the main text only (trafilatura drops navigation, scripts, footers, comments).

Each paragraph, list item, quotation and heading becomes one line of the "html" layout,
with a blank line between, numbered by the line of the source where its text starts
(found by searching for its first words, since the extractor rebuilds the tree).
"""
from __future__ import annotations

import bisect
import hashlib
import html
import re

from ...errors import IngestError
from ..decode import decode
from ..source import Line, RawText
from .dates import iso_date
from .text import line_offsets

BLOCKS = ("head", "p", "item", "quote")  # trafilatura's names for headings, paragraphs, list items, quotations
WORD = re.compile(r"\w+")
DECLARED_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
BODY_TAG = re.compile(r"<body\b[^>]*>", re.I)
LOCATE_WORDS = 6  # how many of a paragraph's first words must follow each other in the source
SOURCE_TOKEN = re.compile(r"<[^>]*>|(?P<text>(?:\w|&#?\w+;)+)")  # tags are skipped, text is kept
META_DATE = (
    "article:published_time", "datePublished", "date", "dc.date", "dcterms.created", "dc.date.issued",
    "citation_publication_date", "citation_date", "pubdate", "publish-date", "og:published_time",
)
META_AUTHOR = ("author", "article:author", "citation_author", "dc.creator", "dcterms.creator")
META_TITLE = ("citation_title", "og:title", "dc.title", "twitter:title")


class HtmlReader:
    name = "html"
    suffixes = (".html", ".htm", ".xhtml")

    def sniff(self, head: bytes) -> bool:
        start = head.removeprefix(b"\xef\xbb\xbf").lstrip()[:200].lower()
        return start.startswith((b"<!doctype html", b"<html")) or (start.startswith(b"<?xml") and b"<html" in start)

    def read(self, path: str, data: bytes, settings) -> RawText:
        declared = DECLARED_CHARSET.search(data[:4096])
        decoded = decode(data, path, declared.group(1).decode("ascii") if declared else None)
        source = decoded.replace("\r\n", "\n").replace("\r", "\n")
        blocks = main_text(source, path)
        lines: list[Line] = []
        body = BODY_TAG.search(source)  # the <title> often repeats the first heading
        words = SourceWords(source, body.end() if body else 0)
        last_line = 0
        for text in blocks:
            # The cleaner keys lines by number, so two blocks on one source line (list items,
            # a minified page) cannot share it: the second takes the next free number.
            last_line = max(words.line_of(text) or 0, last_line + 1)
            if lines:
                lines.append(Line(last_line, ""))  # blank line: each block is its own paragraph
            lines.append(Line(last_line, text))
        return RawText(
            path=path,
            checksum=hashlib.sha256(data).hexdigest(),
            reader=self.name,
            layout="html",
            lines=tuple(lines),
            metadata=page_metadata(source),
            line_offsets=line_offsets(source),
        )


def main_text(source: str, path: str) -> list[str]:
    """The main text's blocks in reading order, each as one whitespace-normalised string."""
    import trafilatura  # heavy: imported only when a web page is read

    try:
        document = trafilatura.bare_extraction(
            source, output_format="python", with_metadata=False, include_tables=False,
            include_comments=False, include_formatting=True,
        )
    except (ValueError, TypeError) as exc:
        raise IngestError(f"not a readable HTML page ({exc})", path) from None
    body = getattr(document, "body", None)
    if body is None:
        raise IngestError("no main text found in this HTML page", path)
    blocks = []
    for element in body.iter(*BLOCKS):
        if any(True for _ in element.iterdescendants(*BLOCKS)):
            continue  # a list or quotation holding paragraphs: they come on their own
        text = " ".join("".join(element.itertext()).split())
        if WORD.search(text):
            blocks.append(text)
    if not blocks:
        raise IngestError("no main text found in this HTML page", path)
    return blocks


class SourceWords:
    """The words of the HTML source (outside tags and entities) with their lines, to find blocks in."""

    def __init__(self, source: str, start: int = 0):
        offsets = line_offsets(source)
        self.words: list[str] = []
        self.lines: list[int] = []
        for match in SOURCE_TOKEN.finditer(source, start):
            if match.group("text"):  # 'caf&eacute;' is the word the extracted text has: 'café'
                line = bisect.bisect_right(offsets, match.start())
                for word in WORD.findall(html.unescape(match.group("text"))):
                    self.words.append(word)
                    self.lines.append(line)
        self.next = 0  # blocks come in reading order: search on from the last one found

    def line_of(self, text: str) -> int | None:
        """Line where the block's first words follow each other in the source, or None."""
        wanted = WORD.findall(text)[:LOCATE_WORDS]
        if not wanted:
            return None
        for begin in (self.next, 0):
            found = self._find(wanted, begin)
            if found is not None:
                self.next = found + len(wanted)
                return self.lines[found]
        return None

    def _find(self, wanted: list[str], begin: int) -> int | None:
        first, size = wanted[0], len(wanted)
        for i in range(begin, len(self.words) - size + 1):
            if self.words[i] == first and self.words[i:i + size] == wanted:
                return i
        return None


def page_metadata(source: str) -> dict[str, str]:
    """Title, author and ISO date from <title>, <meta> tags and the first <time datetime>."""
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(source.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8"))
    except (ValueError, SyntaxError):  # lxml's ParserError is a ValueError
        return {}
    meta = {}
    for tag in tree.iter("meta"):
        key = (tag.get("name") or tag.get("property") or tag.get("itemprop") or "").strip().lower()
        value = " ".join((tag.get("content") or "").split())
        if key and value:
            meta.setdefault(key, value)
    # An article's own title tag beats <title>, which often ends in " | Site name".
    title = next((meta[k.lower()] for k in META_TITLE if k.lower() in meta), None)
    title_tag = tree.find(".//title")
    if title is None and title_tag is not None:
        title = " ".join(title_tag.text_content().split()) or None
    author = next((meta[k.lower()] for k in META_AUTHOR if k.lower() in meta), None)
    dates = [meta[k.lower()] for k in META_DATE if k.lower() in meta]
    dates += [t.get("datetime") or t.text_content() for t in tree.iter("time")]
    date = next((iso for iso in map(iso_date, dates) if iso), None)
    found = {"title": title, "author": author, "date": date}
    return {k: v for k, v in found.items() if v}
