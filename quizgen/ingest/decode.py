"""Bytes to text: a BOM first, then UTF-8, then the Western code pages, then detection; binaries refused.

Statistical detection (charset-normalizer) misreads short Western texts (a page of
English with a few accents comes back as cp1257, 'naïve' as 'naļve'), so the code
pages such readings are actually saved in are tried before it, with a plausibility check.
"""

from __future__ import annotations

import codecs
import re

from ..errors import IngestError

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
MAX_NON_ASCII_LETTERS = (
    0.3  # Western text in cp1252 is mostly ASCII letters; Cyrillic read as cp1252 is not
)
# A symbol from the upper half of cp1252 between two letters: not how Western text is written.
# Left out: the soft hyphen, the acute accent typed as an apostrophe ("don´t") and the middle dot ("l·l").
SYMBOL_INSIDE_WORD = re.compile(
    r"(?<=[^\W\d_])[\u00a1-\u00ac\u00ae-\u00b3\u00b5\u00b6\u00b8-\u00bf\u00d7\u00f7\u0080-\u009f"
    r"\u2020-\u2030\u0192\u02c6\u02dc](?=[^\W\d_])"
)
MAX_STRAY_BYTES = 3  # ... per file, or one per thousand bytes, in otherwise valid UTF-8
MAX_CONTROL_CHARS = 0.01  # share of control characters above which the "text" is binary


def decode(data: bytes, path: str, declared: str | None = None) -> str:
    """The text of a file's bytes. Raises IngestError (with the path) for empty, binary or undecodable files.

    declared: the encoding the file names itself (an HTML <meta charset>), trusted after a BOM.
    """
    if not data.strip():
        raise IngestError("the file is empty", path)
    text = _with_bom(data, path) or _utf16_without_bom(data)
    if text is None:
        if b"\x00" in data[:8192]:
            raise IngestError("binary file (NUL bytes), not a text document", path)
        text = _declared(data, declared) or _utf8(data) or _western(data) or _detected(data)
    if text is None:
        raise IngestError("undecodable bytes: not UTF-8, cp1252 or any other text encoding", path)
    if _control_share(text) > MAX_CONTROL_CHARS:
        raise IngestError("binary file (control characters), not a text document", path)
    if not text.strip():
        raise IngestError("the file is empty", path)
    return text


def _with_bom(data: bytes, path: str) -> str | None:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise IngestError(
                    f"undecodable bytes: the file starts with a {encoding} mark but is not {encoding}",
                    path,
                ) from None
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text of Latin script has a NUL in every other byte; binaries do not keep to one side."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0) / (len(sample) / 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) / 2)
    for share, other, encoding in (
        (odd_nuls, even_nuls, "utf-16-le"),
        (even_nuls, odd_nuls, "utf-16-be"),
    ):
        if share > 0.7 and other == 0:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _declared(data: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        name = codecs.lookup(encoding).name
        # As browsers do (WHATWG Encoding): pages labelled latin-1 or ASCII are cp1252.
        return data.decode("cp1252" if name in ("iso8859-1", "latin-1", "ascii") else name)
    except (LookupError, UnicodeDecodeError):  # an unknown name or a false claim: guess instead
        return None


def _utf8(data: bytes) -> str | None:
    """UTF-8; a file that is UTF-8 but for a few stray cp1252 bytes (a pasted quote) keeps both."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    strays: list[int] = []

    def as_cp1252(exc: UnicodeDecodeError) -> tuple[str, int]:
        byte = exc.object[exc.start : exc.start + 1]
        strays.append(exc.start)
        return byte.decode("cp1252", errors="ignore") or byte.decode("latin-1"), exc.start + 1

    codecs.register_error("quizgen-stray-cp1252", as_cp1252)
    text = data.decode("utf-8", errors="quizgen-stray-cp1252")
    return text if len(strays) <= max(MAX_STRAY_BYTES, len(data) // 1000) else None


def _western(data: bytes) -> str | None:
    """cp1252 (a superset of latin-1's printable range), when the result reads like Western text."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [c for c in text if c.isalpha()]
    non_ascii = sum(1 for c in letters if not c.isascii())
    if letters and non_ascii / len(letters) > MAX_NON_ASCII_LETTERS:
        return None
    if SYMBOL_INSIDE_WORD.search(
        text
    ):  # 'ka¿dy', 'g³os': Central European text in the wrong code page
        return None
    return text


def _detected(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # lazy: only for files in other encodings

    best = from_bytes(data).best()
    return None if best is None else str(best)


# Unicode category Cc (C0, DEL and C1) less the tab, newline, carriage return and form feed of text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _control_share(text: str) -> float:
    sample = text[:20000]
    return len(_CONTROL.findall(sample)) / len(sample)
