"""Benchmark: `compare` on the seed pair (cold and warm) and on a 20-article story.

- cold: a new process runs `storylens compare SEEDS --format json` (imports, models loaded);
- warm: the library call `compare(articles)` again in a process that has run it once
  (models loaded, nothing cached for these texts: the embedding cache is cleared);
- 20 articles: the largest ECB+ story, first 20 articles, warm.
Peak memory is the max RSS of the process.

Run:  .venv/bin/python bench/bench_compare.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _cold(seeds: Path) -> dict[str, float]:
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "storylens", "compare", str(seeds), "--format", "json"],
        check=True,
        capture_output=True,
    )
    seconds = time.perf_counter() - start
    assert out.stdout.startswith(b"{")
    return {"cold_seconds": round(seconds, 2)}


def _articles(paths: list[Path]) -> list[object]:
    from storylens.pipeline import iter_articles

    return list(iter_articles(paths))


def _clear_caches() -> None:
    from storylens import embed

    embed._cache.clear()  # a fresh text costs what a new article costs


def _warm(articles: list[object], repeat: int = 5) -> float:
    from storylens.compare import compare

    compare(articles)  # type: ignore[arg-type]  # Articles from iter_articles
    times = []
    for _ in range(repeat):
        _clear_caches()
        start = time.perf_counter()
        compare(articles)  # type: ignore[arg-type]  # Articles from iter_articles
        times.append(time.perf_counter() - start)
    return round(sorted(times)[len(times) // 2], 3)


def _story20(docs: Path, tmp: Path) -> Path:
    records = [json.loads(line) for line in docs.read_text(encoding="utf-8").splitlines()]
    biggest, _ = Counter(r["cluster"] for r in records).most_common(1)[0]
    chosen = [r for r in records if r["cluster"] == biggest][:20]
    path = tmp / "story20.jsonl"
    path.write_text(
        "".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in chosen),
        encoding="utf-8",
    )
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("STORYLENS_SHARED", str(ROOT.parent / "shared"))
    parser.add_argument("--shared", default=default)
    args = parser.parse_args()
    shared = Path(args.shared)
    seeds = shared / "seeds"
    result: dict[str, object] = {"case": "seed pair"} | _cold(seeds)
    seed_articles = _articles(sorted(seeds.glob("*.txt")))
    result["warm_seconds"] = _warm(seed_articles)
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        story = _articles([_story20(shared / "data" / "ecbplus" / "docs.jsonl", Path(tmp))])
    result["story20_articles"] = len(story)
    result["story20_warm_seconds"] = _warm(story, repeat=3)
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
