"""One ISO date parser for readers, mastheads and header lines; one list of month names."""

from __future__ import annotations

import pytest

from quizgen.util.dates import MONTH_ABBREVIATIONS, MONTH_NAMES, iso_date, month_number


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        # year first, with or without a time
        ("2021-03-05T10:00:00Z", "2021-03-05"),
        ("2015-10-15T08:00:00", "2015-10-15"),
        ("2021-03-05 10:32 AM ET", "2021-03-05"),
        ("2015-10-15", "2015-10-15"),
        ("2015/10/15", "2015-10-15"),
        ("2015.3.5", "2015-03-05"),
        ("2021-03", "2021-03"),
        ("1999", "1999"),
        # year last: month first (US) unless the first number cannot be a month
        ("10-15-2015", "2015-10-15"),
        ("10/15/2015", "2015-10-15"),
        ("15-10-2015", "2015-10-15"),
        ("15.10.2015", "2015-10-15"),
        # month names, full, abbreviated, with or without a dot, a comma or an ordinal
        ("March 5, 2021", "2021-03-05"),
        ("October 15, 2015", "2015-10-15"),
        ("Sept 5, 2021", "2021-09-05"),
        ("Sept. 22, 2015", "2015-09-22"),
        ("Mar. 5 2021", "2021-03-05"),
        ("5 March 2021", "2021-03-05"),
        ("5th March, 2021", "2021-03-05"),
        ("May 2020", "2020-05"),
        ("  March   5,  2021 ", "2021-03-05"),
        # not dates
        ("13-13-2015", None),
        ("2021-13", None),
        ("February 30, 2021", None),
        ("Smarch 5, 2021", None),
        ("2021 was a long year", None),
        ("last Tuesday", None),
        ("someday", None),
        ("", None),
        (None, None),
    ],
)
def test_iso_date(given, expected):
    assert iso_date(given) == expected


@pytest.mark.parametrize(
    ("word", "number"),
    [("January", 1), ("jan", 1), ("Sept.", 9), ("sep", 9), ("Decem", 12), ("May", 5), ("Ma", None)],
)
def test_month_number(word, number):
    assert month_number(word) == number


def test_month_names_come_from_the_date_rules():
    assert MONTH_NAMES[0] == "January" and MONTH_NAMES[-1] == "December" and len(MONTH_NAMES) == 12
    assert {"jan", "sept", "dec"} <= MONTH_ABBREVIATIONS and "may" not in MONTH_ABBREVIATIONS
