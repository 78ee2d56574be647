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
        (
            "The bridge across the river was opened in 1932 after years of delay.",
            "1932",
            None,
            "date.year",
        ),
        (
            "Since early 1995, the city has grown faster than its neighbours.",
            "1995",
            None,
            "date.year",
        ),
        ("The year 1969 saw the first landing on the Moon.", "1969", None, "date.year"),
        ("In the second half of 1977, exports of grain doubled.", "1977", None, "date.year"),
        (
            "The treaty was signed in Lisbon in October 1911 by both kings.",
            "1911-10",
            None,
            "date.month-year",
        ),
        (
            "The archive burned down on August 3, 1856, with all its records.",
            "1856-08-03",
            None,
            "date.full-date",
        ),
        (
            "The festival ran from 14 July 1890 until the rain came.",
            "1890-07-14",
            None,
            "date.day-month-year",
        ),
        (
            "The settlers crossed the valley between 1821 and 1824 on foot.",
            "1821",
            "1824",
            "date.year-range",
        ),
        ("From 1803 to 1815, the wars drained the treasury.", "1803", "1815", "date.year-range"),
        (
            "The Dec. 7, 1941 attack changed the course of the war.",
            "1941-12-07",
            None,
            "date.full-date",
        ),
        (
            "Delegates met on Jan. 4 to 6, 1920 in a cold hall.",
            "1920-01-04",
            "1920-01-06",
            "date.day-range",
        ),
        ("The great storm of 1703 destroyed hundreds of ships.", "1703", None, "date.year"),
        (
            "People still speak of the 1906 earthquake in that city.",
            "1906",
            None,
            "date.year-modifier",
        ),
    ],
)
def test_dates_are_read_at_the_precision_the_text_gives(
    make_doc, blank_nlp, settings, sentence, iso, end, rule
):
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
    assert (
        run(make_doc, trained_nlp, settings, "The company employed many people in 1200 offices.")
        == []
    )


def test_that_year_takes_the_year_named_before_in_the_paragraph(make_doc, blank_nlp, settings):
    text = (
        "The strike began in April 1926 in the coal fields. "
        "It ended in November of that year when the miners returned.\n"
    )
    assert [i.date for i in run(make_doc, blank_nlp, settings, text)] == ["1926-04", "1926-11"]


def test_that_year_without_a_year_before_is_left_out(make_doc, blank_nlp, settings):
    assert (
        run(
            make_doc,
            blank_nlp,
            settings,
            "The harvest failed in June of that year across the region.\n",
        )
        == []
    )


def test_a_day_without_year_takes_the_document_date_when_it_is_not_later(
    make_doc, blank_nlp, settings
):
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
    items = run(
        make_doc,
        blank_nlp,
        settings,
        "The July 14 riots in Paris in 1789 shocked the courts of Europe.\n",
    )
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
        (
            "In 1825, the engineers finished the canal across the plain.",
            "the engineers finished the canal across the plain",
        ),
        (
            "The old mill closed in March 1931 because of the slump.",
            "The old mill closed because of the slump",
        ),
        ("He campaigned hard before the general election in May 1945.", "the general election"),
    ],
)
def test_trained_parse_gives_subject_verb_object_or_the_dated_noun(
    make_doc, trained_nlp, settings, sentence, event
):
    [item] = run(make_doc, trained_nlp, settings, sentence)
    assert item.event == event


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        (
            "In 1825, the engineers finished the canal across the plain.",
            "the engineers finished the canal across the plain",
        ),
        ("The old mill closed in March 1931, a year after the crash.", "The old mill closed"),
        # a date modifying a noun past its own comma, and an article that must change
        (
            "The council set a June 1, 1921, deadline for the repairs.",
            "The council set a deadline for the repairs",
        ),
        ("The town signed a 1922 agreement with its neighbour.", "an agreement"),
    ],
)
def test_blank_event_is_the_clause_around_the_date(make_doc, blank_nlp, settings, sentence, event):
    [item] = run(make_doc, blank_nlp, settings, sentence)
    assert item.event == event


@given(
    st.lists(
        st.sampled_from(
            [
                "In",
                "1999",
                "May",
                "4,",
                "to",
                "6",
                "the",
                "1980s",
                "of that year",
                "Sept.",
                "2021.22",
                "$2000",
                "war",
                "ended",
                ".",
                "–",
                "between",
                "and",
                "1850",
            ]
        ),
        max_size=30,
    )
)
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
        (
            "In 1932, the flood pushed the farmers back to the hills.",
            "the flood pushed the farmers back to the hills",
        ),
        # a comma inside the object is not where the phrase ends
        (
            "In 1921, the mayor called for a clean, safe and modern harbour.",
            "the mayor called for a clean, safe and modern harbour",
        ),
        # a comma before an appended alternative is
        (
            "In 1950, the harvest exceeded ten thousand tons, or twice the usual yield.",
            "the harvest exceeded ten thousand tons",
        ),
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
        (
            "From 1850 to 1860, the council made great efforts to improve the roads.",
            "the council made great efforts to improve the roads",
        ),
        # a date inside a subordinate clause without a subject of its own
        (
            "After rebuilding the harbour in 1890, the town grew quickly.",
            "After rebuilding the harbour, the town grew quickly",
        ),
        # a participle dates the noun it follows
        (
            "The bridges, built in 1880 by the railway, still stand.",
            "The bridges built by the railway",
        ),
        # a relative pronoun stands for its noun
        ("The guild, which was founded in 1412, trained masons.", "The guild was founded"),
    ],
)
def test_trained_event_when_the_clause_has_no_plain_subject(
    make_doc, trained_nlp, settings, sentence, event
):
    assert [i.event for i in run(make_doc, trained_nlp, settings, sentence)] == [event]


def test_no_event_cuts_a_quotation_short(make_doc, trained_nlp, settings):
    sentence = "In May 1921, the mayor pointed out that “to keep the harbour open, we cannot close the gates at night.”"
    assert all(
        i.event.count("“") == i.event.count("”")
        for i in run(make_doc, trained_nlp, settings, sentence)
    )


@pytest.mark.parametrize(
    ("sentence", "dates", "rule"),
    [
        # day-first ranges, within a month and across two
        (
            "The delegates met from 3 to 9 May 1921 in a cold hall.",
            [("1921-05-03", "1921-05-09")],
            "date.day-month-range",
        ),
        (
            "The fair ran from 28 November to 2 December 1887 in the old hall.",
            [("1887-11-28", "1887-12-02")],
            "date.day-month-range",
        ),
        # month ranges sharing a year or each with its own
        (
            "The harbour was closed between March and June 1902 for repairs.",
            [("1902-03", "1902-06")],
            "date.month-range",
        ),
        (
            "From July 1915 through June 1916, the mill ran day and night.",
            [("1915-07", "1916-06")],
            "date.month-range",
        ),
        # a year range written with a short end, modifying a noun
        (
            "The 1923–25 drought ruined the farms of the valley.",
            [("1923", "1925")],
            "date.year-modifier",
        ),
        (
            "The settlers crossed the pass between the years 1821 and 1824.",
            [("1821", "1824")],
            "date.year-range",
        ),
        # a life span or a date set in parentheses after a name
        (
            "The poet Anna Brandt (1841–1902) wrote about the sea.",
            [("1841", "1902")],
            "date.parenthetical",
        ),
        (
            "The war with the north (1702–1709) emptied the treasury.",
            [("1702", "1709")],
            "date.parenthetical",
        ),
        # several dates in one sentence, each its own item
        (
            "The towers were built in 1851 and 1852 by the guild.",
            [("1851", None), ("1852", None)],
            "date.year",
        ),
        (
            "The rebels held the fort in late 1849 and early 1850.",
            [("1849", None), ("1850", None)],
            "date.year",
        ),
        # other cues: "as of", a year as the subject
        ("As of 2014, the town had two schools and a library.", [("2014", None)], "date.year"),
        ("1907 saw the opening of the new harbour.", [("1907", None)], "date.year"),
        # a year modifying a noun after any determiner or a possessive
        (
            "The town signed a 1922 agreement with its neighbour.",
            [("1922", None)],
            "date.year-modifier",
        ),
        ("The port's 1911 expansion doubled its trade.", [("1911", None)], "date.year-modifier"),
        # older and plainer spellings: "the 9th of March, 1802", capitals as cables write them, "mid-1949"
        (
            "The envoys landed on the 9th of March, 1802, at the old pier.",
            [("1802-03-09", None)],
            "date.day-month-year",
        ),
        (
            "ON MARCH 3, 1968 THE MINISTER RECEIVED THE AMBASSADOR.",
            [("1968-03-03", None)],
            "date.full-date",
        ),
        ("The fort fell in mid-1949 after a long siege.", [("1949", None)], "date.year"),
        # a year of the Christian era written with its era, of any length
        (
            "The legions left the island in 410 AD after four centuries.",
            [("0410", None)],
            "date.year-era",
        ),
    ],
)
def test_more_date_forms(make_doc, blank_nlp, settings, sentence, dates, rule):
    items = run(make_doc, blank_nlp, settings, sentence)
    assert [(i.date, i.end) for i in items] == dates
    assert {i.source.rule for i in items} == {rule}


@pytest.mark.parametrize(
    "sentence",
    [
        "Smith (1998) argues that market towns grew around churches.",  # an author-year citation
        "Retrieved 12 March 2019.",  # when a page was read
        "The Harbour Journal, September 25, 1968; translated by the staff.",  # a source line
        "The quay in winter (credit: photo of March 1952 by the city archive, CC BY 2.0).",  # an image credit
        "The mill worked at full speed (Brown and Hale 1987, p. 12).",  # a citation in parentheses
        "Hill & Company, 1975.",  # a reference entry
        "Chapter 3: 1914–1918",  # a part of the text
        "The treaty restored its 1937 borders to the kingdom.",  # a year that dates no event
        "GENEVA, March 3, 2021 — The council met to discuss water.",  # a dateline
        "Output was higher than in 1938 in every province.",  # a point of comparison
        "By 2040, the city will have doubled its housing.",  # a forecast
        "The sum would have been $4 billion in 2014.",  # a counterfactual
        "And I say to you tonight: by 2050, we will have rebuilt every town.",  # a promise
        "The loan came to $300 million (in 1950 dollars) over ten years.",  # the year an amount is valued in
        "What did the reform of 1832 change?",  # a question tells no event
        "Between 1200 and 1500 soldiers camped by the river.",  # a count, not a range of years
        "In 2000 samples, the researchers found the same pattern.",  # a round count before a plural
        "The temple was built in 1200 BC on the hill.",  # before Christ: no ISO date of this kind
    ],
)
def test_citations_datelines_and_comparisons_are_not_events(
    make_doc, blank_nlp, settings, sentence
):
    assert run(make_doc, blank_nlp, settings, sentence) == []


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # the paragraph named the year
        (
            "The council approved the plan on March 16, 1902. On April 18, the mayor signed it.\n",
            ["1902-03-16", "1902-04-18"],
        ),
        # a year written later in the same sentence
        (
            "The storms struck the coast on 6 August and again on 9 August 1899.\n",
            ["1899-08-06", "1899-08-09"],
        ),
        # the text is still telling that year a paragraph later
        (
            "The fleet sailed on 2 May 1805 from the southern port.\n\nOn 21 October, it met the enemy off the cape.\n",
            ["1805-05-02", "1805-10-21"],
        ),
        # "the previous February": counted from the last date the text named
        (
            "The treaty was signed in July 1921. It confirmed what the envoys had agreed the previous February.\n",
            ["1921-07", "1921-02"],
        ),
        # a month named alone takes the paragraph's year like a day
        (
            "The campaign grew bitter in 1876. In an October debate, the governor promised a new canal.\n",
            ["1876", "1876-10"],
        ),
        ("In March, the port authority warned of rising costs.\n", []),
        # a bare year several paragraphs back does not settle a day
        (
            "The town was founded in 1880 by farmers.\n\nIt grew.\n\nIt had a market.\n\nOn 5 July the mayor spoke.\n",
            ["1880"],
        ),
    ],
)
def test_a_year_left_implied_is_taken_only_where_the_text_settles_it(
    make_doc, blank_nlp, settings, text, dates
):
    assert [i.date for i in run(make_doc, blank_nlp, settings, text)] == dates


DATED = "---\ntitle: Notes\ndate: 2015-10-15\n---\n\n"  # a Thursday


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        (DATED + "The council voted last year to close the old mill.\n", ["2014"]),
        (DATED + "The mayor resigned on Tuesday after the vote on the budget.\n", ["2015-10-13"]),
        (DATED + "The mayor resigned on Monday, October 5, after the vote.\n", ["2015-10-05"]),
        # a day after the document's date, told as past: the year before
        (
            DATED.replace("2015-10-15", "2015-02-25")
            + "On October 7, we made a proposal to the council.\n",
            ["2014-10-07"],
        ),
        # a date after the document's own: a plan, not an event yet
        (DATED + "The new bridge opens in 2017 after years of delay.\n", []),
        # no document date: nothing settles them
        ("The council voted last year to close the old mill.\n", []),
    ],
)
def test_relative_dates_need_the_documents_own_date(make_doc, trained_nlp, settings, text, dates):
    assert [i.date for i in run(make_doc, trained_nlp, settings, text, "notes.md")] == dates


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        # a date in a subordinate clause dates that clause
        ("After the treaty was signed in 1921, trade grew quickly.", "the treaty was signed"),
        # a subject's date dates the whole clause
        (
            "The outbreak of the war in June 1914 closed the ports.",
            "The outbreak of the war closed the ports",
        ),
        # a range dates the clause, with no date left in it
        ("The mayor ruled the city from 1921 to 1933.", "The mayor ruled the city"),
        # a year before a noun dates that noun
        ("Trade fell sharply after the 1929 crash.", "the crash"),
        # a life span dates the person named before it
        ("The poet Anna Brandt (1841–1902) wrote about the sea.", "The poet Anna Brandt"),
        # a year on the subject dates its whole clause
        ("The 1911 survey found the walls unsafe.", "The survey found the walls unsafe"),
        # "of" after a possessive dates the noun
        (
            "Their great petition of 1848 was rejected by the assembly.",
            "Their great petition was rejected by the assembly",
        ),
        # "of" a year after a name dates the name
        (
            "The Factory Act of 1833 limited the hours of children.",
            "The Factory Act limited the hours of children",
        ),
        # a verb governed by another keeps it; a purpose infinitive takes the main subject
        (
            "The city decided to build a new bridge in 1901.",
            "The city decided to build a new bridge",
        ),
        (
            "The two towns joined their guilds to found a school in June 1412.",
            "The two towns found a school",
        ),
        # "its founding" names nothing by itself: the clause around it is the event
        (
            "Upon its founding in 1412, the guild was granted a charter by the king.",
            "the guild was granted a charter by the king",
        ),
        # a year as subject: what it saw is the event
        ("1907 saw the opening of the new harbour.", "the opening of the new harbour"),
        # no comma or wrong article left where the date was cut out
        ("The council set a June 1, 1921, deadline for the repairs.", "a deadline for the repairs"),
        ("The town signed a 1922 agreement with its neighbour.", "an agreement with its neighbour"),
        # no cue word or preposition left where the date was cut out
        ("The fort fell in mid-1949 after a long siege.", "The fort fell after a long siege"),
        ("The envoys landed on the 9th of March, 1802.", "The envoys landed"),
    ],
)
def test_trained_event_is_a_clean_clause_or_noun_phrase(
    make_doc, trained_nlp, settings, sentence, event
):
    assert [i.event for i in run(make_doc, trained_nlp, settings, sentence)] == [event]


@pytest.mark.parametrize(
    ("text", "name", "event"),
    [
        (
            "- Harbour Conference, 4 to 11 February 1925\n- Second Harbour Conference, 12 to 16 May 1926\n",
            "list.md",
            "Harbour Conference",
        ),
        (
            "# The Great Strike, 1926\n\nThe miners stopped work for many weeks.\n",
            "strike.md",
            "The Great Strike",
        ),
        # a timeline line: the date, then what happened
        (
            "- 1926 – The miners stop work for seven months.\n",
            "timeline.md",
            "The miners stop work for seven months",
        ),
        (
            "- June 6, 1926: The strike ends in the northern pits.\n",
            "timeline.md",
            "The strike ends in the northern pits",
        ),
    ],
)
def test_a_line_that_names_a_thing_and_its_date_is_an_event(
    make_doc, blank_nlp, settings, text, name, event
):
    assert run(make_doc, blank_nlp, settings, text, name)[0].event == event


def test_blank_events_of_several_dates_leave_no_date_behind(make_doc, blank_nlp, settings):
    items = run(
        make_doc, blank_nlp, settings, "The towers were built in 1851 and 1852 by the guild."
    )
    assert [(i.date, i.event) for i in items] == [
        ("1851", "The towers were built by the guild"),
        ("1852", "The towers were built by the guild"),
    ]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        (DATED + "The mayor resigned on Tuesday after the vote on the budget.\n", ["2015-10-13"]),
        (
            DATED + "The mayor has resigned on Tuesday, and will leave soon.\n",
            [],
        ),  # a present perfect
        (
            DATED + "Last year's flood has cost the town dearly.\n",
            [],
        ),  # a noun phrase the parse alone can read
    ],
)
def test_blank_relative_dates_need_a_past_tense_verb(make_doc, blank_nlp, settings, text, dates):
    assert [i.date for i in run(make_doc, blank_nlp, settings, text, "notes.md")] == dates
