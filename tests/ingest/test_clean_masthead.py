import pytest

from quizgen.ingest.clean.masthead import read_masthead

from .conftest import make_draft, texts

ARTICLE = """JANE Q. DOE: Lighthouses of the northern coast

BY | 03-07-2019
(Coastal Review Weekly)

The towers of the north were built of granite.

Jane Q. Doe is a lecturer in maritime history at a coastal college."""


def test_masthead_and_bio_become_metadata():
    draft = read_masthead(make_draft(ARTICLE, layout="plain"))
    assert draft.metadata == {
        "author": "Jane Q. Doe",
        "title": "Lighthouses of the northern coast",
        "date": "2019-03-07",
        "publication": "Coastal Review Weekly",
        "bio": "Jane Q. Doe is a lecturer in maritime history at a coastal college.",
    }
    assert [t for t in texts(draft) if t.strip()] == [
        "The towers of the north were built of granite."
    ]


@pytest.mark.parametrize(
    "byline, author, date",
    [
        ("By Ann Lee | 2019-03-07", "Ann Lee", "2019-03-07"),
        ("BY ANN LEE", "Ann Lee", None),
        ("By: Ann Lee | March 7, 2019", "Ann Lee", "2019-03-07"),
    ],
)
def test_bylines(byline, author, date):
    draft = read_masthead(make_draft(f"{byline}\n\nThe towers were tall.\n", layout="plain"))
    assert draft.metadata.get("author") == author
    assert draft.metadata.get("date") == date
    assert byline not in texts(draft)


@pytest.mark.parametrize(
    "text",
    [
        "By the end of the century the towers were electric.",  # a sentence starting with 'By'
        "NOTE: the towers are closed in winter.",  # an all-caps label, not a name
        "OPEN DAYS: the towers are closed in winter.",  # no title after the colon
        "(The towers are closed in winter.) They open in May.",
        "Published in 1921, the report changed the service.",  # a sentence, not a dateline
        # A salutation opening a long one-line body: the body, not a masthead title.
        "TO THE KEEPERS: I have received the letter you sent by the courier, "
        + "and I write to say that the towers will stay open " * 3,
    ],
)
def test_body_lines_are_not_masthead(text):
    draft = read_masthead(make_draft(f"{text}\n\nMore text follows here.\n", layout="plain"))
    assert text in texts(draft)
    assert "author" not in draft.metadata and "publication" not in draft.metadata


def test_bio_must_name_the_known_author():
    text = "ANN LEE: Towers\n\nThe towers were tall.\n\nJohn Smith is a keeper of the light on the coast."
    draft = read_masthead(make_draft(text, layout="plain"))
    assert draft.metadata["author"] == "Ann Lee" and "bio" not in draft.metadata


def test_front_matter_date_is_kept_iso():
    draft = make_draft("Text.\n")
    draft.metadata["date"] = "2025-10-13T00:00:00"
    assert read_masthead(draft).metadata["date"] == "2025-10-13"


@pytest.mark.parametrize(
    "line, metadata",
    [
        ("Published March 5, 2021", {"date": "2021-03-05"}),
        ("Published: 2021-03-05", {"date": "2021-03-05"}),
        ("Posted on 5 March 2021", {"date": "2021-03-05"}),
        ("Updated: March 6, 2021 10:32 AM ET", {"updated": "2021-03-06"}),
    ],
)
def test_datelines(line, metadata):
    draft = read_masthead(
        make_draft(f"{line}\n\nThe towers of the north were built of granite.\n", layout="plain")
    )
    assert draft.metadata == metadata
    assert line not in texts(draft)
