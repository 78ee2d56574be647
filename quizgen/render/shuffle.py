"""Seeded shuffles shared by the renderers: the same seed and question give the same order."""

from __future__ import annotations

import random
from typing import TypeVar

T = TypeVar("T")


def rng_for(seed: int, question_id: str) -> random.Random:
    """One generator per question, so a shuffle does not depend on what else is in the bank."""
    return random.Random(f"{seed}:{question_id}")


def shuffled(items: list[T], rng: random.Random) -> list[T]:
    """A shuffle that never hands back the original order (that would give the answer away)."""
    result = list(items)
    if len(set(items)) < 2:
        return result
    while result == items:
        rng.shuffle(result)
    return result
