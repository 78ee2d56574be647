"""Dated events: tables of our own sentences, on the blank pipeline unless the parse matters."""
from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from quizgen.extract import dates


def run(make_doc, nlp, settings, text, name="sample.txt"):
    return list(dates.extract(make_doc(text, name), nlp, settings))


@pytest.mark.parametrize(
    ("sentence", "iso", "end", "rule"),
    [
        ("The bridge across the river was opened in 1932 after years of delay.", "1932", None, "date.year"),
        ("Since early 1995, the city has grown faster than its neighbours.", "1995", None, "date.year"),
        ("The year 1969 saw the first landing on the Moon.", "1969", None, "date.year"),
        ("In the second half of 1977, exports of grain doubled.", "1977", None, "date.year"),
        ("The treaty was signed in Lisbon in October 1911 by both kings.", "1911-10", None, "date.month-year"),
        ("The archive burned down on August 3, 1856, with all its records.", "1856-08-03", None, "date.full-date"),
        ("The festival ran from 14 July 1890 until the rain came.", "1890-07-14", None, "date.day-month-year"),
        ("The settlers crossed the valley between 1821 and 1824 on foot.", "1821", "1824", "date.year-range"),
        ("From 1803 to 1815, the wars drained the treasury.", "1803", "1815", "date.year-range"),
        ("The Dec. 7, 1941 attack changed the course of the war.", "1941-12-07", None, "date.full-date"),
        ("Delegates met on Jan. 4 to 6, 1920 in a cold hall.", "1920-01-04", "1920-01-06", "date.day-range"),
        ("The great storm of 1703 destroyed hundreds of ships.", "1703", None, "date.year"),
        ("People still speak of the 1906 earthquake in that city.", "1906", None, "date.year-modifier"),
    ],
)
def test_dates_are_read_at_the_precision_the_text_gives(make_doc, blank_nlp, settings, sentence, iso, end, rule):
    items = run(make_doc, blank_nlp, settings, sentence)
    assert [(i.date, i.end, i.source.rule) for i in items] == [(iso, end, rule)]
    assert len(items[0].event.split()) >= 2


@pytest.mark.parametrize(
    "sentence",
    [
        "Wages rose sharply in the 1960s and fell again later.",  # a decade
        "The abbey was founded more than 800 years ago by monks.",  # a relative span
        "By the 18th century, the port had lost its trade.",  # a century
        "About 1500 soldiers camped outside the walls.",  # a count, no temporal cue
        "The fund holds $2010 million in bonds and 1999 percent nothing.",  # prices and quantities
        "Output is expected to grow by 3 percent in 2031.",  # a forecast, not an event
        "By 2040, the city will have doubled its housing.",
        "The committee will meet again on May 4 to vote.",  # a day with no year and no document date
        "The report runs to 1250 pages.",
        "It was a market town of 1500 souls and two churches.",  # "of" dates only after a period noun
    ],
)
def test_not_dated_events(make_doc, blank_nlp, settings, sentence):
    assert run(make_doc, blank_nlp, settings, sentence) == []


def test_trained_parse_drops_a_number_that_counts_a_noun(make_doc, trained_nlp, settings):
    assert run(make_doc, trained_nlp, settings, "The company employed many people in 1200 offices.") == []


def test_that_year_takes_the_year_named_before_in_the_paragraph(make_doc, blank_nlp, settings):
    text = ("The strike began in April 1926 in the coal fields. "
            "It ended in November of that year when the miners returned.\n")
    assert [i.date for i in run(make_doc, blank_nlp, settings, text)] == ["1926-04", "1926-11"]


def test_that_year_without_a_year_before_is_left_out(make_doc, blank_nlp, settings):
    assert run(make_doc, blank_nlp, settings, "The harvest failed in June of that year across the region.\n") == []


def test_a_day_without_year_takes_the_document_date_when_it_is_not_later(make_doc, blank_nlp, settings):
    text = "---\ntitle: Notes\ndate: 2015-10-15\n---\n\nThe mayor visited Lyon from Sept. 22 to 25, which pleased everyone.\n"
    items = run(make_doc, blank_nlp, settings, text, "notes.md")
    assert [(i.date, i.end) for i in items] == [("2015-09-22", "2015-09-25")]


def test_a_day_after_the_document_date_is_not_resolved(make_doc, blank_nlp, settings):
    text = "---\ntitle: Notes\ndate: 2015-03-01\n---\n\nThe mayor will visit Lyon on November 2 with his staff.\n"
    assert run(make_doc, blank_nlp, settings, text, "notes.md") == []


def test_the_document_date_itself_is_not_an_event(make_doc, blank_nlp, settings):
    text = "---\ntitle: Notes\ndate: 2015-10-15\n---\n\nThe river flooded the lower town twice in living memory.\n"
    assert run(make_doc, blank_nlp, settings, text, "notes.md") == []


def test_a_year_later_in_the_clause_completes_a_day(make_doc, blank_nlp, settings):
    items = run(make_doc, blank_nlp, settings, "The July 14 riots in Paris in 1789 shocked the courts of Europe.\n")
    assert [i.date for i in items] == ["1789-07-14"]


def test_provenance_names_the_sentence_line_and_rule(make_doc, blank_nlp, settings):
    text = "A first line without dates.\n\nThe canal was finished in 1825 by local crews.\n"
    [item] = run(make_doc, blank_nlp, settings, text)
    assert item.source.line == 3
    assert item.source.sentence == "The canal was finished in 1825 by local crews."
    assert item.source.rule == "date.year"


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("In 1825, the engineers finished the canal across the plain.",
         "the engineers finished the canal across the plain"),
        ("The old mill closed in March 1931 because of the slump.", "The old mill closed because of the slump"),
        ("He campaigned hard before the general election in May 1945.", "the general election"),
    ],
)
def test_trained_parse_gives_subject_verb_object_or_the_dated_noun(make_doc, trained_nlp, settings, sentence, event):
    [item] = run(make_doc, trained_nlp, settings, sentence)
    assert item.event == event


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("In 1825, the engineers finished the canal across the plain.", "the engineers finished the canal across the plain"),
        ("The old mill closed in March 1931, a year after the crash.", "The old mill closed"),
    ],
)
def test_blank_event_is_the_clause_around_the_date(make_doc, blank_nlp, settings, sentence, event):
    [item] = run(make_doc, blank_nlp, settings, sentence)
    assert item.event == event


@given(st.lists(st.sampled_from(["In", "1999", "May", "4,", "to", "6", "the", "1980s", "of that year", "Sept.",
                                 "2021.22", "$2000", "war", "ended", ".", "–", "between", "and", "1850"]), max_size=30))
@hypothesis_settings(max_examples=60, deadline=None)
def test_any_sentence_gives_valid_iso_dates_or_none(words):
    text = "The record says " + " ".join(words) + " here."
    for found in dates.find_dates(text):
        start, end = dates._iso(found) if found.year else ("0000", None)
        assert re.fullmatch(r"\d{4}(-\d{2}){0,2}", start)
        assert end is None or re.fullmatch(r"\d{4}(-\d{2}){0,2}", end)


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        # the words right after the object finish the clause
        ("In 1932, the flood pushed the farmers back to the hills.", "the flood pushed the farmers back to the hills"),
        # a comma inside the object is not where the phrase ends
        ("In 1921, the mayor called for a clean, safe and modern harbour.",
         "the mayor called for a clean, safe and modern harbour"),
        # a comma before an appended alternative is
        ("In 1950, the harvest exceeded ten thousand tons, or twice the usual yield.",
         "the harvest exceeded ten thousand tons"),
        # a passive subject names what happened
        ("The Treaty of Lund was signed in 1679.", "The Treaty of Lund was signed"),
    ],
)
def test_trained_event_is_a_complete_clause(make_doc, trained_nlp, settings, sentence, event):
    [item] = run(make_doc, trained_nlp, settings, sentence)
    assert item.event == event


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        # a light verb with a generic object: the whole clause says more than subject + verb + object
        ("From 1850 to 1860, the council made great efforts to improve the roads.",
         "the council made great efforts to improve the roads"),
        # a date inside a subordinate clause without a subject of its own
        ("After rebuilding the harbour in 1890, the town grew quickly.", "After rebuilding the harbour, the town grew quickly"),
        # a participle dates the noun it follows
        ("The bridges, built in 1880 by the railway, still stand.", "The bridges built by the railway"),
        # a relative pronoun stands for its noun
        ("The guild, which was founded in 1412, trained masons.", "The guild was founded"),
    ],
)
def test_trained_event_when_the_clause_has_no_plain_subject(make_doc, trained_nlp, settings, sentence, event):
    assert [i.event for i in run(make_doc, trained_nlp, settings, sentence)] == [event]


def test_no_event_cuts_a_quotation_short(make_doc, trained_nlp, settings):
    sentence = 'In May 1921, the mayor pointed out that “to keep the harbour open, we cannot close the gates at night.”'
    assert all(i.event.count("“") == i.event.count("”") for i in run(make_doc, trained_nlp, settings, sentence))
