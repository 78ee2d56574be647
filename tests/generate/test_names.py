"""Names a question can use alone: a list's name, a gloss that is a definition, the copula
a term takes, and options a spelling away from an answer. Tables of sentences."""

from __future__ import annotations

import pytest

from quizgen.generate.distractors import _looks_like, _stems
from quizgen.generate.phrasing import anchored_label, names_only
from quizgen.generate.wording import copula, is_fragment


@pytest.mark.parametrize(
    "label, sentence, members, anchored",
    [
        # The owner the sentence names is added.
        (
            "six main bodies",
            "The Guild is organized into six main bodies: the Hall, the Court and the Mint.",
            ("the Hall", "the Court", "the Mint"),
            "six main bodies of the Guild",
        ),
        (
            "three branches",
            "The Harbour Board has three branches: dredging, pilots and tolls.",
            ("dredging", "pilots", "tolls"),
            "three branches of the Harbour Board",
        ),
        # The complement the sentence goes on with is kept.
        (
            "two forms",
            "The charter allows two forms of appeal, one to the mayor and one to the court.",
            ("one to the mayor", "one to the court"),
            "two forms of appeal",
        ),
        # A complement that opens the list itself is no name.
        (
            "the guilds",
            "The guilds of Tessel, Orvath and Marrow met in spring.",
            ("Tessel", "Orvath", "Marrow"),
            "",
        ),
        # A capital from a title of the members is no name.
        (
            "three Bishoprics",
            "Tessel kept the Bishoprics of Metz, Toul and Verdun.",
            ("Metz", "Toul", "Verdun"),
            "",
        ),
        # A bare kind noun, with or without a count, names nothing alone.
        ("The participants", "The participants were Tessel, Orvath and Marrow.", (), ""),
        ("The options", "(It was old.) The options were wheat, barley and rye.", (), ""),
        ("three treaties", "Three treaties were signed: a, b and c.", (), ""),
        # The verb that says who needs or uses the list makes its owner a relative clause.
        (
            "three inputs",
            "Plants need three inputs: light, water and air.",
            (),
            "three inputs that plants need",
        ),
        # A name or a complement of its own says what the list is.
        ("Five Rules", "The Five Rules were thrift, order and care.", (), "Five Rules"),
        (
            "principles of the charter",
            "The principles of the charter are a, b and c.",
            (),
            "principles of the charter",
        ),
        # A name not in its sentence comes from a heading: it stands alone.
        ("harbour duties", "Dredging, pilots and tolls.", (), "harbour duties"),
    ],
)
def test_anchored_label(label, sentence, members, anchored):
    assert anchored_label(label, sentence, members) == anchored


@pytest.mark.parametrize(
    "gloss, only_names",
    [
        ("the Harbour Plus Three meetings", True),
        ("the Guild-appointed Master warden", True),
        ("the supreme authority of a state", False),
        ("the prevailing norms that serve the Guild", False),
        ("a body of the Guild", False),
        ("the slow breakdown of waste", False),
    ],
)
def test_names_only(gloss, only_names):
    assert names_only(gloss) is only_names


@pytest.mark.parametrize(
    "term, sentence, verb",
    [
        ("the United Provinces", "The United Provinces is a league of towns.", "is"),
        ("the United Provinces", "", "is"),
        ("harbour dues", "", "are"),
        ("regional trade bodies (RTBs)", "", "are"),
        ("RTBs", "", "are"),
        ("Harbour Guilds", "Harbour Guilds are groups of ship owners.", "are"),
    ],
)
def test_copula(term, sentence, verb):
    assert copula(term, None, sentence) == verb


@pytest.mark.parametrize(
    "quoted, fragment",
    [
        ("would never again raise the dues.", True),
        ("… would never again raise the dues.", True),
        ("We will never sell the quay.", False),
        ("[The] quay stays ours.", False),
    ],
)
def test_is_fragment(quoted, fragment):
    assert is_fragment(quoted) is fragment


@pytest.mark.parametrize(
    "candidate, answers, lookalike",
    [
        ("Verdun", ["the Bishoprics of Bremen and Verden"], True),
        ("Austria", ["Australia"], True),
        ("Iran", ["Iraq"], False),
        ("Sweden", ["Swedish Pomerania"], False),
        ("Tessel", ["Orvath"], False),
    ],
)
def test_lookalike_options(candidate, answers, lookalike):
    assert _looks_like(candidate, {_stems(a) for a in answers}) is lookalike


@pytest.mark.parametrize(
    "term, other, nested",
    [
        ("global guilds", "harbour guilds (HGs)", False),
        ("global HGs", "harbour guilds (HGs)", True),
        ("civil war", "world war", False),
        ("HB", "Harbour Board (HB)", True),
    ],
)
def test_nested_terms_make_no_false_definition(term, other, nested):
    from quizgen.generate.true_false import _nested

    assert _nested(term, other) is nested
