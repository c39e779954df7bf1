"""Benchmark: adding a few articles to a store that already holds many (the online case).

    .venv/bin/python bench/bench_incremental.py                   # 2,000 and 20,000 stored
    .venv/bin/python bench/bench_incremental.py --sizes 20000 --new 10

For each size, a store is filled with that many articles from the corpus of
``bench_cluster.py`` (ingest, then one clustering run), then ``--new`` more articles are
ingested and a second clustering run (``storylens.stories.update_stories``, what ``storylens
ingest`` runs after storing) is timed: only the new articles are hashed for duplicates and
assigned to stories, but every story record is rewritten. Prints a table and writes
bench/results/incremental.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from bench_cluster import build_corpus  # noqa: E402 (after path setup)

from storylens.pipeline import ingest  # noqa: E402
from storylens.store import open_store  # noqa: E402
from storylens.stories import update_stories  # noqa: E402


def _write(records: list[dict[str, Any]], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record) + "\n")
    return path


def one_size(size: int, new: int) -> dict[str, Any]:
    """Fill a store with ``size`` articles, then time adding ``new`` more."""
    records = build_corpus(size + new, seed=7)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = open_store(folder / "bench.db")
        t0 = time.perf_counter()
        ingest([_write(records[:size], folder / "first.jsonl")], store)
        update_stories(store)
        first = time.perf_counter() - t0
        t1 = time.perf_counter()
        ingest([_write(records[size:], folder / "more.jsonl")], store)
        t2 = time.perf_counter()
        run = update_stories(store)
        t3 = time.perf_counter()
        store.close()
    return {
        "stored": size,
        "new": new,
        "first_run_s": round(first, 2),
        "add_ingest_s": round(t2 - t1, 2),
        "add_cluster_s": round(t3 - t2, 2),
        "assigned": run.assigned,
    }


def main() -> int:
    """Run each size; print a table and write bench/results/incremental.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--new", type=int, default=10)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "incremental.json")
    args = parser.parse_args()
    results = [one_size(size, args.new) for size in args.sizes]
    print(" stored  new  first run s  add: ingest s  add: cluster s")
    for r in results:
        print(
            f"{r['stored']:7d} {r['new']:4d} {r['first_run_s']:12.2f} {r['add_ingest_s']:14.2f}"
            f" {r['add_cluster_s']:15.2f}"
        )
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
