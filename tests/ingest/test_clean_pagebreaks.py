import pytest

from quizgen.ingest.clean.pagebreaks import join_page_breaks

from .conftest import make_draft, texts


@pytest.mark.parametrize(
    "text, joined",
    [
        ("a hard-to-\n\nreach harbour", True),
        ("the farmers of the north and\n\n\nthe traders of the south", True),
        ("large or small,\n\nThe Council agreed", True),
        ("nets, ropes, etc.;\n\nIt was also time to plan", True),
        ("The flood ended.\n\nthe next spring came", False),
        ("The flood ended.\n\nThe next spring came", False),
        ("Rivers and valleys\n\nThe next spring came", False),
        (
            "the treaty was signed by the\n\nHarbour Board in 1850",
            True,
        ),  # 'the' cannot end a sentence
        ("WITH THE GOV-\n\nERNMENT OF THE DAY", True),  # a word hyphenated at the line end
        ("A list of the\n\nThe next spring came", True),
        ("Keepers of THE\n\nNorth", False),  # an all-caps word may be a name
    ],
)
def test_blank_lines_inside_a_sentence(text, joined):
    result = texts(join_page_breaks(make_draft(text)))
    assert ("" not in result) is joined
