"""Distractors: of the answer's kind and form, similar length, seeded, never also correct."""

from __future__ import annotations

import random
from itertools import islice

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.generate.distractors import (
    MAX_DRAWS,
    Pool,
    also_correct,
    fit_form,
    lazily_shuffled,
    pick,
    pick_dates,
)


@pytest.mark.parametrize(
    "candidate, correct, expected",
    [
        ("trust deficit", ["the trust deficit"], True),  # same words, article aside
        ("Trust  Deficit.", ["trust deficit"], True),
        ("deficit", ["trust deficit"], True),  # contained in a right answer
        ("the trust deficit of nations", ["trust deficit"], True),  # holds a right answer
        ("governance deficit", ["trust deficit", "development deficit"], False),
        ("trustworthy", ["trust"], False),  # a longer word is not the same word
        ("safe road", ["safe roads"], True),  # a plural ending makes no other answer
    ],
)
def test_also_correct(candidate, correct, expected):
    assert also_correct(candidate, correct) is expected


@pytest.mark.parametrize(
    "answer, candidate, expected",
    [
        ("Maria Lopez", "Tom Baker", "Tom Baker"),
        ("Maria Lopez", "public schools", None),  # a name for a name only
        ("public schools", "Maria Lopez", None),
        ("public schools", "The open markets", "open markets"),  # article dropped like the answer's
        ("the environment", "energy supply", "energy supply"),
        ("energy", "the economy", "economy"),  # no article where the answer has none
        ("spring", "Summer rain", "summer rain"),  # a capital would single an option out
        ("spring", "Winter", None),  # one capitalised word may be a name: not for a common noun
        ("spring", "a layer of straw or bark laid over bare soil", None),  # far longer
        (
            "the loss of the upper layer of soil",
            "a slow breakdown of kitchen waste",
            "a slow breakdown of kitchen waste",
        ),
        ("water", "None of the above", None),
        ("water", "all of these", None),
        ("It rained.", "the sun", None),  # a sentence for a sentence
        ("a safe road", "it is a safe road", None),  # unfit text is no option
        ("clean water", "the safe roads (built", None),
        ("the rise of trade", "the biggest change is new roads", None),  # a statement among phrases
        ("trade has grown", "the rise of new roads", None),
        ("trade has grown", "roads have improved", "roads have improved"),
    ],
)
def test_fit_form(answer, candidate, expected):
    assert fit_form(answer, candidate) == expected


MEMBERS = ["clean water", "safe roads", "public schools"]
OTHERS = [
    (0, "spring showers"),
    (0, "summer rains"),
    (0, "clean water"),
    (1, "safe road"),
    (1, "open markets"),
    (1, "quiet streets"),
    (1, "fresh air"),
    (1, "a very long list of things nobody would choose here"),
]


def test_pick_never_returns_a_correct_answer_and_prefers_the_same_document():
    for seed in range(30):
        chosen = pick("public schools", OTHERS, random.Random(seed), correct=MEMBERS)
        assert len(chosen) == 3
        assert not any(also_correct(c, MEMBERS) for c in chosen)
        assert {"spring showers", "summer rains"} <= set(chosen)  # tier 0 first
        assert len(set(chosen)) == 3


def test_pick_keeps_similar_length():
    for seed in range(30):
        for option in pick("public schools", OTHERS, random.Random(seed), correct=MEMBERS):
            assert 0.5 <= len(option) / len("public schools") <= 2


def test_pick_falls_back_to_vocabulary_and_is_deterministic():
    first = pick(
        "Maria Lopez",
        [(0, "Tom Baker")],
        random.Random(7),
        vocabulary=["Ana Silva", "Paul Green", "Leo Marsh"],
    )
    again = pick(
        "Maria Lopez",
        [(0, "Tom Baker")],
        random.Random(7),
        vocabulary=["Ana Silva", "Paul Green", "Leo Marsh"],
    )
    assert first == again and first[0] == "Tom Baker" and len(first) == 3


def test_pick_gives_fewer_rather_than_bad_options():
    assert (
        pick(
            "Maria Lopez",
            [(0, "Maria Lopez"), (0, "Lopez"), (0, "public schools")],
            random.Random(0),
        )
        == []
    )


@pytest.mark.parametrize(
    "iso, end, corpus, correct, refused",
    [
        ("1932-03", None, [(0, "1931-03"), (0, "1932"), (1, "1932-03")], [], {"1932-03", "1932"}),
        (
            "1949",
            "1971",
            [(0, "1950"), (0, "1960"), (0, "1980")],
            [],
            {str(y) for y in range(1949, 1972)},
        ),
        ("2020-11-15", None, [], ["2019-11-15"], {"2020-11-15", "2019-11-15"}),
        ("1901", None, [(1, "1648")], [], {"1901", "1648"}),  # far dates are not tempting
    ],
)
def test_pick_dates_same_precision_nearby_and_never_right(iso, end, corpus, correct, refused):
    for seed in range(20):
        chosen = pick_dates(iso, corpus, random.Random(seed), end=end, correct=correct)
        assert len(chosen) == 3 and len(set(chosen)) == 3
        assert not set(chosen) & refused
        assert all(c.count("-") == iso.count("-") for c in chosen)
        assert all(abs(int(c[:4]) - int(iso[:4])) <= 30 for c in chosen)


def test_pick_dates_puts_the_answer_in_different_places():
    # Made-up shifts are shuffled: the answer is not always the middle option.
    lowest = {min(pick_dates("1900", [], random.Random(s))) > "1900" for s in range(20)}
    assert lowest == {True, False}


def test_pick_dates_never_after_the_latest_year():
    for seed in range(20):
        chosen = pick_dates("2020-03", [(1, "2023-03")], random.Random(seed), latest=2021)
        assert len(chosen) == 3 and all(int(c[:4]) <= 2021 for c in chosen)


def test_fit_form_without_adapting_keeps_the_text():
    assert (
        fit_form("covering soil with straw", "A slow breakdown of waste", adapt=False)
        == "A slow breakdown of waste"
    )


WORDS = [
    "water",
    "roads",
    "schools",
    "trust",
    "growth",
    "peace",
    "trade",
    "the economy",
    "energy",
    "safety",
]


@settings(max_examples=60, deadline=None)
@given(
    members=st.lists(st.sampled_from(WORDS), min_size=2, max_size=4, unique=True),
    others=st.lists(st.tuples(st.integers(0, 2), st.sampled_from(WORDS)), max_size=12),
    seed=st.integers(0, 10_000),
)
def test_pick_property_never_right_never_twice_and_seeded(members, others, seed):
    answer, correct = members[0], members[1:]
    chosen = pick(answer, others, random.Random(seed), correct=correct)
    assert chosen == pick(answer, others, random.Random(seed), correct=correct)
    assert not any(also_correct(c, members) for c in chosen)
    assert len({c.casefold() for c in chosen}) == len(chosen) <= 3


@settings(max_examples=60, deadline=None)
@given(items=st.lists(st.integers(), max_size=30), seed=st.integers(0, 10_000))
def test_lazily_shuffled_is_a_seeded_permutation(items, seed):
    shuffled = list(lazily_shuffled(items, random.Random(seed)))
    assert sorted(shuffled) == sorted(items)
    assert shuffled == list(lazily_shuffled(items, random.Random(seed)))


def test_pool_draws_its_own_document_first_then_a_bounded_sample_of_the_others():
    own = [("mine.md", f"own {n}") for n in range(5)]
    others = [(f"other-{n:04d}.md", f"other {n}") for n in range(3 * MAX_DRAWS)]
    drawn = list(Pool(tuple(others[:100] + own + others[100:])).draw("mine.md", random.Random(3)))
    assert sorted(drawn[:5]) == [(0, f"own {n}") for n in range(5)]
    assert len(drawn) == 5 + MAX_DRAWS
    assert all(tier == 1 and text.startswith("other") for tier, text in drawn[5:])
    assert len(set(drawn)) == len(drawn)


def test_pool_draw_is_seeded_and_varies_with_the_seed():
    pool = Pool(tuple((f"doc-{n % 7}.md", f"text {n}") for n in range(50)))
    first = list(pool.draw("doc-0.md", random.Random(1)))
    assert first == list(pool.draw("doc-0.md", random.Random(1)))
    assert first != list(pool.draw("doc-0.md", random.Random(2)))


def test_pool_offers_a_text_many_documents_share_once_and_not_again_after_its_own_document():
    pool = Pool(
        tuple((f"doc-{n}.md", "shared text") for n in range(20)) + (("doc-3.md", "own text"),)
    )
    assert sorted(pool.draw("doc-3.md", random.Random(0))) == [(0, "own text"), (0, "shared text")]
    assert list(pool.draw("elsewhere.md", random.Random(0))).count((1, "shared text")) == 1


def test_a_text_added_to_the_pool_changes_only_the_draws_it_would_have_been_given_in():
    entries = tuple((f"doc-{n % 9}.md", f"text {n}") for n in range(300))
    before, after = Pool(entries), Pool(entries + (("new.md", "a new text"),))
    unchanged = 0
    for seed in range(200):
        start = random.Random(seed).getrandbits(64)
        old = list(islice(before.others("doc-0.md", start), 5))
        new = list(islice(after.others("doc-0.md", start), 5))
        if "a new text" in new:
            assert [t for t in new if t != "a new text"] == old[:4]
        else:
            assert new == old
            unchanged += 1
    assert 150 < unchanged < 200  # about 5 draws in 300 are given the new text
