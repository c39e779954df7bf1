"""Clustering metrics and the story-clustering evaluation runner.

Metrics compare a predicted clustering with a gold one, both given as ``{item: cluster}``:
B-cubed precision/recall/F1 (Bagga and Baldwin 1998: per item, the share of its predicted
cluster that is in its gold cluster, and the other way round, averaged over items), pairwise
precision/recall/F1 over pairs of items put together, and the adjusted Rand index.

:func:`evaluate_clustering` reads a labelled JSON Lines file (``id``, ``text``, gold ``cluster``;
optional ``title``, ``published``, ``url``), clusters it online from an empty state in file
order (or shuffled with a fixed seed), and returns the metrics. :func:`evaluate_orders` does
the same in the file order and in ``n`` shuffled orders, and summarises each metric over the
shuffled ones (mean, standard deviation, lowest, highest): online clustering depends on the
order articles arrive in, and one order is one draw.
"""

from __future__ import annotations

import json
import random
import statistics
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path
from typing import Any

from sklearn.metrics import adjusted_rand_score

from storylens.cluster import ClusterOptions, ClusterState, assign, merge_split
from storylens.errors import ConfigError
from storylens.model import Article, Paragraph, content_hash

__all__ = [
    "adjusted_rand",
    "article_from_record",
    "bcubed",
    "cluster_online",
    "evaluate_clustering",
    "evaluate_orders",
    "pairwise",
    "read_labelled",
    "score_clustering",
]


def _check_same_items(predicted: Mapping[str, str], gold: Mapping[str, str]) -> None:
    """Raise ConfigError when the two clusterings do not cover the same items."""
    if predicted.keys() != gold.keys():
        missing = len(gold.keys() - predicted.keys())
        extra = len(predicted.keys() - gold.keys())
        msg = (
            f"predicted and gold clusterings differ: {missing} gold items unclustered, "
            f"{extra} predicted items not in gold; cluster exactly the gold items"
        )
        raise ConfigError(msg)


def _f1(precision: float, recall: float) -> float:
    """Harmonic mean, 0 when both are 0."""
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def bcubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed (precision, recall, F1) of ``predicted`` against ``gold``.

    >>> bcubed({"a": "1", "b": "1", "c": "2"}, {"a": "x", "b": "y", "c": "y"})
    (0.6666666666666666, 0.6666666666666666, 0.6666666666666666)
    """
    _check_same_items(predicted, gold)
    if not gold:
        return 0.0, 0.0, 0.0
    cells = Counter((predicted[i], gold[i]) for i in gold)
    pred_sizes = Counter(predicted.values())
    gold_sizes = Counter(gold.values())
    precision = sum(n * n / pred_sizes[p] for (p, _), n in cells.items()) / len(gold)
    recall = sum(n * n / gold_sizes[g] for (_, g), n in cells.items()) / len(gold)
    return precision, recall, _f1(precision, recall)


def _pairs(sizes: Iterable[int]) -> int:
    """Number of unordered pairs inside groups of these sizes."""
    return sum(n * (n - 1) // 2 for n in sizes)


def pairwise(predicted: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """Pairwise (precision, recall, F1) over item pairs clustered together.

    A clustering of singletons has no pairs: its precision is defined as 1.0.

    >>> pairwise({"a": "1", "b": "1", "c": "1"}, {"a": "x", "b": "x", "c": "y"})
    (0.3333333333333333, 1.0, 0.5)
    """
    _check_same_items(predicted, gold)
    together = _pairs(Counter((predicted[i], gold[i]) for i in gold).values())
    predicted_pairs = _pairs(Counter(predicted.values()).values())
    gold_pairs = _pairs(Counter(gold.values()).values())
    precision = together / predicted_pairs if predicted_pairs else 1.0
    recall = together / gold_pairs if gold_pairs else 1.0
    return precision, recall, _f1(precision, recall)


def adjusted_rand(predicted: Mapping[str, str], gold: Mapping[str, str]) -> float:
    """Adjusted Rand index (scikit-learn's), 1.0 for identical clusterings."""
    _check_same_items(predicted, gold)
    items = sorted(gold)
    return float(adjusted_rand_score([gold[i] for i in items], [predicted[i] for i in items]))


def score_clustering(
    predicted: Mapping[str, str], gold: Mapping[str, str]
) -> dict[str, float | int]:
    """Every metric in one flat dictionary, with item and cluster counts."""
    b_p, b_r, b_f = bcubed(predicted, gold)
    p_p, p_r, p_f = pairwise(predicted, gold)
    return {
        "articles": len(gold),
        "gold_clusters": len(set(gold.values())),
        "predicted_clusters": len(set(predicted.values())),
        "bcubed_precision": round(b_p, 4),
        "bcubed_recall": round(b_r, 4),
        "bcubed_f1": round(b_f, 4),
        "pairwise_precision": round(p_p, 4),
        "pairwise_recall": round(p_r, 4),
        "pairwise_f1": round(p_f, 4),
        "ari": round(adjusted_rand(predicted, gold), 4),
    }


def article_from_record(record: Mapping[str, Any]) -> Article:
    """An Article built straight from a labelled record (paragraphs = non-empty lines).

    Stands in for ``storylens.clean.clean`` on already clean evaluation text. The gold
    cluster is deliberately not copied into the article.
    """
    text = str(record["text"])
    paragraphs = []
    start = 0
    for line in text.split("\n"):
        if line.strip():
            paragraphs.append(Paragraph(start, start + len(line)))
        start += len(line) + 1
    return Article(
        id=str(record["id"]),
        text=text,
        paragraphs=tuple(paragraphs),
        content_hash=content_hash(text),
        title=record.get("title"),
        url=record.get("url"),
        published=record.get("published"),
    )


def read_labelled(path: Path, *, splits: Collection[str] | None = None) -> list[dict[str, Any]]:
    """Labelled records from a JSON Lines file, optionally only those whose ``split`` is given."""
    records = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            if not {"id", "text", "cluster"} <= record.keys():
                msg = f"{path}:{number}: a labelled line needs id, text and cluster fields"
                raise ConfigError(msg)
            seen.add(str(record.get("split")))
            if splits is None or record.get("split") in splits:
                records.append(record)
    if splits is not None and not records:
        found = ", ".join(sorted(seen - {"None"})) or "none"
        msg = (
            f"{path}: no line has split {' or '.join(sorted(splits))}"
            f" (splits in the file: {found}): check the --split value"
        )
        raise ConfigError(msg)
    return records


def cluster_online(
    articles: list[Article],
    *,
    batch_size: int = 25,
    merge_every: int = 200,
    options: ClusterOptions | None = None,
) -> ClusterState:
    """Cluster articles as an ingest would: batches in order, a merge/split pass now and then."""
    state = ClusterState()
    since_merge = 0
    for start in range(0, len(articles), batch_size):
        state, _ = assign(articles[start : start + batch_size], state, options=options)
        since_merge += batch_size
        if since_merge >= merge_every:
            state, _ = merge_split(state, options=options)
            since_merge = 0
    state, _ = merge_split(state, options=options)
    return state


def evaluate_clustering(
    path: Path,
    *,
    splits: Collection[str] | None = None,
    seed: int | None = None,
    options: ClusterOptions | None = None,
) -> dict[str, float | int]:
    """Cluster a labelled JSON Lines file online from an empty state and score it.

    ``splits`` keeps only records whose ``split`` field is listed; ``seed`` shuffles the file
    order (to check that the result does not depend on it).
    """
    return _score_order(read_labelled(path, splits=splits), seed, options)


def _score_order(
    records: list[dict[str, Any]], seed: int | None, options: ClusterOptions | None
) -> dict[str, float | int]:
    """Cluster ``records`` online in file order, or shuffled with ``seed``, and score them."""
    ordered = list(records)
    if seed is not None:
        random.Random(seed).shuffle(ordered)
    gold = {str(r["id"]): str(r["cluster"]) for r in ordered}
    state = cluster_online([article_from_record(r) for r in ordered], options=options)
    predicted = {aid: entry.story for aid, entry in state.articles.items()}
    return score_clustering(predicted, gold)


def evaluate_orders(
    path: Path,
    orders: int,
    *,
    splits: Collection[str] | None = None,
    options: ClusterOptions | None = None,
) -> dict[str, Any]:
    """Scores in the file order and summarised over ``orders`` shuffled orders (seeds 1..n).

    Returns ``{"file_order": scores, "orders": n, "shuffled": {metric: {"mean", "sd", "min",
    "max"}}}`` for every metric but the article and gold cluster counts.
    """
    if orders < 2:
        msg = (
            f"{orders} shuffled orders asked for: give at least 2 (--orders 2), so that their"
            " spread can be measured"
        )
        raise ConfigError(msg)
    records = read_labelled(path, splits=splits)
    runs = [_score_order(records, seed, options) for seed in (None, *range(1, orders + 1))]
    fixed = {"articles", "gold_clusters"}
    shuffled = {
        metric: _spread([float(run[metric]) for run in runs[1:]])
        for metric in runs[0]
        if metric not in fixed
    }
    return {"file_order": runs[0], "orders": orders, "shuffled": shuffled}


def _spread(values: list[float]) -> dict[str, float]:
    """Mean, sample standard deviation, lowest and highest of ``values`` (two or more)."""
    return {
        "mean": round(statistics.mean(values), 4),
        "sd": round(statistics.stdev(values), 4),
        "min": round(min(values), 4),
        "max": round(max(values), 4),
    }
