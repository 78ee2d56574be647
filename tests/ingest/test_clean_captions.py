"""Captions: labelled figures and tables, credits, scene lines, caption remnants (lines of our own)."""

from __future__ import annotations

import pytest

from quizgen.ingest.clean.captions import is_caption, move_captions

from .conftest import make_draft, texts


@pytest.mark.parametrize(
    "text, why",
    [
        ("Figure 2.1 The old lighthouse before its restoration.", "labelled"),
        ("Fig. 4 Keepers at work", "labelled"),
        ("Table 3: Ships lost each decade", "labelled"),
        ("Table 3", "labelled"),
        ("Map 2 The coast in the nineteenth century", "labelled"),
        ("The lamp room after the fire. (credit: J. Doe/Harbour Archive, CC BY 2.0)", "credit"),
        ("The keepers' cottages in winter (Photo: Harbour Museum)", "credit"),
        ("Photo: A. Keeper", "credit"),
        ("Image credit: Harbour Museum", "credit"),
        ("Photograph by A. Keeper", "credit"),
        ("The new lamp is lit for the first time. (Harbour Town Library)", "credit"),
        ("Keepers on the gallery of the north tower in 1921", "scene"),
        ("The lamp room of the old lighthouse during the storm in March 1921", "scene"),
    ],
)
def test_captions(text, why):
    assert is_caption(text, first_in_text=False) == why


@pytest.mark.parametrize(
    "text",
    [
        "Table 3 shows the ships lost each decade.",
        "Figure 2 compares the two towers, which were built in the same year.",
        "The lighthouse was built in 1850 and stood for a century.",
        "The Keepers in 1921",  # too short to tell from a heading
        "Lighthouses of the Northern Coast in 1921",  # the document's title: first text
        "The report gives the figures (source: Harbour Board, 1921) that the council used in its long debate over the cost of the new lamps and the pay of keepers across the whole coast for the following ten years, when every light was measured again and its cost was set against the trade it protected, ship by ship and year by year, which took the clerks of the board more time than anyone had imagined at the start and more money than the lamps themselves had cost.",
        "Keepers lived with their families. (Some stayed for decades.)",
        "And that is why we keep the light burning. (Applause.)",
        "We thank the keepers. (Prolonged Applause)",
        "The light was relit that winter. (Smith)",
        "The Great Storm of the North Coast in 1921",  # a heading: one preposition places nothing
    ],
)
def test_not_captions(text):
    first = text.startswith("Lighthouses")
    assert is_caption(text, first_in_text=first) is None


def test_caption_paragraphs_become_flagged_asides():
    draft = move_captions(
        make_draft(
            "The Lights of the Coast\n\nThe first light was lit in 1850.\n\n"
            "Figure 1 The first light, drawn\nfrom the harbour.\n\nIt burned whale oil.",
            "plain",
        )
    )
    assert [[ln.text for ln in a] for a in draft.asides] == [
        ["Figure 1 The first light, drawn", "from the harbour."]
    ]
    assert [(r.line, r.end_line, r.reason, r.restored) for r in draft.regions] == [
        (5, 6, "caption", False)
    ]
    assert "It burned whale oil." in texts(draft)


@pytest.mark.parametrize(
    "line, caption, rest",
    [
        (
            ", seen from the sea in 1900]] The light was lit in 1850.",
            "seen from the sea in 1900",
            "The light was lit in 1850.",
        ),
        ("(1850-1860)]]", "(1850-1860)", ""),
        (".]] The keepers left in 1950.", "", "The keepers left in 1950."),
        (
            'The keeper wrote "we saw nothing." , the keeper and his wife, 1921]]',
            "the keeper and his wife, 1921",
            'The keeper wrote "we saw nothing."',
        ),
        ("See [[the harbour]] for more.", None, "See [[the harbour]] for more."),
    ],
)
def test_caption_remnants_before_double_brackets(line, caption, rest):
    draft = move_captions(make_draft(f"Title\n\n{line}\n\nThe end of the text.", "markdown"))
    asides = [" ".join(ln.text for ln in a) for a in draft.asides]
    assert asides == ([caption] if caption else [])
    assert texts(draft)[2] == rest


@pytest.mark.parametrize(
    "placeholder",
    [
        "[Image]",
        "[Photo: the north tower]",
        "[image: map of the coast]",
        '<img src="tower.png" alt="The tower">',
    ],
)
def test_image_placeholder_and_the_line_under_it_are_captions(placeholder):
    draft = move_captions(
        make_draft(
            f"The Lights\n\nThe light was lit in 1850.\n\n{placeholder}\n\nThe north tower at dusk\n\nIt burned oil.",
            "plain",
        )
    )
    assert [[ln.text for ln in a] for a in draft.asides] == [
        [placeholder],
        ["The north tower at dusk"],
    ]
    assert "It burned oil." in texts(draft)


def test_a_placeholder_over_several_lines():
    draft = move_captions(
        make_draft(
            "The Lights\n\nThe light was lit in 1850.\n\n[Illustration: The north tower,\nfrom the sea]\n\nIt burned oil.",
            "plain",
        )
    )
    assert [[ln.text for ln in a] for a in draft.asides] == [
        ["[Illustration: The north tower,", "from the sea]"]
    ]
