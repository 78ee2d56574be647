import pytest

from quizgen.ingest.clean.footnotes import join_footnote, move_footnotes, unfinished

from .conftest import make_draft, texts

PAGE = """The river floods every spring and the valley farmers
have learned to plant after the water goes down.1 Their
fields are rich, and their harvests are large.2 The town

1 “How Floods Feed Farms,” River Journal, May 4, 2011, http://example.org/
floods/feed-farms.html.
2 Ibid.
 market grows every summer as traders arrive from the coast.
"""


def test_footnote_bodies_leave_the_text():
    draft = move_footnotes(make_draft(PAGE))
    assert sorted(draft.footnotes) == [1, 2]
    first = draft.footnotes[1]
    assert first.line == 5
    assert (
        first.text
        == "“How Floods Feed Farms,” River Journal, May 4, 2011, http://example.org/floods/feed-farms.html."
    )
    assert draft.footnotes[2].text == "Ibid."
    # The page's first line (leading space) runs on: the blank line before the block goes too.
    assert texts(draft)[2:] == [
        "fields are rich, and their harvests are large.2 The town",
        " market grows every summer as traders arrive from the coast.",
        "",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "70 percent of the farms flooded that year, and the town",
        "15, 2020, the council met again to plan the new bridge",
        "2008 that the bridge would be built within ten years",
        "130 villages joined the river council in the next decade",
        "1 village, founded in 1990, joined the river council",  # the number due, but never cited
    ],
)
def test_body_lines_that_start_with_a_number_stay(line):
    text = f"The council counted the damage.\n\n{line}\nand wrote a report for the governor.\n"
    draft = move_footnotes(make_draft(text))
    assert draft.footnotes == {}
    assert line in texts(draft)


def test_out_of_sequence_number_is_body_text():
    text = "Farmers sold grain.1 Prices rose.\n\n1 Ibid.\n\n40 “Grain Prices,” Farm News, 2010.\n"
    draft = move_footnotes(make_draft(text))
    assert sorted(draft.footnotes) == [1]
    assert "40 “Grain Prices,” Farm News, 2010." in texts(draft)


def test_missing_bodies_are_skipped_in_the_sequence():
    text = "Text with notes.3\n\n3 “A Study,” Press, 2001.\n4 Ibid.\n5 Ibid.\n"
    assert sorted(move_footnotes(make_draft(text)).footnotes) == [3, 4, 5]


def test_body_after_a_finished_footnote_is_not_swallowed():
    text = "The road was built\n\n1 A History of Roads, City Press, 1999, p.12.\nacross the hills in two years.\n"
    draft = move_footnotes(make_draft(text))
    assert draft.footnotes[1].text == "A History of Roads, City Press, 1999, p.12."
    assert "across the hills in two years." in texts(draft)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("“Title,” Press, 2001, http://example.org/", True),
        ("“Title,” Press, 2001, http://example.", True),
        ("http://example.org/a/b.html.", False),
        ("Title of a Book, Press, 2001, p.12.", False),
        ("“A Long Title That Continues", True),
        ("Xu Bu, “A Title,”", True),
    ],
)
def test_unfinished(line, expected):
    assert unfinished(line) is expected


def test_url_broken_at_line_end_joins_without_space():
    assert (
        join_footnote(["See http://example.org/path-", "to/page.html."])
        == "See http://example.org/path-to/page.html."
    )
    assert (
        join_footnote(["“A Title,” Journal, June", "8, 2020."])
        == "“A Title,” Journal, June 8, 2020."
    )
