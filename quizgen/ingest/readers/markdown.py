"""Markdown, with optional YAML front matter that becomes metadata."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

import yaml

from ... import safe_yaml
from ...errors import IngestError
from ...util.dates import iso_date
from ..decode import decode
from ..source import RawText
from .text import line_offsets, looks_hard_wrapped, split_lines

# YAML between '---' lines at the very top; Pandoc also closes it with '...'.
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S | re.M)


def _plain(value):
    """YAML dates become ISO strings (also inside lists and mappings) so metadata stays JSON-ready."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


class MarkdownReader:
    name = "markdown"
    suffixes = (".md", ".markdown")

    def sniff(self, head: bytes) -> bool:
        head = head.removeprefix(b"\xef\xbb\xbf")
        return head.startswith((b"---\n", b"---\r\n")) and b"\n---" in head[3:]

    def read(self, path: str, data: bytes, settings) -> RawText:
        text = decode(data, path).replace("\r\n", "\n").replace("\r", "\n")
        metadata: dict = {}
        body_first = 1
        match = FRONT_MATTER.match(text)
        if match:
            try:
                loaded = safe_yaml.load(match.group(1))
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                line = mark.line + 2 if mark else 1
                problem = getattr(exc, "problem", None) or "invalid YAML"
                raise IngestError(f"broken front matter: {problem}", path, line) from None
            except ValueError as exc:  # PyYAML's own date parsing: 'date: 2021-03-00'
                raise IngestError(f"broken front matter: {exc}", path, 2) from None
            if loaded is not None and not isinstance(loaded, dict):
                raise IngestError("broken front matter: expected 'key: value' lines", path, 2)
            metadata = {str(k): _plain(v) for k, v in (loaded or {}).items()}
            if isinstance(metadata.get("date"), str):  # 'March 5, 2021' as well as a YAML date
                metadata["date"] = iso_date(metadata["date"]) or metadata["date"]
            body_first = text[: match.end()].count("\n") + 1
        elif text.startswith("---\n"):
            raise IngestError("broken front matter: no closing '---' line", path, 1)
        lines = split_lines(text)[body_first - 1 :]
        return RawText(
            path=path,
            checksum=hashlib.sha256(data).hexdigest(),
            reader=self.name,
            layout="pdf" if looks_hard_wrapped(lines) else "markdown",
            lines=lines,
            metadata=metadata,
            line_offsets=line_offsets(text),
        )
