"""Bracketed reference and editorial markers, and lists of numbered notes (lines of our own)."""

from __future__ import annotations

import pytest

from quizgen.ingest.clean import NOTE_OPEN
from quizgen.ingest.clean.wikirefs import remove_reference_marks, without_reference_marks

from .conftest import make_draft, texts


@pytest.mark.parametrize(
    "given, expected",
    [
        ("The harbour opened in 1901.[3] The works", "The harbour opened in 1901. The works"),
        ("a loan of $3 million[12] (then a record)", "a loan of $3 million (then a record)"),
        ("the council agreed,[4][5] as the mayor", "the council agreed, as the mayor"),
        ("a new lamp.[4] [5] The keepers", "a new lamp. The keepers"),
        ("was never built [7].", "was never built."),
        ("was never built.[7, 8]", "was never built."),
        ("the oldest[citation needed] lighthouse", "the oldest lighthouse"),
        ("the tower[better source needed] stood", "the tower stood"),
        ("stood for a century[a] and", "stood for a century and"),
        ("the keepers[note 2] lived", "the keepers lived"),
        ("they moved[when?] inland", "they moved inland"),
        ("it was the largest[dubious – discuss] port", "it was the largest port"),
        ("History[edit]", "History"),
        ("The Lighthouse Board () was founded", "The Lighthouse Board was founded"),
        # Not markers: quotation alterations, Markdown links and definitions, notes at a line start, [sic].
        ("“[t]he keepers were paid”", "“[t]he keepers were paid”"),
        ("see [the report](http://example.org)", "see [the report](http://example.org)"),
        ("[1]: http://example.org", "[1]: http://example.org"),
        ("the [report][2] says", "the [report][2] says"),
        ("[4] Smith, J. (2004). Lights.", "[4] Smith, J. (2004). Lights."),
        ("the bouy [sic] was red", "the bouy [sic] was red"),
    ],
)
def test_reference_markers_go(given, expected):
    assert without_reference_marks(given) == expected


def test_a_list_of_numbered_notes_becomes_footnotes_and_references_point_to_them():
    draft = remove_reference_marks(
        make_draft(
            "The light was lit in 1850.[1] It burned oil.[2]\n\n"
            "[1] Harbour Board minutes, 1850.\n\n[2] The oil was\nwhale oil at first.\n\n[3]\n",
            "markdown",
        )
    )
    assert {n: f.text for n, f in draft.footnotes.items()} == {
        1: "Harbour Board minutes, 1850.",
        2: "The oil was whale oil at first.",
    }
    body = [t for t in texts(draft) if t.strip()]
    assert body == [
        f"The light was lit in 1850.{NOTE_OPEN}1\ue001 It burned oil.{NOTE_OPEN}2\ue001"
    ]


def test_a_single_bracketed_number_line_is_not_a_notes_list():
    draft = remove_reference_marks(
        make_draft("Text here.\n\n[1] A lone line.\n\nMore text.", "markdown")
    )
    assert "[1] A lone line." in texts(draft) and not draft.footnotes


def test_a_lone_bracketed_letter_alters_a_quotation():
    draft = remove_reference_marks(make_draft("“the keeper carrie[s] the lamp”, he said.", "plain"))
    assert texts(draft) == ["“the keeper carrie[s] the lamp”, he said."]


def test_lettered_notes_go_where_the_text_has_a_series():
    draft = remove_reference_marks(make_draft("The light[a] was lit.\nThe oil[b] burned.", "plain"))
    assert texts(draft) == ["The light was lit.", "The oil burned."]
