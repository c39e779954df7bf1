"""Fixtures shared by every test. Real data is read from ../shared at test time.

Set STORYLENS_SHARED to point elsewhere; tests that need it skip with a visible reason
when it is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _shared_dir() -> Path:
    return Path(os.environ.get("STORYLENS_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ../shared folder (seeds, gold, evaluation data); skips when it is absent."""
    path = _shared_dir()
    if not (path / "seeds").is_dir():
        pytest.skip(f"real data not found at {path}: set STORYLENS_SHARED to the shared/ folder")
    return path


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    """The two seed articles (TRT World and BBC on Lashkar Gah)."""
    return shared_dir / "seeds"


@pytest.fixture(scope="session")
def gold_lashkar_gah(shared_dir: Path) -> dict[str, object]:
    """The hand annotation of the seed pair."""
    import json

    data: dict[str, object] = json.loads(
        (shared_dir / "gold" / "lashkar-gah.json").read_text(encoding="utf-8")
    )
    return data


@pytest.fixture(scope="session")
def ecbplus_dir(shared_dir: Path) -> Path:
    """ECB+ train and dev topics as JSON Lines."""
    path = shared_dir / "data" / "ecbplus"
    if not (path / "docs.jsonl").is_file():
        pytest.skip(f"ECB+ data not found at {path}")
    return path


@pytest.fixture(scope="session")
def seed_articles(seeds_dir: Path) -> list[object]:
    """The two seed articles, cleaned: [TRT World, BBC] (gold's 'a' and 'b')."""
    from storylens.clean import clean
    from storylens.model import Article, RawDocument

    paths = sorted(seeds_dir.glob("*.txt"))
    out: list[object] = []
    for p in paths:
        raw = RawDocument(
            source=str(p), text=p.read_text(encoding="utf-8"), meta={"filename": p.name}
        )
        article = clean(raw)
        assert isinstance(article, Article), article
        out.append(article)
    return out
