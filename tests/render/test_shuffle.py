import random

import pytest

from quizgen.render.shuffle import rng_for, shuffled


@pytest.mark.parametrize("seed", range(20))
def test_shuffled_never_gives_the_order_back(seed):
    items = ["a", "b", "c"]
    result = shuffled(items, random.Random(seed))
    assert result != items and sorted(result) == items


def test_rng_for_depends_on_seed_and_question_only():
    assert rng_for(3, "mc-1").random() == rng_for(3, "mc-1").random()
    assert rng_for(3, "mc-1").random() != rng_for(4, "mc-1").random()
