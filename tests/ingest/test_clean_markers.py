import pytest

from quizgen.ingest.clean import MARKER, note_marker
from quizgen.ingest.clean.markers import mark_references
from quizgen.models import Footnote

from .conftest import make_draft


def marked(text: str) -> str:
    return mark_references(make_draft(text)).lines[0].text


def n(number: int) -> str:
    return note_marker(number)


@pytest.mark.parametrize(
    "given, expected",
    [
        ("the market closed.1 Prices fell", f"the market closed.{n(1)} Prices fell"),
        ("“… we are sure,” she wrote.”1 Then", f"“… we are sure,” she wrote.”{n(1)} Then"),
        ("harbour repairs,1 and a new pier", f"harbour repairs,{n(1)} and a new pier"),
        ('growth."1 After that', f'growth."{n(1)} After that'),
        ("grain output in 2019.1", f"grain output in 2019.{n(1)}"),
        ("more than 62.35 million tons", "more than 62.35 million tons"),
        ("$12.4 billion, or 2.6 percent", "$12.4 billion, or 2.6 percent"),
        ("in the year 2019.5 percent", "in the year 2019.5 percent"),  # 5 is not the note due
        ("see No.1 and Vol.1 of it", "see No.1 and Vol.1 of it"),
        ("the G8 and Route-66 and 5+1", "the G8 and Route-66 and 5+1"),
        ("the river.7 Farms", "the river.7 Farms"),  # note 7 is not due after none
    ],
)
def test_glued_references(given, expected):
    assert marked(given) == expected


def test_references_follow_the_sequence():
    draft = mark_references(
        make_draft("First claim.1 Second claim.2\ngrowth was 5.3 percent in 2020.3\nlast.4")
    )
    numbers = [int(m) for ln in draft.lines for m in MARKER.findall(ln.text)]
    assert numbers == [1, 2, 3, 4]
    assert "5.3 percent" in draft.lines[1].text


def test_existing_markers_advance_the_sequence():
    draft = mark_references(make_draft(f"A claim.{n(4)} Another one.5"))
    assert draft.lines[0].text == f"A claim.{n(4)} Another one.{n(5)}"


def test_an_excerpt_starts_at_a_known_footnote():
    draft = mark_references(
        make_draft("the river.7 Farms grew.8", footnotes={7: Footnote(7, "Ibid.", 9)})
    )
    assert draft.lines[0].text == f"the river.{n(7)} Farms grew.{n(8)}"


@pytest.mark.parametrize(
    "text",
    [
        "convert from latin1 to Unicode",
        "see man/man1/vim.1",
        "a file named archive.bz2 here",
        "the tar file vim-8.2 is",
    ],
)
def test_digits_glued_to_letters_are_not_references_without_footnotes(text):
    assert marked(text) == text


def test_digits_glued_to_a_letter_with_a_known_footnote():
    draft = mark_references(
        make_draft("the harbour wall1 was rebuilt", footnotes={1: Footnote(1, "Ibid.", 9)})
    )
    assert draft.lines[0].text == f"the harbour wall{n(1)} was rebuilt"
