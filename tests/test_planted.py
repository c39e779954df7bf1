"""The planted-truth regression set (eval/planted): scores printed, floors that only go up.

Fictional stories written during user trials, with the truths their writers planted (see
eval/planted.py and docs/quality.md). Seen during development: a regression guard, not a
held-out measure.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIDELITIES = {"single", "verbatim", "punctuation", "fragment", "reworded", "other-speaker"}
REASONS = {
    "different-thing",
    "different-stance",
    "different-place",
    "different-scope",
    "different-period",
    "different-source",
    "ranges-overlap",
    "also-given",  # the article giving one figure gives the other too (a first estimate and
    # its revision, user trial 113)
}


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_planted", ROOT / "eval" / "planted.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def planted() -> ModuleType:
    return _load()


@pytest.fixture(scope="module")
def result(planted: ModuleType) -> Any:
    return planted.score_all()


def _mentions(story: dict[str, Any]) -> list[dict[str, Any]]:
    """Every substring a story's truths point to."""
    found = [t[k] for t in story["conflicts"] + story["not_conflicts"] for k in ("a", "b")]
    found += [t["fact"] for t in story["omissions"]]
    found += [m for t in story["shared"] + story["quotes"] for m in t["mentions"]]
    found += story["unique"]
    return found


def test_planted_every_truth_is_located(planted: ModuleType) -> None:
    for story in planted.load_stories():
        articles = {r["id"]: planted.article(r) for r in story["articles"]}
        for mention in _mentions(story):
            span = planted.locate(articles, mention)
            assert articles[span.article].text_of(span) == mention["text"]


def test_planted_truths_are_well_formed(planted: ModuleType) -> None:
    for story in planted.load_stories():
        texts = {r["id"]: r["text"] for r in story["articles"]}
        ids = [t["id"] for key in planted.TRUTH_KEYS for t in story[key]]
        assert len(ids) == len(set(ids)), story["story"]
        for truth in story["not_conflicts"]:
            assert set(truth.get("reasons", [])) <= REASONS, truth["id"]
        for truth in story["omissions"]:
            assert truth["fact"]["article"] != truth["article"], truth["id"]
            assert truth["fact"]["text"] not in texts[truth["article"]], truth["id"]
        for truth in story["shared"]:
            outlets = [m["article"] for m in truth["mentions"]]
            assert len(outlets) == len(set(outlets)) >= 2, truth["id"]
        for truth in story["quotes"]:
            for m in truth["mentions"]:
                given = m.get("fidelity", [])
                assert set([given] if isinstance(given, str) else given) <= FIDELITIES
        for truth in story["same_origin"]:
            assert set(truth["articles"]) <= set(texts), truth["id"]


def test_planted_scores_meet_floors(planted: ModuleType, result: Any) -> None:
    print("\n" + planted.table(result))
    assert planted.below_floors(result, planted.load_floors()) == []


def test_planted_floors_cover_every_category_within_its_total(
    planted: ModuleType, result: Any
) -> None:
    floors = planted.load_floors()
    assert set(floors) == set(planted.CATEGORIES)
    for category, floor in floors.items():
        assert 0 <= floor <= result.total[category], category


def test_planted_raise_floors_never_lowers(
    planted: ModuleType, result: Any, tmp_path: Path
) -> None:
    path = tmp_path / "floors.json"
    high = dict.fromkeys(planted.CATEGORIES, 10_000)
    path.write_text(json.dumps({"about": "test", "floors": high}), encoding="utf-8")
    assert planted.raise_floors(result, path) == []
    assert planted.load_floors(path) == high
    path.write_text(json.dumps({"about": "test", "floors": {}}), encoding="utf-8")
    changes = planted.raise_floors(result, path)
    assert planted.load_floors(path) == {c: result.found[c] for c in planted.CATEGORIES}
    assert len(changes) == sum(1 for c in planted.CATEGORIES if result.found[c] > 0)


def test_planted_json_output_lists_scores_and_misses(
    planted: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    assert planted.main(["--json", "--story", "lanne-bridge"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["stories"] == 1
    assert set(data["scores"]) == set(planted.CATEGORIES)
    assert data["scores"]["shared"]["total"] == 4
    assert all(set(m) == {"category", "story", "truth", "detail"} for m in data["misses"])


def test_planted_unknown_story_is_named(planted: ModuleType) -> None:
    with pytest.raises(ValueError, match="no planted story named nowhere"):
        planted.load_stories(["nowhere"])
