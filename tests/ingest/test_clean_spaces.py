import pytest

from quizgen.ingest.clean.spaces import (
    fix_mojibake,
    fix_stray_spaces,
    strip_leading_spaces,
    strip_spaces,
    tidy,
)

from .conftest import make_draft, texts


def test_mojibake_is_repaired_and_curly_quotes_kept():
    draft = fix_mojibake(
        make_draft(
            'the idea of "open harbours.‚Äù In the spring\n“Curly” quotes stay — as they are.'
        )
    )
    assert texts(draft) == [
        'the idea of "open harbours.” In the spring',
        "“Curly” quotes stay — as they are.",
    ]


def test_trailing_spaces_and_no_break_spaces_go():
    draft = strip_spaces(make_draft("Some text.   \n   \n\u00a0in the\u00a0middle\u00a0\u00a0"))
    assert texts(draft) == ["Some text.", "", " in the middle"]


def test_leading_spaces_go():
    assert texts(strip_leading_spaces(make_draft(" A line.\nTwo  spaces  inside."))) == [
        "A line.",
        "Two spaces inside.",
    ]


@pytest.mark.parametrize(
    "given, expected",
    [
        ("soil protection , water and air", "soil protection, water and air"),
        ("village-to -village trade", "village-to-village trade"),
        ("Title of a Book, ” Publisher", "Title of a Book,” Publisher"),
        ("a well-known fact", "a well-known fact"),
        ("a range of 3 - 5 days", "a range of 3 - 5 days"),
        ("he said , and left", "he said, and left"),
    ],
)
def test_stray_spaces(given, expected):
    assert tidy(given) == expected
    assert texts(fix_stray_spaces(make_draft(given))) == [expected]


@pytest.mark.parametrize(
    "text", ["one\x0btwo", "one\x1ftwo", "one\u2028two", "one\u2029two", "one\x7ftwo"]
)
def test_control_characters_become_spaces(text):
    assert texts(strip_spaces(make_draft(text))) == ["one two"]


@pytest.mark.parametrize(
    "given, expected",
    [
        ("Salt &amp; pepper", "Salt & pepper"),
        ("the keeper&#8217;s log &mdash; kept daily", "the keeper’s log — kept daily"),
        ("AT&T and R&D stay", "AT&T and R&D stay"),
    ],
)
def test_html_entities_in_plain_text(given, expected):
    from quizgen.ingest.clean.spaces import unescape_entities

    assert texts(unescape_entities(make_draft(given))) == [expected]
