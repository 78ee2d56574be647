import pytest

from quizgen.ingest.clean import MARKER, note_marker
from quizgen.ingest.clean.markers import mark_references
from quizgen.models import Footnote

from .conftest import make_draft


def marked(text: str) -> str:
    return mark_references(make_draft(text)).lines[0].text


def n(number: int) -> str:
    return note_marker(number)


@pytest.mark.parametrize("given, expected", [
    ("the market took place.1 Great changes", f"the market took place.{n(1)} Great changes"),
    ("“… we are sure,” she wrote.”1 Then", f"“… we are sure,” she wrote.”{n(1)} Then"),
    ("poverty reduction,1 and a new pattern", f"poverty reduction,{n(1)} and a new pattern"),
    ("development.\"1 To this end", f"development.\"{n(1)} To this end"),
    ("economic growth in 2021.1", f"economic growth in 2021.{n(1)}"),
    ("more than 81.47 million cases", "more than 81.47 million cases"),
    ("$14.7 trillion, or 1.8 percent", "$14.7 trillion, or 1.8 percent"),
    ("in the year 2021.5 percent", "in the year 2021.5 percent"),  # 5 is not the note due
    ("see No.1 and Vol.1 of it", "see No.1 and Vol.1 of it"),
    ("the G7 and COVID-19 and 10+1", "the G7 and COVID-19 and 10+1"),
    ("the river.7 Farms", "the river.7 Farms"),  # note 7 is not due after none
])
def test_glued_references(given, expected):
    assert marked(given) == expected


def test_references_follow_the_sequence():
    draft = mark_references(make_draft("First claim.1 Second claim.2\ngrowth was 5.3 percent in 2020.3\nlast.4"))
    numbers = [int(m) for ln in draft.lines for m in MARKER.findall(ln.text)]
    assert numbers == [1, 2, 3, 4]
    assert "5.3 percent" in draft.lines[1].text


def test_existing_markers_advance_the_sequence():
    draft = mark_references(make_draft(f"A claim.{n(4)} Another one.5"))
    assert draft.lines[0].text == f"A claim.{n(4)} Another one.{n(5)}"


def test_an_excerpt_starts_at_a_known_footnote():
    draft = mark_references(make_draft("the river.7 Farms grew.8", footnotes={7: Footnote(7, "Ibid.", 9)}))
    assert draft.lines[0].text == f"the river.{n(7)} Farms grew.{n(8)}"
