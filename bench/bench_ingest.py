"""Benchmark: ingest (read + clean + store) throughput and peak memory.

Measures two inputs, each in a fresh process so peak memory (max RSS) is its own:
  - the ECB+ articles (../shared/data/ecbplus/docs.jsonl, 772 articles);
  - a 20,000-article JSON Lines file generated from those texts (each text with a
    numbered suffix paragraph, so every article is distinct).

Run:  .venv/bin/python bench/bench_ingest.py [--shared ../shared] [--n 20000]
Prints one JSON line per run: articles, seconds, articles_per_second, peak_rss_mb.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_corpus(docs: Path, out: Path, n: int) -> None:
    """Write n distinct articles cycling over the ECB+ texts."""
    records = [json.loads(line) for line in docs.read_text(encoding="utf-8").splitlines()]
    with out.open("w", encoding="utf-8") as f:
        for i in range(n):
            rec = records[i % len(records)]
            text = rec["text"] + f"\n\nThis is generated copy number {i} of the article."
            row = {"id": f"gen-{i:06d}", "text": text, "url": rec.get("url")}
            f.write(json.dumps(row) + "\n")


def run_one(path: Path) -> dict[str, float]:
    """Ingest one file into a new store in this process; return timing and memory."""
    from storylens.pipeline import ingest
    from storylens.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        with open_store(Path(tmp) / "bench.db") as store:
            stats = ingest([path], store)
        seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "file": path.name,
        "articles": stats.stored,
        "seconds": round(seconds, 2),
        "articles_per_second": round(stats.stored / seconds, 1),
        "peak_rss_mb": round(peak_mb, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared", default=os.environ.get("STORYLENS_SHARED", ROOT.parent / "shared")
    )
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(Path(args.one))))
        return
    docs = Path(args.shared) / "data" / "ecbplus" / "docs.jsonl"
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / f"generated-{args.n}.jsonl"
        build_corpus(docs, big, args.n)
        for path in (docs, big):
            out = subprocess.run(
                [sys.executable, __file__, "--one", str(path)],
                check=True,
                capture_output=True,
                text=True,
            )
            print(out.stdout.strip())


if __name__ == "__main__":
    main()
