"""Benchmark the sentence encoder and claim alignment.

Prints encoder load time, sentences per second (wall and CPU, one thread unless
``STORYLENS_THREADS`` says otherwise), and alignment time for the seed pair and for a
20-article story built from ECB+ documents. Run: ``python bench/bench_embed.py``.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def _shared() -> Path:
    return Path(os.environ.get("STORYLENS_SHARED", ROOT.parent / "shared"))


def _timed(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def _seed_articles() -> list:  # type: ignore[type-arg]
    import conftest

    paths = sorted((_shared() / "seeds").glob("*.txt"))
    try:
        from storylens.clean import clean
        from storylens.model import RawDocument
    except ImportError:
        return [conftest._naive_article(p) for p in paths]
    return [
        clean(
            RawDocument(
                source=str(p), text=p.read_text(encoding="utf-8"), meta={"filename": p.name}
            )
        )
        for p in paths
    ]


def _ecb_articles(n: int) -> list:  # type: ignore[type-arg]
    from storylens.model import Article, Paragraph, content_hash

    docs = []
    with (_shared() / "data" / "ecbplus" / "docs.jsonl").open(encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            if doc["cluster"] == "1_ecbplus" or (len(docs) < n and doc["topic"] == 1):
                docs.append(doc)
    out = []
    for doc in docs[:n]:
        paras = tuple(
            Paragraph(s["start"], s["end"], sentences=((s["start"], s["end"]),))
            for s in doc["sentences"]
        )
        out.append(Article(doc["id"], doc["text"], paras, content_hash(doc["text"])))
    return out


def main() -> None:
    from storylens import embed
    from storylens.analyze.align import align_claims, claim_units

    encoder, load_wall, _ = _timed(embed.load_encoder)
    print(f"encoder load ({encoder.backend_name}, {embed.threads()} thread(s)): {load_wall:.2f} s")
    articles = _seed_articles()
    sentences = [a.text_of(s) for a in articles for s in claim_units(a)]
    encoder.encode(sentences[:5])
    _, wall, cpu = _timed(encoder.encode, sentences * 5)
    n = len(sentences) * 5
    print(
        f"encode: {n / wall:.0f} sentences/s wall, {n / cpu:.0f} per CPU-second "
        f"({len(sentences)} seed units x 5)"
    )
    embed._cache.clear()
    _, wall, _ = _timed(align_claims, articles)
    print(f"align seed pair ({len(sentences)} units), embeddings not cached: {wall:.3f} s")
    _, wall, _ = _timed(align_claims, articles)
    print(f"align seed pair, embeddings cached: {wall:.3f} s")
    story = _ecb_articles(20)
    units = sum(len(claim_units(a)) for a in story)
    _, wall, _ = _timed(align_claims, story)
    print(f"align {len(story)} articles ({units} units), embeddings not cached: {wall:.2f} s")
    _, wall, _ = _timed(align_claims, story)
    print(f"align {len(story)} articles, embeddings cached: {wall:.2f} s")


if __name__ == "__main__":
    main()
