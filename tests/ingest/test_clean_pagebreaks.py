import pytest

from quizgen.ingest.clean.pagebreaks import join_page_breaks

from .conftest import make_draft, texts


@pytest.mark.parametrize("text, joined", [
    ("a hard-to-\n\nreach harbour", True),
    ("the farmers of the north and\n\n\nthe traders of the south", True),
    ("large or small,\n\nThe Council agreed", True),
    ("nets, ropes, etc.;\n\nIt was also time to plan", True),
    ("The flood ended.\n\nthe next spring came", False),
    ("The flood ended.\n\nThe next spring came", False),
    ("Rivers and valleys\n\nThe next spring came", False),
])
def test_blank_lines_inside_a_sentence(text, joined):
    result = texts(join_page_breaks(make_draft(text)))
    assert ("" not in result) is joined
