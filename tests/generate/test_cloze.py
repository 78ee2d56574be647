"""Cloze: the source sentence with the fact blanked, one blank per list member (in the
tables a blank is written [answer])."""

from __future__ import annotations

import pytest

from quizgen.generate.cloze import blank
from quizgen.models import Blank, DatedEvent, Definition, Enumeration, Provenance, Quote

from .conftest import context


def said(sentence: str) -> Provenance:
    return Provenance("notes.md", sentence, 1, 1)


@pytest.mark.parametrize(
    "item, expected",
    [
        (
            Enumeration(
                "three pillars",
                ("clean water", "safe roads", "public schools"),
                said("The plan rests on clean water, safe roads and public schools."),
            ),
            (
                "The plan rests on [clean water], [safe roads] and [public schools].",
                ["clean water", "safe roads", "public schools"],
            ),
        ),
        # Blanks are numbered in reading order, whatever the list's order.
        (
            Enumeration("two aims", ("safety", "growth"), said("We want growth and safety.")),
            ("We want [growth] and [safety].", ["growth", "safety"]),
        ),
        # A member not in the sentence verbatim: a plain sentence built from the list.
        (
            Enumeration(
                "four seasons",
                ("spring", "summer", "autumn", "winter"),
                said("Each of the four seasons has a festival."),
            ),
            (
                "The four seasons are [spring], [summer], [autumn] and [winter].",
                ["spring", "summer", "autumn", "winter"],
            ),
        ),
        # Members that are the whole "sentence" (a list under a heading) give no clue: the
        # list is named instead, or (a name that is no noun phrase) gets no cloze.
        (
            Enumeration(
                "three pillars",
                ("Clean water", "Safe roads", "Public schools"),
                said("Clean water Safe roads Public schools"),
            ),
            (
                "The three pillars are [Clean water], [Safe roads] and [Public schools].",
                ["Clean water", "Safe roads", "Public schools"],
            ),
        ),
        (
            Enumeration(
                "However, roads matter",
                ("Clean water", "Safe roads", "Public schools"),
                said("Clean water Safe roads Public schools"),
            ),
            None,
        ),
        (
            Definition(
                "Soil erosion", "the loss of soil", said("Soil erosion is the loss of soil.")
            ),
            ("[Soil erosion] is the loss of soil.", ["Soil erosion"]),
        ),
        (
            DatedEvent(
                "2020-11-15",
                "the pact was signed",
                said("On November 15, 2020, the pact was signed."),
            ),
            ("On [November 15, 2020], the pact was signed.", ["November 15, 2020"]),
        ),
        (
            DatedEvent("1932-03", "the bridge opened", said("The bridge opened in March 1932.")),
            ("The bridge opened in [March 1932].", ["March 1932"]),
        ),
        (
            DatedEvent(
                "1901",
                "the railway arrived",
                said("The railway arrived in 1901, after the 1901 floods."),
            ),
            None,
        ),
        (DatedEvent("1901", "the railway arrived", said("The railway arrived that year.")), None),
        (
            Quote(
                "We must plant trees before we need their shade",
                "Dr. Maria Lopez",
                said("“We must plant trees before we need their shade,” said Maria Lopez."),
            ),
            (
                "“We must plant trees before we need their shade,” said [Maria Lopez].",
                ["Maria Lopez"],
            ),
        ),
        (
            Quote(
                "We must plant trees before we need their shade,",
                "Maria Lopez",
                said("“We must plant trees before we need their shade,” she said."),
            ),
            (
                "[Maria Lopez] said, “We must plant trees before we need their shade…”",
                ["Maria Lopez"],
            ),
        ),
    ],
)
def test_blank(item, expected):
    got = blank(item, context())
    assert (None if got is None else (bracketed(got), list(answers(got)))) == expected


def bracketed(parts) -> str:
    """The cloze with each blank written as [answer], for a readable table."""
    return "".join(p if isinstance(p, str) else f"[{p.answer}]" for p in parts)


def answers(parts):
    return [p.answer for p in parts if isinstance(p, Blank)]
