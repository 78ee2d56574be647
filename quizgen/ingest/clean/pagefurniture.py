"""Page furniture of text extracted from pages: running heads and feet, page numbers.

In page text (the "pdf" layout), a short line that comes back three times or more, its digits aside ('Annual Report 2020',
'Page 3 of 12'), standing apart from the running text (a blank line before or after it),
is a running head or foot; a line holding only a page number ('12', '- 12 -', 'Page 12',
'12 of 40') standing apart is one when the text has two or more of them. They leave the
body (FlaggedRegion "page furniture"), except a running head that is also the first line of
the text: that one is the title.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ...models import FlaggedRegion
from . import Draft
from .lines import is_blank, without_markers

PAGE_NUMBER = re.compile(r"^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s+(?:of|/)\s+\d{1,4})?$", re.I)
MAX_RUNNING_WORDS = 12
MIN_REPEATS = 3
MIN_PAGE_NUMBERS = 2
DIGITS = re.compile(r"\d+")


def shape(text: str) -> str:
    """'Page 3 of 12' and 'Page 4 of 12' have one shape."""
    return DIGITS.sub("#", " ".join(without_markers(text).split()).lower())


def drop_page_furniture(draft: Draft) -> Draft:
    lines = draft.lines

    def apart(i: int) -> bool:
        return (i == 0 or is_blank(lines[i - 1].text)) or (
            i + 1 == len(lines) or is_blank(lines[i + 1].text)
        )

    candidates = [
        i
        for i, ln in enumerate(lines)
        if not is_blank(ln.text) and len(ln.text.split()) <= MAX_RUNNING_WORDS and apart(i)
    ]
    shapes = Counter(shape(lines[i].text) for i in candidates)
    numbers = [i for i in candidates if PAGE_NUMBER.match(lines[i].text.strip())]
    first_text = next((i for i, ln in enumerate(lines) if not is_blank(ln.text)), None)
    drop: set[int] = set()
    if draft.raw.layout == "pdf":  # elsewhere a line said thrice ('Summary') is the text's own
        drop = {
            i for i in candidates if shapes[shape(lines[i].text)] >= MIN_REPEATS and i != first_text
        }
    if len(numbers) >= MIN_PAGE_NUMBERS:
        drop.update(numbers)
    if not drop:
        return draft
    regions = list(draft.regions)
    for i in sorted(drop):
        last = regions[-1] if regions else None
        if last and last.reason == "page furniture" and last.end_line == lines[i].no - 1:
            regions[-1] = replace(last, end_line=lines[i].no)
        else:
            regions.append(
                FlaggedRegion(lines[i].no, lines[i].no, "page furniture", restored=False)
            )
    return replace(
        draft, lines=[ln for i, ln in enumerate(lines) if i not in drop], regions=regions
    )
