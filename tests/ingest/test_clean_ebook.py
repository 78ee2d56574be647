"""Public-domain e-book wrappers and '[Footnote n: ...]' blocks (lines of our own)."""

from __future__ import annotations

from quizgen.ingest.clean import NOTE_OPEN, clean
from quizgen.ingest.clean.ebook import trim_ebook_boilerplate

from .conftest import make_draft, raw_text, texts

BOOK = """The Project Gutenberg eBook of Lights of the Coast

Title: Lights of the Coast
Author: A. Keeper
Release date: May 1, 2010 [eBook #1]

*** START OF THE PROJECT GUTENBERG EBOOK LIGHTS OF THE COAST ***

CHAPTER I

The first light was lit in 1850.[1] It burned whale oil.

[Footnote 1: The date is given in the
harbour minutes [p. 4].]

*** END OF THE PROJECT GUTENBERG EBOOK LIGHTS OF THE COAST ***

Updated editions will replace the previous one.
1.E.7. Do not charge a fee for access to this work."""


def test_the_book_is_kept_and_its_wrapper_goes():
    draft = trim_ebook_boilerplate(make_draft(BOOK, "plain"))
    body = [t for t in texts(draft) if t]
    assert body == ["CHAPTER I", "The first light was lit in 1850.[1] It burned whale oil."]
    assert draft.metadata == {"title": "Lights of the Coast", "author": "A. Keeper"}
    assert [r.reason for r in draft.regions] == ["e-book boilerplate"] * 2
    assert draft.footnotes[1].text == "The date is given in the harbour minutes [p. 4]."


def test_a_footnote_reference_points_to_its_block():
    document = clean(raw_text(BOOK, "plain"))
    sentence = next(s for s in document.sentences if "1850" in s.text)
    assert sentence.text == "The first light was lit in 1850." and sentence.footnotes == (1,)
    assert NOTE_OPEN not in "".join(p.text for p in document.paragraphs)


def test_text_without_the_wrapper_is_untouched():
    draft = make_draft("The first light was lit in 1850.\n\nIt burned whale oil.", "plain")
    assert trim_ebook_boilerplate(draft) is draft


def test_underscore_italics_of_a_plain_text_become_marks():
    document = clean(
        raw_text(
            "A _beacon_ is a fire lit as a signal.\n\nThe _lamp room_ holds the lamp.", "plain"
        )
    )
    assert [
        (s.text, [(s.text[m.start : m.end], m.kind) for m in s.marks]) for s in document.sentences
    ] == [
        ("A beacon is a fire lit as a signal.", [("beacon", "em")]),
        ("The lamp room holds the lamp.", [("lamp room", "em")]),
    ]


def test_a_lone_underscore_pair_stays():
    document = clean(raw_text("The file_name_here is kept, and so is _this_ one.", "plain"))
    assert document.sentences[0].text == "The file_name_here is kept, and so is _this_ one."
