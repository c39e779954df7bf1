"""Benchmark: ingest + dedup + online story clustering, end to end, against a baseline.

    .venv/bin/python bench/bench_cluster.py                 # 2,000 and 20,000 articles
    .venv/bin/python bench/bench_cluster.py --sizes 2000 20000 100000

Each size: the corpus is written to a JSON Lines file, read and cleaned with
``storylens.pipeline.iter_articles`` (ingest), then deduplicated (signatures + grouping) and
clustered online (batches of 500, a merge/split pass every 5,000). Prints a table and writes
bench/results/cluster.json.

The corpus is built from the ECB+ texts (read at run time from ../shared, never copied) plus a
generator: exact copies, edited copies (new headline, a paragraph cut, a local quote added) and
distinct stories (an ECB+ text whose capitalised words are replaced by invented names unique to
the story, with a few reworded variants: same kind of event, other people and places). Each size
runs in a fresh process so peak memory (ru_maxrss) is its own. Baselines on the same machine in
the same run: scikit-learn TF-IDF + average-linkage AgglomerativeClustering (all pairs, so on a
sample it can handle) and datasketch alone (MinHash with its default SHA-1 hashing + LSH).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from storylens.cluster import ClusterState, assign, merge_split  # noqa: E402 (after path setup)
from storylens.dedup import group_duplicates, signature  # noqa: E402
from storylens.evaluate import article_from_record  # noqa: E402
from storylens.model import Article  # noqa: E402
from storylens.pipeline import iter_articles  # noqa: E402

ECB = ROOT.parent / "shared" / "data" / "ecbplus" / "docs.jsonl"
SYLLABLES = ["ka", "lo", "mi", "ren", "tu", "vas", "el", "dor", "pi", "nak", "sul", "ber", "an"]
CAPITAL = re.compile(r"\b[A-Z][a-z]+\b")


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _variant(lines: list[str], rng: random.Random) -> list[str]:
    """A reworded variant: some lines dropped, the rest in a slightly different order."""
    kept = [line for line in lines if rng.random() > 0.25] or lines[:1]
    if len(kept) > 3:
        i = rng.randrange(1, len(kept) - 1)
        kept[i], kept[i + 1] = kept[i + 1], kept[i]
    return kept


def _distinct_story(base: str, rng: random.Random) -> list[str]:
    """An invented event of the same kind as ``base``: every capitalised word renamed."""
    mapping: dict[str, str] = {}
    renamed = CAPITAL.sub(lambda m: mapping.setdefault(m.group(), _name(rng)), base)
    return renamed.split("\n")


def _edited_copy(lines: list[str], rng: random.Random) -> list[str]:
    copy = list(lines)
    copy[0] = f"{_name(rng)} {_name(rng)}: {copy[0]}"
    if len(copy) > 4:
        del copy[rng.randrange(1, len(copy))]
    copy.insert(min(2, len(copy)), f'"We are {_name(rng).lower()} here," said {_name(rng)}.')
    return copy


def build_corpus(size: int, seed: int = 0) -> list[dict[str, Any]]:
    """``size`` records: ECB+ texts, distinct invented stories, copies and edited copies."""
    rng = random.Random(seed)
    base = [json.loads(line)["text"] for line in ECB.open(encoding="utf-8")]
    records: list[dict[str, Any]] = [{"id": f"ecb{i}", "text": t} for i, t in enumerate(base)]
    n = 0
    while len(records) < size:
        n += 1
        kind = rng.random()
        if kind < 0.1:
            text = rng.choice(records)["text"]
        elif kind < 0.25:
            text = "\n".join(_edited_copy(rng.choice(records)["text"].split("\n"), rng))
        else:
            story = _distinct_story(rng.choice(base), rng)
            for _ in range(rng.randint(1, 4)):
                records.append(
                    {"id": f"g{n}-{len(records)}", "text": "\n".join(_variant(story, rng))}
                )
            continue
        records.append({"id": f"g{n}", "text": text})
    return records[:size]


def run_storylens(articles: list[Article], ingest_s: float = 0.0) -> dict[str, float]:
    """Dedup (map + group) and online clustering in batches of 500; returns timings."""
    t0 = time.perf_counter()
    groups = group_duplicates([signature(a) for a in articles])
    t1 = time.perf_counter()
    state = ClusterState()
    for start in range(0, len(articles), 500):
        state, _ = assign(articles[start : start + 500], state)
        if (start + 500) % 5000 == 0:
            state, _ = merge_split(state)
    state, _ = merge_split(state)
    t2 = time.perf_counter()
    return {
        "ingest_s": round(ingest_s, 2),
        "dedup_s": round(t1 - t0, 2),
        "cluster_s": round(t2 - t1, 2),
        "end_to_end_per_s": round(len(articles) / (t2 - t0 + ingest_s), 1),
        "dedup_plus_cluster_per_s": round(len(articles) / (t2 - t0), 1),
        "cluster_per_s": round(len(articles) / (t2 - t1), 1),
        "origin_groups": len(groups),
        "stories": len(state.stories),
    }


def run_sklearn(records: list[dict[str, Any]]) -> dict[str, float]:
    """Baseline: TF-IDF + average-linkage agglomerative clustering (all pairs)."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    t0 = time.perf_counter()
    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(
        [r["text"] for r in records]
    )
    labels = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=0.8
    ).fit_predict(matrix.toarray())
    elapsed = time.perf_counter() - t0
    return {"per_s": round(len(records) / elapsed, 1), "clusters": int(labels.max() + 1)}


def run_datasketch(records: list[dict[str, Any]]) -> dict[str, float]:
    """Baseline: datasketch alone (default SHA-1 hashing, update_batch, LSH at 0.5)."""
    from datasketch import MinHash, MinHashLSH

    from storylens.features import shingles

    t0 = time.perf_counter()
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    pairs = 0
    for r in records:
        minhash = MinHash(num_perm=128)
        minhash.update_batch([s.encode("utf-8") for s in shingles(r["text"])])
        pairs += len(lsh.query(minhash))
        lsh.insert(r["id"], minhash)
    elapsed = time.perf_counter() - t0
    return {"per_s": round(len(records) / elapsed, 1), "candidate_pairs": pairs}


def ingest(records: list[dict[str, Any]]) -> tuple[list[Article], float]:
    """Write the records as JSON Lines, then read and clean them as ``storylens ingest`` does."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record) + "\n")
        t0 = time.perf_counter()
        articles = list(iter_articles([path]))
        return articles, time.perf_counter() - t0


def one_size(size: int, baseline_sample: int) -> dict[str, Any]:
    """Measure one corpus size in this process."""
    records = build_corpus(size)
    articles, ingest_s = ingest(records)
    result: dict[str, Any] = {"articles": size, "ingested": len(articles)}
    result["storylens"] = run_storylens(articles, ingest_s)
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    if baseline_sample:
        sample = records[:baseline_sample]
        sample_articles = [article_from_record(r) for r in sample]
        result["baseline_sample"] = len(sample)
        result["storylens_on_sample"] = run_storylens(sample_articles)
        result["sklearn_tfidf_agglomerative"] = run_sklearn(sample)
        result["ratio_vs_sklearn"] = round(
            result["storylens_on_sample"]["dedup_plus_cluster_per_s"]
            / result["sklearn_tfidf_agglomerative"]["per_s"],
            2,
        )
        result["datasketch_alone"] = run_datasketch(records)
    return result


def table(results: list[dict[str, Any]]) -> str:
    """The results as a plain-text table."""
    head = (
        f"{'articles':>9} {'ingest s':>9} {'dedup s':>8} {'cluster s':>9} {'e2e/s':>7} "
        f"{'dedup+cl/s':>10} {'peak MB':>8} {'stories':>8} {'vs sklearn':>10}"
    )
    lines = [head]
    for r in results:
        s = r["storylens"]
        ratio = r.get("ratio_vs_sklearn")
        lines.append(
            f"{r['articles']:>9} {s['ingest_s']:>9} {s['dedup_s']:>8} {s['cluster_s']:>9} "
            f"{s['end_to_end_per_s']:>7} {s['dedup_plus_cluster_per_s']:>10} "
            f"{r['peak_rss_mb']:>8} {s['stories']:>8} {'' if ratio is None else ratio:>10}"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    """Run each size in a child process; print a table and write bench/results/cluster.json."""
    parser = argparse.ArgumentParser(description="storylens ingest + dedup + clustering benchmark")
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--baseline-sample", type=int, default=4000)
    parser.add_argument("--baseline-at", type=int, default=20000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "cluster.json")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        sample = args.baseline_sample if args.one == args.baseline_at else 0
        sys.stdout.write(json.dumps(one_size(args.one, sample)) + "\n")
        return
    results = []
    for size in args.sizes:
        cmd = [
            sys.executable,
            __file__,
            "--one",
            str(size),
            "--baseline-sample",
            str(args.baseline_sample),
            "--baseline-at",
            str(args.baseline_at),
        ]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        results.append(json.loads(out))
        sys.stderr.write(f"done {size}\n")
    sys.stdout.write(table(results))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
