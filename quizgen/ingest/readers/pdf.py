"""PDF files: the text layer extracted with pypdf, cleaned like any PDF-extracted text.

Pages are joined with a blank line, so a page break looks as it does in text pasted
from a PDF; line numbers are those of the extracted text (a PDF has no source lines).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import logging

from ...errors import IngestError
from ..source import RawText
from .text import line_offsets, split_lines


class PdfReader:
    name = "pdf"
    suffixes = (".pdf",)

    def sniff(self, head: bytes) -> bool:
        return head.lstrip()[:5] == b"%PDF-"

    def read(self, path: str, data: bytes, settings) -> RawText:
        from .. import check_text_budget

        with quiet_pypdf():
            pages, info = text_and_info(
                data, path, lambda chars: check_text_budget(chars, settings, path)
            )
        if not any(page.strip() for page in pages):
            raise IngestError("no text layer (scanned PDF?)", path)
        text = "\n\n".join(
            page.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n") for page in pages
        )
        return RawText(
            path=path,
            checksum=hashlib.sha256(data).hexdigest(),
            reader=self.name,
            layout="pdf",
            lines=split_lines(text),
            metadata=pdf_metadata(info),
            line_offsets=line_offsets(text),
        )


def text_and_info(data: bytes, path: str, budget=lambda chars: None) -> tuple[list[str], object]:
    """Each page's extracted text, and the document information; IngestError if pypdf cannot read it.

    `budget(chars)` is called with the text so far after each page and raises to stop reading.
    """
    from pypdf import PdfReader as PyPdf  # heavy: imported only when a PDF is read
    from pypdf.errors import FileNotDecryptedError, LimitReachedError, PdfReadError

    try:
        pdf = PyPdf(io.BytesIO(data))
        if pdf.is_encrypted and not pdf.decrypt(""):
            raise IngestError("the PDF is encrypted with a password", path)
        pages: list[str] = []
        chars = 0
        for page in pdf.pages:
            pages.append(page.extract_text() or "")
            chars += len(pages[-1])
            budget(chars)
        return pages, pdf.metadata
    except FileNotDecryptedError:
        raise IngestError("the PDF is encrypted with a password", path) from None
    except LimitReachedError:  # a stream that decompresses to more than pypdf allows: a bomb
        raise IngestError(
            "not a readable PDF: a stream decompresses past pypdf's size limit", path
        ) from None
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise IngestError(f"not a readable PDF ({exc})", path) from None


@contextlib.contextmanager
def quiet_pypdf():
    """pypdf logs repairs of damaged files as warnings; the one-line error is what the user needs."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def pdf_metadata(info) -> dict[str, str]:
    """Title, author and creation date (ISO) from the PDF's document information."""
    if info is None:
        return {}
    found: dict[str, str] = {}
    for key, value in (("title", info.title), ("author", info.author)):
        if isinstance(value, str) and value.strip():
            found[key] = " ".join(value.split())
    try:
        created = info.creation_date
    except ValueError:  # a malformed date string in the PDF: no date rather than no document
        created = None
    if isinstance(created, dt.datetime):
        found["date"] = created.date().isoformat()
    return found
