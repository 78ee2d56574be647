"""Wrong options for multiple choice: plausible, of the answer's kind, and never also right.

Candidates come in tiers: the same kind of thing from the same document (tier 0),
from the rest of the corpus (tier 1), then `generate.distractor_vocabulary` (tier 2).
A `Pool` draws them lazily in that order, so a question costs the same whatever the
corpus size: the whole own document, then at most `MAX_DRAWS` others. The others are
read along a ring of every text ordered by a hash of the text, from a seeded start:
a text keeps its place whatever else the pool holds, so a text added to (or taken out
of) the corpus changes only the draws whose stretch of the ring it falls in, and a
build can tell which those are (quizgen.pipeline).
A candidate is refused when it is unfit text itself (the gate's checks), when it is
also correct (it normalises to, contains or is contained in an accepted answer,
plural endings aside), when its form differs from the answer's (a name for a name,
a sentence for a sentence; no article where the answer has none), or when its
length is far from the answer's. The order within a tier is seeded, so the same
seed gives the same options.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import random
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import chain, islice

from .gate import text_problem
from .ids import normalise
from .phrasing import (
    ARTICLES,
    date_parts,
    display_date,
    is_clause,
    is_name,
    precision,
    shift_years,
    strip_article,
)

OPTIONS = 3  # distractors per multiple-choice question
MAX_LENGTH_RATIO = 2.0  # a distractor may be at most twice as long (or short) as the answer
SHORT_ANSWER_CHARS = 12  # below this, compare lengths by difference rather than ratio
NEARBY_YEARS = 30  # corpus dates further than this from the answer are not tempting
DATE_SHIFTS = (1, -1, 2, -2, 3, -3, 5, -5, 10, -10)  # years, for made-up nearby dates
MAX_DRAWS = (
    400  # candidates from other documents tried per question; bounds the cost in a big corpus
)

_PLURAL = re.compile(r"(?<=[^s])(es|s)$")
_COVER_ALL = re.compile(r"\b(all|none|both|neither) of (the )?(above|these|them)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Pool:
    """Candidate texts of one kind: (document, text) pairs, in corpus order."""

    entries: tuple[tuple[str, str], ...]
    _by_document: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    _ring: list = field(default_factory=list, init=False, repr=False, compare=False)
    _places: list = field(default_factory=list, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for document, text in self.entries:
            self._by_document.setdefault(document, {})[text] = None
        # A text many documents share is one candidate, not a weight on the draw.
        ring = sorted((place(text), text) for text in dict.fromkeys(t for _, t in self.entries))
        self._places.extend(at for at, _ in ring)
        self._ring.extend(text for _, text in ring)

    def draw(self, near: str, rng: random.Random) -> Iterator[tuple[int, str]]:
        """(tier, text): every text of document `near` in a seeded order (tier 0), then
        up to MAX_DRAWS texts of other documents along the ring from a seeded start (tier 1)."""
        yield from ((0, text) for text in self.own(near, rng))
        yield from ((1, text) for text in self.others(near, ring_start(rng)))

    def own(self, near: str, rng: random.Random) -> Iterator[str]:
        """The texts of document `near`, in a seeded order."""
        return lazily_shuffled(list(self._by_document.get(near, ())), rng)

    def others(self, near: str, start: int) -> Iterator[str]:
        """Up to MAX_DRAWS texts no item of document `near` has, in ring order from `start`."""
        own = self._by_document.get(near, {})
        ring, count = self._ring, len(self._ring)
        first = bisect.bisect_left(self._places, start)
        around = (ring[(first + step) % count] for step in range(count))
        return islice((text for text in around if text not in own), MAX_DRAWS)


RING_BITS = 64


def place(text: str) -> int:
    """Where a text sits on the ring of candidates: a hash of the text alone."""
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=RING_BITS // 8).digest()
    return int.from_bytes(digest, "big")


def ring_start(rng: random.Random) -> int:
    """Where a draw starts reading the ring of other documents' texts."""
    return rng.getrandbits(RING_BITS)


def lazily_shuffled(items: Sequence, rng: random.Random) -> Iterator:
    """The items in a seeded random order, drawn one at a time: the first k cost O(k)
    however long the sequence (a Fisher-Yates shuffle that remembers only its swaps)."""
    moved: dict[int, int] = {}
    for start in range(len(items)):
        chosen = rng.randrange(start, len(items))
        yield items[moved.get(chosen, chosen)]
        moved[chosen] = moved.get(start, start)


def also_correct(candidate: str, correct: Iterable[str]) -> bool:
    """True when a candidate says the same as a correct answer, or one holds the other."""
    return _holds_or_held(_stems(candidate), {_stems(answer) for answer in correct})


def _holds_or_held(candidate: str, answers: set[str]) -> bool:
    if not candidate or candidate in answers or "" in answers:
        return True
    padded = f" {candidate} "
    return any(f" {answer} " in padded or padded in f" {answer} " for answer in answers)


@functools.lru_cache(maxsize=65536)
def _stems(text: str) -> str:
    """Normalised words without plural endings: 'safe road' is as right as 'safe roads'."""
    return " ".join(_PLURAL.sub("", word) for word in normalise(text).split())


_ASIDE = re.compile(r"[(\[]|\d")
LOOKALIKE_RATIO = 0.8


def _looks_like(candidate: str, known: set[str]) -> bool:
    """'Verdun' beside the correct '... Bremen and Verden': a spelling away from (a part of) an
    answer is no fair option."""
    stem = _stems(candidate)
    size = len(stem.split())
    for answer in known:
        words = answer.split()
        for at in range(max(1, len(words) - size + 1)):
            window = " ".join(words[at : at + size])
            if window != stem and abs(len(window) - len(stem)) <= 3:
                if SequenceMatcher(None, stem, window).ratio() >= LOOKALIKE_RATIO:
                    return True
    return False


def similar_length(answer: str, candidate: str) -> bool:
    a, c = len(answer), len(candidate)
    if max(a, c) < SHORT_ANSWER_CHARS:
        return abs(a - c) <= SHORT_ANSWER_CHARS
    return max(a, c) <= MAX_LENGTH_RATIO * min(a, c)


def fit_form(answer: str, candidate: str, adapt: bool = True) -> str | None:
    """The candidate in the answer's form, or None when it cannot take that form.

    With adapt=False the candidate is never changed (a definition is cited verbatim).
    """
    candidate = candidate.strip()
    if (
        _COVER_ALL.search(candidate)
        or text_problem(candidate)
        or is_name(answer) != is_name(candidate)
    ):
        return None
    if is_clause(answer) != is_clause(candidate):
        return None  # a statement among phrases (or a phrase among statements) is the odd one out
    if _ASIDE.search(answer) is None and _ASIDE.search(candidate) is not None:
        return (
            None  # "Nigeria (70%)" among plain names: its bracket marks it as taken from elsewhere
        )
    if not adapt:
        return candidate if similar_length(answer, candidate) else None
    if answer.rstrip().endswith(".") != candidate.endswith("."):
        return None
    if not answer.lower().startswith(ARTICLES):
        candidate = strip_article(candidate)  # else an article alone would mark the odd one out
    # Keep the answer's initial case so a capital does not single out one option.
    first, *rest = candidate.split()
    if (
        answer[:1].islower()
        and first[1:].islower()
        and not is_name(candidate)
        and not (rest and rest[0][:1].isupper())  # "Holy Roman principalities"
    ):
        candidate = candidate[:1].lower() + candidate[1:]
    return candidate if similar_length(answer, candidate) else None


def list_members_like(members: Sequence[str], candidates: Iterable[tuple[int, str]]):
    """Candidates no longer than the list's own members allow: a clause from another list
    ("the conference coincided with a shift in ...") stands out among short phrases."""
    longest = max(len(m.split()) for m in members)
    return ((tier, text) for tier, text in candidates if len(text.split()) <= longest + 2)


def pick(
    answer: str,
    candidates: Iterable[tuple[int, str]],
    rng: random.Random,
    *,
    correct: Sequence[str] = (),
    vocabulary: Sequence[str] = (),
    count: int = OPTIONS,
    adapt: bool = True,
) -> list[str]:
    """Up to `count` distractors for `answer` from (tier, text) candidates in the order to
    try them (as `Pool.draw` gives them), then from the vocabulary in a seeded order.

    `correct` lists every other answer that would also be right (other members of
    the same list, other spellings); none of them, nor anything close, is picked.
    """
    chosen: list[str] = []
    known = {_stems(text) for text in (answer, *correct)}  # stemmed once, not per candidate
    for _, text in chain(candidates, ((2, word) for word in lazily_shuffled(vocabulary, rng))):
        fitted = fit_form(answer, text, adapt)
        if fitted is None or _holds_or_held(_stems(fitted), known) or _looks_like(fitted, known):
            continue
        chosen.append(fitted)
        known.add(_stems(fitted))
        if len(chosen) == count:
            break
    return chosen


def pick_dates(
    iso: str,
    candidates: Iterable[tuple[int, str]],
    rng: random.Random,
    *,
    end: str | None = None,
    correct: Sequence[str] = (),
    latest: int | None = None,
    count: int = OPTIONS,
) -> list[str]:
    """ISO dates near `iso` at the same precision: dates of the corpus (candidates in the
    order to try them, as for `pick`) first, then made-up shifts of a few years. A date inside the answer's range or in `correct` is refused,
    and so is one after the year `latest` (a text cannot report its own future)."""
    year = date_parts(iso)[0]
    last_year = date_parts(end)[0] if end else year
    refused = {iso, *correct}

    def usable(other: str) -> bool:
        other_year = date_parts(other)[0]
        return (
            precision(other) == precision(iso)
            and other not in refused
            and not year <= other_year <= last_year
            and abs(other_year - year) <= NEARBY_YEARS
            and (latest is None or other_year <= latest)
        )

    # Shuffled, so the answer is not always the middle of the options.
    shifts = [shift_years(iso, s if s < 0 else s + last_year - year) for s in DATE_SHIFTS]
    chosen: list[str] = []
    for _, other in chain(candidates, ((2, shifted) for shifted in lazily_shuffled(shifts, rng))):
        if not usable(other):
            continue
        if other not in chosen and display_date(other) not in map(display_date, chosen):
            chosen.append(other)
        if len(chosen) == count:
            break
    return chosen
