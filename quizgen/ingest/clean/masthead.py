"""Web-article masthead and closing bio: title, author, date, publication, bio -> metadata.

Recognised at the top of the body (first few lines): 'AUTHOR NAME: Title', a byline
('By Jane Doe | 10-15-2015', 'BY | 10-15-2015'), a '(Publication Name)' line, a dateline
('Published March 5, 2021', 'Updated: 2021-03-05 10:32 AM ET': metadata "updated"). At the end:
a one-sentence author bio ('Jane Doe is a professor at ...'). Matched lines leave the body.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ...util.dates import iso_date
from . import Draft
from .lines import is_blank, without_markers

HEAD_LINES = 6  # the masthead is within the first few text lines
MAX_TITLE_WORDS = 25  # 'NAME: text' longer than this is a salutation opening the body, not a title
# Two to five capitalised words, a colon, a title starting with a capital.
NAME_TITLE = re.compile(
    r"^(?P<name>[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){1,4}):\s+(?P<title>[A-Z0-9“\"‘].*)$"
)
BYLINE = re.compile(r"^by\b:?(?P<rest>.*)$", re.I)
# 'Published March 5, 2021', 'Updated: 2021-03-05 10:32 AM ET', 'Posted on 5 March 2021'
DATELINE = re.compile(
    r"^(?P<kind>published|updated|posted|last updated|first published)(?:\s+on)?\s*:?\s+(?P<date>.+?)"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?$",
    re.I,
)
PUBLICATION = re.compile(r"^\((?P<name>[^()]{3,80})\)$")
BIO = re.compile(
    r"^(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}) (?:is|was) (?:a|an|the)\b.{5,400}[.!]$"
)


def person_name(text: str) -> str:
    """'RUTH OKAFOR' -> 'Ruth Okafor'; names already in mixed case are kept."""
    return text.title() if text.isupper() else text


def read_head(line: str, metadata: dict[str, Any]) -> bool:
    """Take one masthead line into metadata; False when the line is body text."""
    text = without_markers(line).strip()
    if m := BYLINE.match(text):
        # 'By Jane Doe | 10-15-2015', 'BY | 10-15-2015', 'By Jane Doe'
        parts = [p.strip() for p in m["rest"].split("|") if p.strip()]
        dates = [iso_date(p) for p in parts]
        names = [p for p, d in zip(parts, dates) if not d]
        if len(names) > 1 or any(len(n.split()) > 5 for n in names) or not parts:
            return False
        if names:
            metadata.setdefault("author", person_name(names[0]))
        if any(dates):
            metadata.setdefault("date", next(d for d in dates if d))
        return True
    if m := DATELINE.match(text):
        date = iso_date(m["date"])
        if not date:
            return False
        if "updated" in m["kind"].lower():
            metadata.setdefault("updated", date)
        else:
            metadata.setdefault("date", date)
        return True
    if m := PUBLICATION.match(text):
        metadata.setdefault("publication", m["name"].strip())
        return True
    if (
        (m := NAME_TITLE.match(text))
        and any(c.islower() for c in m["title"])
        and len(m["title"].split()) <= MAX_TITLE_WORDS
    ):
        metadata.setdefault("author", person_name(m["name"]))
        metadata.setdefault("title", m["title"].strip())
        return True
    return False


def read_bio(line: str, metadata: dict[str, Any]) -> bool:
    """'Jane Doe is a professor ...' closing the article: the author's bio."""
    line = without_markers(line)
    m = BIO.match(line.strip())
    if not m or len(line.split()) > 60:
        return False
    author = metadata.get("author")
    if author and author.lower() != m["name"].lower():
        return False
    metadata["author"] = m["name"]
    metadata["bio"] = line.strip()
    return True


def read_masthead(draft: Draft) -> Draft:
    """Move masthead and bio lines into metadata (keys already set, e.g. front matter, win)."""
    metadata = dict(draft.metadata)
    text_at = [i for i, ln in enumerate(draft.lines) if not is_blank(ln.text)]
    if not text_at:
        return draft
    drop: set[int] = set()
    for i in text_at[:HEAD_LINES]:
        if not read_head(draft.lines[i].text, metadata):
            break
        drop.add(i)
    if len(text_at) > len(drop) + 1 and read_bio(draft.lines[text_at[-1]].text, metadata):
        drop.add(text_at[-1])
    if "date" in metadata and (date := iso_date(str(metadata["date"]))):
        metadata["date"] = date
    lines = [ln for i, ln in enumerate(draft.lines) if i not in drop]
    return replace(draft, lines=lines, metadata=metadata)
