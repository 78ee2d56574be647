"""Tag-like metadata lines at the top of a text file."""

from __future__ import annotations

import pytest

from quizgen.ingest.clean.pseudotags import read_pseudo_tags

from .conftest import make_draft, texts


@pytest.mark.parametrize(
    "head, metadata",
    [
        ('<title="Notes on Lighthouses">', {"title": "Notes on Lighthouses"}),
        ('<date="March 5, 1921">', {"date": "1921-03-05"}),
        ('<date="5 March 1921">', {"date": "1921-03-05"}),
        ('<date="1921-03-05">', {"date": "1921-03-05"}),
        ("<date='03/05/1921'>", {"date": "1921-03-05"}),
        ('<date="spring of that year">', {"date": "spring of that year"}),
        ('<author="A. Keeper">', {"author": "A. Keeper"}),
        (
            '<title="Lights">\n<date="May 1921">\n\n<author="A. Keeper">',
            {"title": "Lights", "date": "1921-05", "author": "A. Keeper"},
        ),
        ("<title>Notes on Lighthouses</title>", {"title": "Notes on Lighthouses"}),
        (
            "Title: Notes on Lighthouses\nDate: March 5, 1921\nBy: A. Keeper",
            {"title": "Notes on Lighthouses", "date": "1921-03-05", "author": "A. Keeper"},
        ),
        ("SUBJECT: HARBOR BOARD MEETING", {"title": "HARBOR BOARD MEETING"}),
    ],
)
def test_pseudo_tags_become_metadata_and_leave_the_text(head, metadata):
    draft = read_pseudo_tags(make_draft(head + "\nThe text begins here.", "plain"))
    assert draft.metadata == metadata
    assert texts(draft) == ["The text begins here."]


def test_front_matter_keys_win():
    draft = make_draft('<title="From the tag">\nText.', "plain")
    draft.metadata["title"] = "From front matter"
    assert read_pseudo_tags(draft).metadata["title"] == "From front matter"


@pytest.mark.parametrize(
    "text",
    [
        'The text.\n<date="March 5, 1921">',  # not at the top
        "<b>Bold</b> opening words.",
        "<time>1921</time>",
        "Note: the keepers were paid.",
    ],
)
def test_other_lines_stay(text):
    draft = read_pseudo_tags(make_draft(text, "plain"))
    assert texts(draft) == text.split("\n") and draft.metadata == {}
