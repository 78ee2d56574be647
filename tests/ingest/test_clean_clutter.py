"""Web-page clutter lines (lines of our own)."""

from __future__ import annotations

import pytest

from quizgen.ingest.clean.clutter import drop_web_clutter, is_clutter

from .conftest import make_draft, texts


@pytest.mark.parametrize(
    "line",
    [
        "Share",
        "Copy Link",
        "Share this article",
        "Tweet",
        "Email | Print",
        "Facebook Twitter LinkedIn",
        "12 Comments",
        "Advertisement",
        "Skip to main content",
        "Read more",
        "Follow us on Twitter",
        "Sign up",
        "5 min read",
        "Listen to this article",
        "Sign up for our newsletter to get the week's stories in your inbox.",
        "Get the latest updates delivered to your email every morning.",
        "Subscribe to our newsletter",
        "FOR IMMEDIATE RELEASE",
        "Media contact: Jane Doe",
        "Contact: J. Doe, 555-123-4567",
        "###",
        "-30-",
        "https://example.org/lights",
        "press@example.org",
        "Tel: +1 (555) 123-4567",
        "© 2021 The Coast News",
        "All rights reserved.",
    ],
)
def test_clutter(line):
    assert is_clutter(line)


@pytest.mark.parametrize(
    "line",
    [
        "The harbour board met to share the cost of the new lamp.",
        "Print and radio reported the wreck.",
        "Read more about the keepers below.",
        "Home Rule",
        "The newsletter of the keepers' union was founded in 1921.",
        "Keepers",
        "Related Lighthouses of the North",
        "### The keepers",
        "1850 1900 1950",
        "Copyright law changed in 1921 and the keepers' logs became public records that anyone could read.",
    ],
)
def test_not_clutter(line):
    assert not is_clutter(line)


def test_clutter_lines_leave_with_a_region():
    draft = drop_web_clutter(
        make_draft("The light was lit.\nShare\nCopy Link\nIt burned oil.", "plain")
    )
    assert texts(draft) == ["The light was lit.", "It burned oil."]
    assert [(r.line, r.end_line, r.reason) for r in draft.regions] == [(2, 3, "web clutter")]


@pytest.mark.parametrize(
    "given, expected",
    [
        (
            "We will keep the light burning. (Applause.) And we will.",
            "We will keep the light burning. And we will.",
        ),
        ("Thank you. [Laughter and applause]", "Thank you."),
        ("He said (inaudible) that it was late.", "He said that it was late."),
        ("The applause (loud and long) went on.", "The applause (loud and long) went on."),
    ],
)
def test_stage_directions_go(given, expected):
    assert texts(drop_web_clutter(make_draft(given, "plain"))) == [expected]
