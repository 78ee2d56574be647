"""Markdown, with optional YAML front matter that becomes metadata."""
from __future__ import annotations

import datetime as dt
import hashlib
import re

import yaml

from ...errors import IngestError
from ..decode import decode
from ..source import RawText
from .text import line_offsets, looks_hard_wrapped, split_lines

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.S)


def _plain(value):
    """YAML dates become ISO strings so metadata stays JSON-ready."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


class MarkdownReader:
    name = "markdown"
    suffixes = (".md", ".markdown")

    def sniff(self, head: bytes) -> bool:
        return head.lstrip(b"\xef\xbb\xbf").startswith(b"---") and b"\n---" in head[3:]

    def read(self, path: str, data: bytes, settings) -> RawText:
        text = decode(data, path).replace("\r\n", "\n").replace("\r", "\n")
        metadata: dict = {}
        body_first = 1
        match = FRONT_MATTER.match(text)
        if match:
            try:
                loaded = yaml.safe_load(match.group(1))
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                line = mark.line + 2 if mark else 1
                raise IngestError(f"broken front matter: {getattr(exc, 'problem', 'invalid YAML')}", path, line) from None
            if loaded is not None and not isinstance(loaded, dict):
                raise IngestError("broken front matter: expected 'key: value' lines", path, 2)
            metadata = {str(k): _plain(v) for k, v in (loaded or {}).items()}
            body_first = text[: match.end()].count("\n") + 1
            if not text[: match.end()].endswith("\n"):
                body_first += 0
        elif text.startswith("---\n"):
            raise IngestError("broken front matter: no closing '---' line", path, 1)
        lines = split_lines(text)[body_first - 1:]
        return RawText(
            path=path,
            checksum=hashlib.sha256(data).hexdigest(),
            reader=self.name,
            layout="pdf" if looks_hard_wrapped(lines) else "markdown",
            lines=lines,
            metadata=metadata,
            line_offsets=line_offsets(text),
        )
