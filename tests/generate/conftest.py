"""Shared helpers for generation tests: documents of our own sentences, cleaned by the
real cleaner, and items whose provenance points at those sentences."""

from __future__ import annotations

import pytest

from quizgen.config import Settings
from quizgen.models import DatedEvent, Definition, Document, Enumeration, Provenance, Quote
from tests.helpers import make_doc as document_from_text

GARDEN = """# Garden notes

The three pillars of the plan are clean water, safe roads and public schools.

The four seasons of the year are spring, summer, autumn and winter.

Soil erosion is the loss of the upper layer of soil by wind and water.

Crop rotation means growing different crops on the same land in successive seasons.

Composting is the slow breakdown of kitchen and garden waste into humus.

Mulching means covering bare soil with a layer of straw or bark.

The old bridge opened in March 1932. The railway reached the valley in 1901.
The town hall burned down on 4 May 1950. The first school was founded in 1875.
The market moved to the square in 1968.

"We must plant trees before we need their shade," said Maria Lopez.
"Every road we build today carries tomorrow's trade," the engineer Tom Baker said.
"A garden is a lesson in patience that never ends," wrote Ana Silva.
"Water is the first thing a town must learn to keep," Paul Green told the council.
"""

SETTINGS = Settings(
    generate={
        "distractor_vocabulary": [
            "fresh air",
            "open markets",
            "quiet streets",
            "Anna Berg",
            "Leo Marsh",
        ]
    }
)


def make_doc(text: str, name: str = "garden.md") -> Document:
    return document_from_text(text, name)


def provenance(doc: Document, phrase: str) -> Provenance:
    """Provenance of the first sentence of `doc` that holds `phrase`."""
    for sentence in doc.sentences:
        if phrase in sentence.text:
            return Provenance(
                doc.name, sentence.text, sentence.line, sentence.end_line, rule="test"
            )
    raise AssertionError(f"no sentence of {doc.name} holds {phrase!r}")


def garden_items(doc: Document) -> list:
    p = lambda phrase: provenance(doc, phrase)  # noqa: E731
    return [
        Enumeration(
            "three pillars of the plan",
            ("clean water", "safe roads", "public schools"),
            p("pillars"),
        ),
        Enumeration("four seasons", ("spring", "summer", "autumn", "winter"), p("four seasons")),
        Definition(
            "soil erosion",
            "the loss of the upper layer of soil by wind and water",
            p("Soil erosion"),
        ),
        Definition(
            "crop rotation",
            "growing different crops on the same land in successive seasons",
            p("Crop rotation"),
        ),
        Definition(
            "composting",
            "the slow breakdown of kitchen and garden waste into humus",
            p("Composting"),
        ),
        Definition("mulching", "covering bare soil with a layer of straw or bark", p("Mulching")),
        DatedEvent("1932-03", "the old bridge opened", p("bridge")),
        DatedEvent("1901", "the railway reached the valley", p("railway")),
        DatedEvent("1950-05-04", "the town hall burned down", p("town hall")),
        DatedEvent("1875", "the first school was founded", p("first school")),
        DatedEvent("1968", "the market moved to the square", p("market moved")),
        Quote("We must plant trees before we need their shade", "Maria Lopez", p("plant trees")),
        Quote("Every road we build today carries tomorrow's trade", "Tom Baker", p("Every road")),
        Quote("A garden is a lesson in patience that never ends", "Ana Silva", p("patience")),
        Quote("Water is the first thing a town must learn to keep", "Paul Green", p("Water is")),
    ]


@pytest.fixture(scope="session")
def garden():
    doc = make_doc(GARDEN)
    return doc, garden_items(doc)


@pytest.fixture(scope="session")
def settings():
    return SETTINGS


def context(doc: Document | None = None, settings: Settings = SETTINGS):
    """A generation context for calling one question type's helpers directly."""
    from quizgen.generate.context import Context, Corpus

    doc = doc or make_doc(GARDEN)
    return Context(document=doc, corpus=Corpus.of([(doc, [])]), settings=settings)
