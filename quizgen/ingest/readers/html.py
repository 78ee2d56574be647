"""Web pages: the main text only (trafilatura drops navigation, scripts, footers, comments).

Each paragraph, list item, quotation and heading becomes one line of the "html" layout,
with a blank line between, numbered by the line of the source where its text starts
(found by searching for its first words, since the extractor rebuilds the tree).
List items (marker "•", or "1." ... in an ordered list) and block quotations are told to
the cleaner through RawText; <b>/<strong>, <i>/<em> and <dfn> become emphasis characters;
<figcaption> texts (which trafilatura drops) come back as asides.
"""

from __future__ import annotations

import bisect
import hashlib
import html
import re

from ...errors import IngestError
from ...util.dates import iso_date
from ..clean import EMPHASIS
from ..decode import decode
from ..source import Line, RawText
from .text import line_offsets

BLOCKS = (
    "head",
    "p",
    "item",
    "quote",
)  # trafilatura's names for headings, paragraphs, list items, quotations
WORD = re.compile(r"\w+")
DECLARED_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
BODY_TAG = re.compile(r"<body\b[^>]*>", re.I)
LOCATE_WORDS = 6  # how many of a paragraph's first words must follow each other in the source
SOURCE_TOKEN = re.compile(r"<[^>]*>|(?P<text>(?:\w|&#?\w+;)+)")  # tags are skipped, text is kept
META_DATE = (
    "article:published_time",
    "datePublished",
    "date",
    "dc.date",
    "dcterms.created",
    "dc.date.issued",
    "citation_publication_date",
    "citation_date",
    "pubdate",
    "publish-date",
    "og:published_time",
)
META_AUTHOR = ("author", "article:author", "citation_author", "dc.creator", "dcterms.creator")
META_TITLE = ("citation_title", "og:title", "dc.title", "twitter:title")
# trafilatura keeps <b>/<strong> as <hi rend="#b">, <i>/<em> as "#i", <u> as "#u" and drops <dfn>:
# <dfn> is renamed <u> before extraction (and a real <u>, not emphasis, a <span>).
DFN_AS_U = (
    (re.compile(r"<(/?)u(?=[\s>])", re.I), r"<\1span"),
    (re.compile(r"<(/?)dfn(?=[\s>])", re.I), r"<\1u"),
)
REND_KIND = {"#b": "strong", "#i": "em", "#u": "dfn"}


class Block:
    """One block of the main text: its text (emphasis as characters) and what kind of block it is."""

    def __init__(
        self,
        text: str,
        list_item: str | None = None,
        quote: bool = False,
        heading: int | None = None,
    ):
        self.text, self.list_item, self.quote, self.heading = text, list_item, quote, heading


class HtmlReader:
    name = "html"
    suffixes = (".html", ".htm", ".xhtml")

    def sniff(self, head: bytes) -> bool:
        start = head.removeprefix(b"\xef\xbb\xbf").lstrip()[:200].lower()
        return start.startswith((b"<!doctype html", b"<html")) or (
            start.startswith(b"<?xml") and b"<html" in start
        )

    def read(self, path: str, data: bytes, settings) -> RawText:
        declared = DECLARED_CHARSET.search(data[:4096])
        decoded = decode(data, path, declared.group(1).decode("ascii") if declared else None)
        source = decoded.replace("\r\n", "\n").replace("\r", "\n")
        for pattern, replacement in DFN_AS_U:
            source = pattern.sub(replacement, source)
        blocks = main_text(source, path)
        lines: list[Line] = []
        body = BODY_TAG.search(source)  # the <title> often repeats the first heading
        words = SourceWords(source, body.end() if body else 0)
        last_line = 0
        list_items: dict[int, str] = {}
        quotes: set[int] = set()
        headings: dict[int, int] = {}
        for block in blocks:
            # The cleaner keys lines by number, so two blocks on one source line (list items,
            # a minified page) cannot share it: the second takes the next free number.
            last_line = max(words.line_of(block.text) or 0, last_line + 1)
            if lines:
                lines.append(Line(last_line, ""))  # blank line: each block is its own paragraph
            lines.append(Line(last_line, block.text))
            if block.list_item:
                list_items[last_line] = block.list_item
            if block.quote:
                quotes.add(last_line)
            if block.heading:
                headings[last_line] = block.heading
        captions: set[int] = set()
        used = {ln.no for ln in lines}
        for caption in figure_captions(source):
            no = words.line_of(caption)
            if no is None or no in used:
                no = max(used, default=0) + 1
            used.add(no)
            lines += [Line(no, ""), Line(no, caption)]
            captions.add(no)
        lines.sort(key=lambda ln: ln.no)  # stable: each block's blank line stays before it
        return RawText(
            path=path,
            checksum=hashlib.sha256(data).hexdigest(),
            reader=self.name,
            layout="html",
            lines=tuple(lines),
            metadata=page_metadata(source),
            line_offsets=line_offsets(source),
            list_items=list_items,
            block_quotes=frozenset(quotes),
            asides=frozenset(captions),
            headings=headings,
        )


def main_text(source: str, path: str) -> list[Block]:
    """The main text's blocks in reading order, each as one whitespace-normalised string."""
    import trafilatura  # heavy: imported only when a web page is read

    try:
        document = trafilatura.bare_extraction(
            source,
            output_format="python",
            with_metadata=False,
            include_tables=False,
            include_comments=False,
            include_formatting=True,
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
        text = " ".join(marked_text(element).split())
        if WORD.search(text):
            quote = element.tag == "quote" or any(True for _ in element.iterancestors("quote"))
            blocks.append(Block(text, list_marker(element), quote, heading_level(element)))
    if not blocks:
        raise IngestError("no main text found in this HTML page", path)
    return blocks


def marked_text(element) -> str:
    """The element's text with its emphasis (<hi rend="#b"> ...) as emphasis characters."""
    parts = [element.text or ""]
    for child in element:
        kind = REND_KIND.get(child.get("rend", "")) if child.tag == "hi" else None
        inner = marked_text(child)
        if kind and inner.strip():
            opening, closing = EMPHASIS[kind]
            inner = f"{opening}{inner}{closing}"
        parts += [inner, child.tail or ""]
    return "".join(parts)


def heading_level(element) -> int | None:
    """2 for trafilatura's <head rend="h2">; None for a block that is not a heading."""
    if element.tag != "head":
        return None
    rend = element.get("rend") or ""
    return int(rend[1]) if len(rend) == 2 and rend[0] == "h" and rend[1].isdigit() else 2


def list_marker(element) -> str | None:
    """'•' for an item of a bulleted list, '3.' for the third of a numbered one, None for other blocks."""
    item = element if element.tag == "item" else next(element.iterancestors("item"), None)
    if item is None:
        return None
    parent = item.getparent()
    if parent is not None and parent.tag == "list" and parent.get("rend") == "ol":
        return f"{[c for c in parent if c.tag == 'item'].index(item) + 1}."
    return "•"


def figure_captions(source: str) -> list[str]:
    """Texts of the page's <figcaption> elements, whitespace-normalised."""
    from lxml import html as lxml_html

    if "figcaption" not in source.lower():
        return []
    try:
        tree = lxml_html.document_fromstring(
            source.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8")
        )
    except (ValueError, SyntaxError):
        return []
    texts = (" ".join(c.text_content().split()) for c in tree.iter("figcaption"))
    return [t for t in texts if WORD.search(t)]


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
            if self.words[i] == first and self.words[i : i + size] == wanted:
                return i
        return None


def page_metadata(source: str) -> dict[str, str]:
    """Title, author and ISO date from <title>, <meta> tags and the first <time datetime>."""
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(
            source.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8")
        )
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
