"""Bytes to text: UTF-8 first, other encodings detected (charset-normalizer), binaries refused."""
from __future__ import annotations

from ..errors import IngestError


def decode(data: bytes, path: str) -> str:
    if not data.strip():
        raise IngestError("the file is empty", path)
    if b"\x00" in data[:8192]:
        raise IngestError("binary file (NUL bytes), not a text document", path)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # lazy: only for non-UTF-8 files

    best = from_bytes(data).best()
    if best is None:
        raise IngestError("undecodable bytes: not UTF-8 and no other text encoding fits", path)
    return str(best)
