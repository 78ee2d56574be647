"""Month names and ISO dates, for every stage that reads or writes a date.

The month names and their abbreviations are those of quizgen/rules/dates.yaml (the
dated-event rules read the same list). `iso_date` reads the dates documents give in
their metadata, mastheads and headers.
"""

from __future__ import annotations

import datetime as dt
import re

import yaml

from .paths import PACKAGE_DIR


def _month_words() -> dict[int, tuple[str, ...]]:
    text = (PACKAGE_DIR / "rules" / "dates.yaml").read_text(encoding="utf-8")
    months = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))["months"]
    return {int(number): tuple(words) for number, words in months.items()}


MONTH_WORDS = _month_words()  # 1 -> ("january", "jan")
MONTH_NAMES = tuple(MONTH_WORDS[n][0].capitalize() for n in range(1, 13))  # "January", ...
MONTH_ABBREVIATIONS = frozenset(w for words in MONTH_WORDS.values() for w in words[1:])


def month_number(word: str) -> int | None:
    """1-12 for a month's name, its abbreviation or the first three letters or more of its name."""
    word = word.lower().rstrip(".")
    for number, words in MONTH_WORDS.items():
        if word in words or (len(word) >= 3 and words[0].startswith(word)):
            return number
    return None


_TIME = r"(?:[T ]\d.*)?"  # '2021-03-05T10:00Z', '2021-03-05 10:32 AM ET'
_YEAR_FIRST = re.compile(rf"(\d{{4}})(?:([-/.])(\d{{1,2}})(?:\2(\d{{1,2}}))?)?{_TIME}")
_YEAR_LAST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_ORDINAL = r"(?:st|nd|rd|th)?"
_MONTH_DAY_YEAR = re.compile(rf"([A-Za-z]+)\.? (\d{{1,2}}){_ORDINAL},? (\d{{4}})")
_DAY_MONTH_YEAR = re.compile(rf"(\d{{1,2}}){_ORDINAL} ([A-Za-z]+)\.?,? (\d{{4}})")
_MONTH_YEAR = re.compile(r"([A-Za-z]+)\.?,? (\d{4})")


def iso_date(value: object) -> str | None:
    """A date as a document writes it, made ISO; None when it is not a date.

    '2021-03-05T10:00:00Z', '2021/3/5', 'March 5, 2021', 'Sept. 5 2021', '5 March 2021'
    -> '2021-03-05'; '10-15-2015' -> '2015-10-15' (month first, as in the US, unless the
    first number cannot be a month: '15.10.2015'); 'May 2020' -> '2020-05'; '2020' -> '2020'.
    """
    text = " ".join(str(value or "").split())
    try:
        if m := _YEAR_FIRST.fullmatch(text):
            year, _, month, day = m.groups()
            if day:
                return dt.date(int(year), int(month), int(day)).isoformat()
            if month:
                return dt.date(int(year), int(month), 1).isoformat()[:7]
            return year
        if m := _YEAR_LAST.fullmatch(text):
            first, second = int(m[1]), int(m[2])
            month, day = (first, second) if first <= 12 else (second, first)
            return dt.date(int(m[3]), month, day).isoformat()
        if (m := _MONTH_DAY_YEAR.fullmatch(text)) and (month := month_number(m[1])):
            return dt.date(int(m[3]), month, int(m[2])).isoformat()
        if (m := _DAY_MONTH_YEAR.fullmatch(text)) and (month := month_number(m[2])):
            return dt.date(int(m[3]), month, int(m[1])).isoformat()
        if (m := _MONTH_YEAR.fullmatch(text)) and (month := month_number(m[1])):
            return f"{m[2]}-{month:02d}"
    except ValueError:  # 'February 30, 2021'
        return None
    return None
