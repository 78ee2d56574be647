"""Bytes to text: real encoded bytes of our own sentences, and bytes that are not text."""

from __future__ import annotations

import random

import pytest

from quizgen.errors import IngestError
from quizgen.ingest.decode import decode

ACCENTED = "The café’s “naïve” owner told Zoë: “Señor Müller’s crème brûlée is déjà vu.” — 1911"
# latin-1 has no curly quotes or dashes: the same sentence with straight ones.
LATIN1 = 'The café\'s "naïve" owner told Zoë: "Señor Müller\'s crème brûlée is déjà vu." - 1911'
NOISE = random.Random(7)
RANDOM_BYTES = bytes(
    NOISE.randrange(1, 256) for _ in range(4000)
)  # no NUL: refused for not decoding
POLISH = "Rada miejska zbiera się dwa razy w miesiącu, a każdy mieszkaniec może zabrać głos."
CYRILLIC = "Городской совет собирается дважды в месяц, и любой житель может выступить."


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (ACCENTED, "utf-8"),
        (ACCENTED, "utf-8-sig"),  # UTF-8 with a BOM: the BOM is not text
        (ACCENTED, "cp1252"),  # short Western text, which statistical detection gets wrong
        (LATIN1, "latin-1"),
        (ACCENTED, "utf-16"),  # with a BOM
        (ACCENTED, "utf-16-le"),  # without: every other byte is NUL, yet it is text
        (ACCENTED, "utf-16-be"),
        (ACCENTED, "utf-32"),
        (CYRILLIC, "cp1251"),  # not Western: left to detection
        (
            POLISH,
            "cp1250",
        ),  # read as cp1252 it has symbols inside words ('ka¿dy'): left to detection
        (
            "Ara l·lusió, don´t, co\u00adoperate, 1½ cups ×2 — fine.",
            "cp1252",
        ),  # Western marks inside words
        ("\n\n".join([ACCENTED] * 200), "cp1252"),  # long enough to hit the stray-byte rule's limit
    ],
)
def test_encodings_are_detected(text, encoding):
    assert decode(text.encode(encoding), "a.txt") == text


def test_utf8_with_a_stray_cp1252_byte_keeps_both():
    data = "Sentence with “curly” quotes and a pasted ".encode() + "é".encode("cp1252") + b" byte."
    assert decode(data, "a.txt") == "Sentence with “curly” quotes and a pasted é byte."


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "the file is empty"),
        (b" \n\t\r\n ", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary file"),
        (RANDOM_BYTES, "undecodable bytes"),
        (bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xFE, 0xC3]) * 60, "undecodable bytes"),
        (
            b"text\x01\x02\x03\x04\x05\x06\x07\x08 with controls\x0e\x0f\x10\x11\x12\x13\x14",
            "binary file",
        ),
        (
            b"\xff\xfe" + b"\x00\xd8" * 10,
            "undecodable bytes",
        ),  # a UTF-16 BOM before lone surrogates
    ],
)
def test_not_text_is_refused_with_the_path(data, problem):
    with pytest.raises(IngestError) as caught:
        decode(data, "folder/bad.txt")
    assert caught.value.path == "folder/bad.txt"
    assert problem in str(caught.value)
    assert str(caught.value).startswith("folder/bad.txt: ")
