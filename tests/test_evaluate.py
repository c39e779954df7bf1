"""Tests of storylens.evaluate: metrics on hand-computed cases, and the ECB+ quality gate."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from storylens.errors import ConfigError
from storylens.evaluate import (
    adjusted_rand,
    bcubed,
    evaluate_clustering,
    pairwise,
    score_clustering,
)

ROOT = Path(__file__).resolve().parent.parent
GOLD = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"}


def _gate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_gate", ROOT / "eval" / "gate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_evaluate_bcubed_perfect() -> None:
    assert bcubed(GOLD, GOLD) == (1.0, 1.0, 1.0)


def test_evaluate_bcubed_hand_computed() -> None:
    # predicted {a,b} {c,d,e}: precision per item a,b=1; c=1/3; d,e=2/3 -> (2+1/3+4/3)/5 = 11/15
    # recall per item a,b=2/3; c=1/3; d,e=1 -> (4/3+1/3+2)/5 = 11/15
    predicted = {"a": "1", "b": "1", "c": "2", "d": "2", "e": "2"}
    p, r, f = bcubed(predicted, GOLD)
    assert p == pytest.approx(11 / 15)
    assert r == pytest.approx(11 / 15)
    assert f == pytest.approx(11 / 15)


def test_evaluate_bcubed_all_in_one() -> None:
    # precision: a,b,c 3/5, d,e 2/5 -> 13/25; recall 1
    p, r, _ = bcubed(dict.fromkeys(GOLD, "1"), GOLD)
    assert p == pytest.approx(13 / 25)
    assert r == 1.0


def test_evaluate_pairwise_hand_computed() -> None:
    predicted = {"a": "1", "b": "1", "c": "2", "d": "2", "e": "2"}
    # predicted pairs: ab, cd, ce, de = 4; gold pairs: ab, ac, bc, de = 4; shared: ab, de = 2
    assert pairwise(predicted, GOLD) == (0.5, 0.5, 0.5)


def test_evaluate_pairwise_singletons_have_precision_one() -> None:
    predicted = {k: k for k in GOLD}
    assert pairwise(predicted, GOLD) == (1.0, 0.0, 0.0)


def test_evaluate_ari_identical_and_relabelled() -> None:
    relabelled = {k: v.upper() for k, v in GOLD.items()}
    assert adjusted_rand(relabelled, GOLD) == pytest.approx(1.0)


def test_evaluate_mismatched_items_raise() -> None:
    with pytest.raises(ConfigError, match="1 gold items unclustered"):
        bcubed({"a": "1"}, {"a": "x", "b": "x"})


def test_evaluate_score_clustering_counts() -> None:
    scores = score_clustering(dict.fromkeys(GOLD, "1"), GOLD)
    assert scores["articles"] == 5
    assert scores["gold_clusters"] == 2
    assert scores["predicted_clusters"] == 1


def test_evaluate_clustering_small_file(tmp_path: Path) -> None:
    lines = [
        {
            "id": "q1",
            "cluster": "quake",
            "text": "A strong earthquake hit Velmora on Monday. "
            "Velmora officials counted damaged houses near Lake Orrin.",
        },
        {
            "id": "q2",
            "cluster": "quake",
            "text": "The Velmora earthquake damaged houses near "
            "Lake Orrin, officials in Velmora said.",
        },
        {
            "id": "f1",
            "cluster": "final",
            "text": "Kestrel United won the Tarn Cup final "
            "against Brightwater Rovers after penalties.",
        },
        {
            "id": "f2",
            "cluster": "final",
            "text": "Brightwater Rovers lost the Tarn Cup final to Kestrel United on penalties.",
        },
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    scores = evaluate_clustering(path)
    assert scores["bcubed_f1"] == 1.0


def test_evaluate_orders_spread_is_hand_computed() -> None:
    from storylens.evaluate import _spread

    # mean 0.9; sample variance ((-.1)^2 + 0 + .1^2) / 2 = 0.01 -> sd 0.1
    assert _spread([0.8, 0.9, 1.0]) == {"mean": 0.9, "sd": 0.1, "min": 0.8, "max": 1.0}


def test_evaluate_gate_refuses_to_lower(tmp_path: Path) -> None:
    gate = _gate()
    path = tmp_path / "floors.json"
    path.write_text('{"x": {"bcubed_f1": 0.9}}', encoding="utf-8")
    with pytest.raises(ValueError, match="refusing to lower the floor of x bcubed_f1"):
        gate.set_floor("x", "bcubed_f1", 0.8, path=path)
    gate.set_floor("x", "bcubed_f1", 0.8, allow_lower=True, path=path)
    gate.set_floor("x", "bcubed_f1", 0.95, path=path)
    assert gate.load_floors(path) == {"x": {"bcubed_f1": 0.95}}


CASES = {
    "ecbplus_dev": {"splits": {"dev"}},
    "ecbplus_all": {},
    "ecbplus_all_shuffled": {"seed": 13},
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_evaluate_ecbplus_meets_floors(name: str, ecbplus_dir: Path) -> None:
    scores = evaluate_clustering(ecbplus_dir / "docs.jsonl", **CASES[name])  # type: ignore[arg-type]
    sys.stdout.write(f"\n{name}: {json.dumps(scores)}\n")
    gate = _gate()
    assert gate.below_floor(scores, gate.load_floors()[name]) == []
