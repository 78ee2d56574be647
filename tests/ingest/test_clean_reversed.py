import textwrap

import pytest

from quizgen.ingest.clean import note_marker
from quizgen.ingest.clean.reversed import fix_swapped_halves, is_prose, restore_reversed
from quizgen.models import Footnote

from .conftest import make_draft, texts

# Our own text, wrapped like a PDF page. Sentences and clauses run over line ends.
ESSAY = (
    "Lighthouses were once the only guide for ships that approached a rocky coast at night. "
    "The keepers who lived in them trimmed the wicks, polished the lenses and wound the clockwork "
    "that turned the light. Their work was lonely, and the pay was low, but the towers saved "
    "thousands of sailors from the rocks of the coast. In the nineteenth century the lenses of "
    "the towers grew larger and brighter, and the light of a tall tower could be seen from the "
    "sea more than twenty miles away. The towers of the northern coast were built of granite, "
    "while the towers of the southern coast were built of brick and painted white. Each tower "
    "had its own pattern of flashes, so that a sailor who counted the flashes could tell which "
    "tower he saw and where his ship was. The keepers kept a log of the weather, the ships that "
    "passed and the hours that the light was lit. When the first electric lamps came, the work "
    "of the keepers changed, and the number of keepers fell. Today most lighthouses run without "
    "keepers, and many of the old towers have become museums that tell the story of the keepers "
    "and their families. Visitors climb the stairs of the towers, look at the lenses and read the "
    "logs that the keepers wrote. The sea is still dangerous, and the towers still stand on the "
    "rocks of the coast, but satellites now guide most of the ships that pass. The keepers are "
    "gone, and their towers remain as a memory of the long nights they spent at the light."
)


def pages() -> list[list[str]]:
    lines = textwrap.wrap(ESSAY, 62)
    return [lines[:6], lines[6:18], lines[18:]]


def test_a_page_read_bottom_to_top_is_restored():
    first, middle, last = pages()
    # A page gap (blank lines) before the reversed page, a leading space on the next page's first line.
    text = "\n".join(first + ["", "", ""] + middle[::-1] + [" " + last[0]] + last[1:]) + "\n"
    draft = restore_reversed(make_draft(text))
    assert [ln.text.strip() for ln in draft.lines if ln.text.strip()] == first + middle + last
    assert len(draft.regions) == 1
    region = draft.regions[0]
    assert region.restored and "reversed" in region.reason
    assert (region.line, region.end_line) == (10, 21)


def test_text_in_reading_order_is_left_alone():
    first, middle, last = pages()
    text = "\n".join(first + [""] + middle + last) + "\n"
    draft = restore_reversed(make_draft(text))
    assert draft.regions == []
    assert texts(draft) == text.split("\n")


def test_swapped_halves_around_a_marker_are_put_back():
    draft = make_draft(
        " and that every harbour should have a light, 4large or small, north or south,",
        footnotes={4: Footnote(4, "Ibid.", 9)},
    )
    assert texts(fix_swapped_halves(draft)) == [
        f"large or small, north or south,{note_marker(4)} and that every harbour should have a light,"
    ]


def test_numbers_that_are_not_footnotes_are_not_swapped():
    draft = make_draft(
        "the 3rd tower and 10am and 4 towers and 5large", footnotes={4: Footnote(4, "Ibid.", 9)}
    )
    assert texts(fix_swapped_halves(draft)) == ["the 3rd tower and 10am and 4 towers and 5large"]


def test_weaker_evidence_is_flagged_not_restored():
    first, middle, last = pages()
    # No page gap before the page: the reading evidence alone does not reach the bar.
    text = "\n".join(first + [""] + middle[::-1] + [" " + last[0]] + last[1:]) + "\n"
    draft = restore_reversed(make_draft(text))
    assert texts(draft) == text.split("\n")
    assert [(r.restored, r.reason) for r in draft.regions] == [(False, "lines may be out of order")]


@pytest.mark.parametrize(
    "line, prose",
    [
        ("the keepers of the towers trimmed the wicks and wound the clock,", True),
        ("In 1902, the council raised 40 percent of the harbour dues.", True),
        ("\tset nobackup", False),
        ("    if has('undo') | set undofile | endif", False),
        ("http://example.org/a/b/c_123-456.html", False),
    ],
)
def test_only_prose_lines_are_scored(line, prose):
    assert is_prose(line) is prose
