"""A document's title as the bank records it: something a student reads as a title.

In order: the title the reader found (front matter, HTML <title> or citation meta, PDF
metadata), the first heading, else the first sentence's leading words. A title that is
only the file's own name ("000_c1ec01a15002abb6.txt", "Microsoft Word - draft.docx") is
no title. The file name stays in the bank (`DocumentInfo.name`) as a detail of citations.
"""

from __future__ import annotations

import re

from ..models import Document

LEADING_WORDS = 8  # words of the first sentence that stand in for a missing title
MAX_TITLE = 120  # characters; a "heading" longer than this is a paragraph the cleaner missed
_FILE_NAME = re.compile(
    r"^(?:microsoft \w+ - )?[\w.-]+\.(?:txt|md|markdown|html?|pdf|docx?|odt|rtf|tex)$",
    re.IGNORECASE,
)


def _one_line(text: object) -> str:
    return " ".join(str(text).split()) if text is not None else ""


def is_file_name(title: str, name: str = "") -> bool:
    """True for a "title" that only names a file: the document's own name or stem, or any file name."""
    folded = title.casefold()
    stem = name.rsplit(".", 1)[0].casefold()
    return (
        bool(_FILE_NAME.match(title))
        or folded in (name.casefold(), stem)
        or not re.search(r"[^\W\d_]", title)
    )


def leading_words(sentence: str, count: int = LEADING_WORDS) -> str:
    """The first `count` words of a sentence, ended with "…" when cut ("The international community …")."""
    words = sentence.split()
    if len(words) <= count:
        return " ".join(words).rstrip(".;:,")
    return " ".join(words[:count]).rstrip(".;:,—-–") + " …"


def document_title(document: Document) -> str:
    """The title to show for a document: metadata, first heading, else its first sentence's leading words."""
    found = _one_line(document.metadata.get("title"))
    if found and not is_file_name(found, document.name) and len(found) <= MAX_TITLE:
        return found
    for paragraph in document.paragraphs:
        if paragraph.kind == "body":
            break  # a heading further down names a section, not the document
        if paragraph.kind == "heading" and not paragraph.unreliable:
            heading = _one_line(paragraph.text).rstrip(".:")
            if heading and len(heading) <= MAX_TITLE and not is_file_name(heading, document.name):
                return heading
    for sentence in document.sentences:
        if not sentence.unreliable and re.search(r"[^\W\d_]{2}", sentence.text):
            return leading_words(_one_line(sentence.text))
    return found or document.name
