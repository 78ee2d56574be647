"""Inline pseudo-tags at the top of a text file: '<title="...">', '<date="...">', '<author="...">'.

Also '<title>...</title>' and header lines 'Title: ...', 'Date: ...', 'Subject: ...', 'By: ...'.

Some exports put a document's metadata in tag-like lines before the text. Each such line
(one key and one quoted value, the lines possibly separated by blank lines) becomes a
metadata key and leaves the body; a date is made ISO when it can be read. Keys already set
(front matter) win. Only the top of the file is read: a tag-like line further down is text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...util.dates import iso_date
from . import Draft
from .lines import is_blank

PSEUDO_TAG = re.compile(
    r"""^\s*<\s*(?P<key>[A-Za-z][\w-]{0,30})\s*=\s*(?P<quote>["'“”])(?P<value>.*?)["'“”]\s*/?>\s*$"""
    r"""|^\s*<(?P<tag>title|date|author|byline|source|subject)>(?P<text>[^<>]*)</(?P=tag)>\s*$""",
    re.I,
)
# 'Title: ...', 'Date: ...' header lines opening a file, as e-mail and cable exports write them.
HEADER_LINE = re.compile(
    r"^\s*(?P<key>title|date|author|by|published|source|subject)\s*:\s*(?P<value>\S.*?)\s*$", re.I
)
KEY_NAMES = {
    "headline": "title",
    "byline": "author",
    "by": "author",
    "creator": "author",
    "published": "date",
    "pubdate": "date",
    "subject": "title",
}


def read_pseudo_tags(draft: Draft) -> Draft:
    """Move the leading '<key="value">' lines into metadata."""
    metadata = dict(draft.metadata)
    taken = 0
    for ln in draft.lines:
        if is_blank(ln.text):
            taken += 1
            continue
        match = PSEUDO_TAG.match(ln.text) or HEADER_LINE.match(ln.text)
        if not match:
            break
        key = (match.group("key") or match.group("tag")).lower()
        key = KEY_NAMES.get(key, key)
        value = " ".join((match.group("value") or match.group("text") or "").split())
        if key == "date":
            value = iso_date(value) or value
        if value:
            metadata.setdefault(key, value)
        taken += 1
    if not any(
        PSEUDO_TAG.match(ln.text) or HEADER_LINE.match(ln.text) for ln in draft.lines[:taken]
    ):
        return draft
    return replace(draft, lines=draft.lines[taken:], metadata=metadata)
