"""Reference sections leave the body (headings and lines of our own)."""

from __future__ import annotations

import pytest

from quizgen.ingest.clean import clean
from quizgen.ingest.clean.refsections import heading_name, is_reference_heading
from quizgen.ingest.readers.markdown import MarkdownReader

BODY = "The lighthouse was lit in 1850 and burned whale oil for twenty years before the board changed it."


def markdown(text: str):
    return clean(MarkdownReader().read("sample.md", text.encode(), None))


@pytest.mark.parametrize(
    "heading",
    [
        "References",
        "Notes",
        "Bibliography",
        "Further reading",
        "See also",
        "External links",
        "Sources",
        "Works cited",
        "7. References",
        "Notes and references",
        "Notes & References",
        "Footnotes:",
    ],
)
def test_reference_headings(heading):
    assert is_reference_heading(heading)


@pytest.mark.parametrize(
    "heading", ["Notes on the keepers", "Sources of light", "History", "Seeing the light"]
)
def test_other_headings(heading):
    assert not is_reference_heading(heading)


def test_heading_name():
    assert heading_name("IV. Further Reading:") == "further reading"


def test_section_runs_to_the_next_heading_of_the_same_level():
    document = markdown(
        f"# Lights\n\n{BODY}\n\n## References\n\n- Smith, J. (2004). Lights.\n\n### Archives\n\n"
        f"- Harbour Board papers\n\n## Legacy\n\n{BODY}\n"
    )
    assert [p.text for p in document.paragraphs] == ["Lights", BODY, "Legacy", BODY]
    assert [r.reason for r in document.regions] == ["reference section"]


def test_without_levels_a_section_ends_at_a_heading_followed_by_prose():
    document = markdown(
        f"Lights\n\n{BODY}\n\nSee also\n\n- Harbours\n- Beacons\n\nPrimary sources\n\n"
        f"- Harbour Board papers, 1850.\n\nLegacy\n\n{BODY}\n"
    )
    assert [p.text for p in document.paragraphs] == ["Lights", BODY, "Legacy", BODY]


def test_section_at_the_end_goes_to_the_end():
    document = markdown(
        f"Lights\n\n{BODY}\n\nExternal links\n\n- The harbour website\n- A keeper's diary online\n"
    )
    assert [p.text for p in document.paragraphs] == ["Lights", BODY]


def test_a_reference_heading_over_the_whole_document_is_its_title():
    document = markdown(f"# Notes\n\n{BODY}\n\n## References\n\n- Smith, J. (2004). Lights.\n")
    assert [p.text for p in document.paragraphs] == ["Notes", BODY]
