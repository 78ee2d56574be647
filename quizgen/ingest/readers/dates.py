"""Publication dates as the readers find them ('March 5, 2021', '2021-03-05T10:00Z') made ISO."""

from __future__ import annotations

import datetime as dt
import re

MONTH_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%B %Y", "%b %Y")
ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def iso_date(value: str | None) -> str | None:
    """'2021-03-05T10:00:00Z' -> '2021-03-05'; 'March 5, 2021' -> '2021-03-05'; 'May 2020' -> '2020-05'."""
    value = " ".join((value or "").split()).replace("Sept ", "Sep ")
    match = ISO_PREFIX.match(value)
    if match:
        return "-".join(part for part in match.groups() if part)
    for fmt in MONTH_FORMATS:
        try:
            parsed = dt.datetime.strptime(value, fmt)
        except ValueError:
            continue
        return parsed.strftime("%Y-%m" if "%d" not in fmt else "%Y-%m-%d")
    return None
