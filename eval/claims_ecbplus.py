"""Claim alignment scored on ECB+, and the calibration of the alignment weights and thresholds.

The measure. Each ECB+ story (gold ``cluster``: one topic holds two stories) is aligned as one
story with :func:`storylens.analyze.align.align_claims`. A sentence is *evaluated* when it
holds at least one annotated event mention (only those are annotated for events). Two
evaluated sentences in different articles of the same story are a *gold pair* when they share
an event mention cluster that is cross-document (not ``SINGLETON_*`` or ``INTRA_*``). They are
a *predicted pair* when one claim has a mention in each (a clause counts as its sentence).
Precision = gold predicted pairs / predicted pairs; recall = gold predicted pairs / gold pairs,
both summed over all stories of a split (micro average).

Run ``python eval/claims_ecbplus.py`` for the dev scores, ``--calibrate`` to refit the logistic
weights and the ``link`` threshold on the train topics (prints the values to put in
``align.py``), ``--calibrate-facts`` to fit the pair model on the fictional fact-level train
stories ``eval/claims_facts_train.json`` (cross-validated; not shipped, see
:func:`calibrate_facts`), ``--paraphrase`` to score the fictional fact-level set
``eval/claims_paraphrase.json`` (two invented reports per story with hand-labelled same-fact
sentence pairs: a fact-level check that ECB+'s event-level labels cannot give), ``--compound``
to score ``eval/claims_compound.json`` (the same, written by a helper that saw no code: long
compound sentences, hard negatives, few shared words).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from storylens.analyze._pairs import FEATURES
from storylens.analyze.align import AlignOptions, align_claims, claim_units, pair_features
from storylens.model import Article, Paragraph, content_hash

ROOT = Path(__file__).resolve().parent.parent
FLOORS = ROOT / "eval" / "claims_floors.json"
PARAPHRASE = ROOT / "eval" / "claims_paraphrase.json"
COMPOUND = ROOT / "eval" / "claims_compound.json"
FACTS_TRAIN = ROOT / "eval" / "claims_facts_train.json"
LINKS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
FOLDS = 7  # cross-validation folds over the fact-level train stories

Pair = tuple[str, str]  # two sentence keys "doc#sent", sorted


@dataclass(frozen=True)
class Story:
    """One ECB+ story: its articles, evaluated sentences and gold pairs."""

    id: str
    articles: list[Article]
    sentences: dict[str, list[tuple[int, int, str]]]  # doc -> (start, end, key), evaluated
    gold: set[Pair]


@dataclass(frozen=True)
class Scores:
    """Pair counts and the measures over them."""

    predicted: int
    gold: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def f05(self) -> float:
        """F0.5: precision weighs twice as much as recall (a wrong merge hides a fact)."""
        p, r = self.precision, self.recall
        return 1.25 * p * r / (0.25 * p + r) if p + r else 0.0


def shared_dir() -> Path:
    """The shared/ folder (``STORYLENS_SHARED`` or ../shared)."""
    return Path(os.environ.get("STORYLENS_SHARED", ROOT.parent / "shared"))


def _article(doc: dict[str, Any]) -> Article:
    """An Article with one paragraph per ECB+ sentence line."""
    paragraphs = tuple(
        Paragraph(s["start"], s["end"], sentences=((s["start"], s["end"]),))
        for s in doc["sentences"]
    )
    return Article(doc["id"], doc["text"], paragraphs, content_hash(doc["text"]))


def _mentions(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Event mentions by document."""
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            m = json.loads(line)
            if m["is_event"]:
                by_doc[m["doc_id"]].append(m)
    return by_doc


def load_stories(data: Path, split: str) -> list[Story]:
    """The stories of one split (``train`` or ``dev``), with their gold pairs."""
    with (data / "docs.jsonl").open(encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    mentions = _mentions(data / "mentions.jsonl.gz")
    by_story: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for doc in docs:
        if doc["split"] == split:
            by_story[doc["cluster"]].append(doc)
    return [
        _story(sid, sorted(ds, key=lambda d: d["id"]), mentions)
        for sid, ds in sorted(by_story.items())
    ]


def _story(
    sid: str, docs: list[dict[str, Any]], mentions: dict[str, list[dict[str, Any]]]
) -> Story:
    sentences: dict[str, list[tuple[int, int, str]]] = {}
    clusters: dict[str, set[str]] = {}
    for doc in docs:
        evaluated = {m["sent_id"] for m in mentions[doc["id"]]}
        sentences[doc["id"]] = [
            (s["start"], s["end"], f"{doc['id']}#{s['sent_id']}")
            for s in doc["sentences"]
            if s["sent_id"] in evaluated
        ]
        for m in mentions[doc["id"]]:
            if not m["cluster_id"].startswith(("SINGLETON", "INTRA")):
                clusters.setdefault(f"{doc['id']}#{m['sent_id']}", set()).add(m["cluster_id"])
    gold = {
        _pair(a, b)
        for a, b in itertools.combinations(sorted(clusters), 2)
        if a.split("#")[0] != b.split("#")[0] and clusters[a] & clusters[b]
    }
    return Story(sid, [_article(d) for d in docs], sentences, gold)


def paraphrase_stories(path: Path = PARAPHRASE) -> list[Story]:
    """The fictional fact-level dev set: every sentence evaluated, gold = its ``same`` pairs."""
    data = json.loads(path.read_text(encoding="utf-8"))
    stories = []
    for item in data["stories"]:
        articles, sentences = [], {}
        for side in ("a", "b"):
            doc_id = f"{item['id']}-{side}"
            text, spans = _joined(item[side])
            paragraphs = tuple(Paragraph(s, e, sentences=((s, e),)) for s, e in spans)
            articles.append(Article(doc_id, text, paragraphs, content_hash(text)))
            sentences[doc_id] = [(s, e, f"{doc_id}#{i}") for i, (s, e) in enumerate(spans)]
        gold = {_pair(f"{item['id']}-a#{i}", f"{item['id']}-b#{j}") for i, j in item["same"]}
        stories.append(Story(item["id"], articles, sentences, gold))
    return stories


def _joined(lines: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Lines joined by blank lines, with each line's offsets."""
    spans, pos = [], 0
    for line in lines:
        spans.append((pos, pos + len(line)))
        pos += len(line) + 2
    return "\n\n".join(lines), spans


def _pair(a: str, b: str) -> Pair:
    return (a, b) if a < b else (b, a)


def _sentence_key(story: Story, doc: str, start: int) -> str | None:
    """The evaluated sentence holding offset ``start`` of ``doc``, if any."""
    for s, e, key in story.sentences[doc]:
        if s <= start < e:
            return key
    return None


def predicted_pairs(story: Story, options: AlignOptions) -> set[Pair]:
    """Evaluated sentence pairs in different articles that one claim links."""
    pairs: set[Pair] = set()
    for claim in align_claims(story.articles, options=options):
        keys = {_sentence_key(story, m.span.article, m.span.start) for m in claim.mentions}
        found = sorted(k for k in keys if k)
        pairs |= {
            _pair(a, b)
            for a, b in itertools.combinations(found, 2)
            if a.split("#")[0] != b.split("#")[0]
        }
    return pairs


def score(stories: list[Story], options: AlignOptions) -> Scores:
    """Micro-averaged pair counts over ``stories``."""
    predicted = gold = correct = 0
    for story in stories:
        pairs = predicted_pairs(story, options)
        predicted += len(pairs)
        gold += len(story.gold)
        correct += len(pairs & story.gold)
    return Scores(predicted, gold, correct)


# --------------------------------------------------------------------------------------------
# Calibration on train
# --------------------------------------------------------------------------------------------


def _pair_rows(story: Story, options: AlignOptions) -> Iterator[tuple[list[float], int]]:
    """Feature rows and labels for evaluated unit pairs in different articles."""
    units = [(a.id, s) for a in story.articles for s in claim_units(a, options)]
    texts = [next(a for a in story.articles if a.id == d).text_of(s) for d, s in units]
    keys = [_sentence_key(story, d, s.start) for d, s in units]
    ev = pair_features(
        texts,
        [story.articles.index(next(a for a in story.articles if a.id == d)) for d, _ in units],
    )
    stacked = ev.stack()
    for i, j in itertools.combinations(range(len(units)), 2):
        ki, kj = keys[i], keys[j]
        if ki and kj and units[i][0] != units[j][0]:
            yield [float(x) for x in stacked[i, j]], int(_pair(ki, kj) in story.gold)


def _rows(stories: list[Story], options: AlignOptions) -> tuple[np.ndarray, np.ndarray]:
    rows = [r for s in stories for r in _pair_rows(s, options)]
    return np.array([r[0] for r in rows]), np.array([r[1] for r in rows])


def fit_weights(
    stories: list[Story],
    options: AlignOptions,
    *,
    weak: tuple[np.ndarray, np.ndarray] | None = None,
    weak_weight: float = 0.0,
    features: tuple[str, ...] = FEATURES,
) -> tuple[float, ...]:
    """Fit the logistic link model: intercept, then one weight per feature.

    ``stories`` give the labels (weight 1 a pair); ``weak`` rows (ECB+ event-level labels,
    broader than "same fact") are added with ``weak_weight`` a pair when it is > 0. Features
    not in ``features`` get weight 0.
    """
    from sklearn.linear_model import LogisticRegression

    x, y = _rows(stories, options)
    w = np.ones(len(y))
    if weak is not None and weak_weight > 0:
        x, y = np.vstack([x, weak[0]]), np.concatenate([y, weak[1]])
        w = np.concatenate([w, np.full(len(weak[1]), weak_weight)])
    used = [FEATURES.index(f) for f in features]
    model = LogisticRegression(C=1.0, max_iter=5000).fit(x[:, used], y, sample_weight=w)
    weights = dict(zip(features, (round(float(v), 3) for v in model.coef_[0]), strict=True))
    return (round(float(model.intercept_[0]), 3), *(weights.get(f, 0.0) for f in FEATURES))


def _add(a: Scores, b: Scores) -> Scores:
    return Scores(a.predicted + b.predicted, a.gold + b.gold, a.correct + b.correct)


ECB_FEATURES = FEATURES[:7]  # the features of the shipped ECB+ fit


def calibrate(stories: list[Story]) -> AlignOptions:
    """Fit the shipped weights on ECB+ train, then grid-search ``link`` for the best F0.5.

    F0.5 rather than F1: ECB+ pairs mean "mentions the same event", broader than "states the
    same fact"; a claim that merges two different facts hides a unique fact, so precision
    weighs more. Only the first seven features are fitted (see ``calibrate_facts`` for why
    the fact-level fit is not shipped); the seed pair is never used here.
    """
    weights = fit_weights(stories, AlignOptions(), features=ECB_FEATURES)
    print(f"weights: {weights}", file=sys.stderr)
    base = AlignOptions(weights=weights)
    best: tuple[float, AlignOptions] = (-1.0, base)
    for link in LINKS:
        options = replace(base, link=link)
        s = score(stories, options)
        print(
            f"link={link}: train P={s.precision:.3f} R={s.recall:.3f} F0.5={s.f05:.3f}",
            file=sys.stderr,
        )
        if s.f05 > best[0]:
            best = (s.f05, options)
    return best[1]


def calibrate_facts(
    train: list[Story], dev: list[Story], weak: list[Story], weak_weight: float
) -> AlignOptions:
    """Fit all the weights on the fact-level train stories, then choose ``link``.

    ``link`` is chosen by F1 over the pooled pair counts of a 7-fold cross-validation over the
    train stories (each fold aligned with weights fitted on the other folds) and of the
    held-out dev stories (aligned with the weights fitted on all train stories). ECB+ train
    pairs can be added as weak labels (``weak_weight`` a pair). The seed pair is never used.

    Not shipped. These fits give story-centred cosine the positive weight fact matching
    needs, but they do not carry over to the seed pair: every variant tried (all features or
    the first seven, without CSLS, ECB+ weak labels at 0.01-1, fitted on top of the ECB+
    model) links unique facts there (seed unique facts 2-7 of 10) without reaching more
    shared facts than the ECB+ fit. Invented paraphrases share fewer words than real outlets
    do (the fits give TF-IDF a weight near 0 or below, ECB+ gives it 3.6), and invented
    stories are short and tidy.
    """
    base = AlignOptions()
    weak_rows = _rows(weak, base) if weak and weak_weight > 0 else None
    pooled = {link: Scores(0, 0, 0) for link in LINKS}
    for fold in range(FOLDS):
        held = [s for i, s in enumerate(train) if i % FOLDS == fold]
        rest = [s for i, s in enumerate(train) if i % FOLDS != fold]
        weights = fit_weights(rest, base, weak=weak_rows, weak_weight=weak_weight)
        for link in LINKS:
            options = replace(base, weights=weights, link=link)
            pooled[link] = _add(pooled[link], score(held, options))
    weights = fit_weights(train, base, weak=weak_rows, weak_weight=weak_weight)
    _, y = _rows(train, base)
    print(f"fitted on {len(y)} fact-level pairs ({int(y.sum())} same fact)", file=sys.stderr)
    print(f"weights: {weights}", file=sys.stderr)
    best: tuple[float, AlignOptions] = (-1.0, base)
    for link in LINKS:
        options = replace(base, weights=weights, link=link)
        cv, d = pooled[link], score(dev, options)
        both = _add(cv, d)
        print(
            f"link={link}: train-CV P={cv.precision:.3f} R={cv.recall:.3f} F1={cv.f1:.3f}; "
            f"dev P={d.precision:.3f} R={d.recall:.3f} F1={d.f1:.3f}; pooled F1={both.f1:.3f}",
            file=sys.stderr,
        )
        if both.f1 > best[0]:
            best = (both.f1, options)
    return best[1]


def main(argv: list[str] | None = None) -> int:
    """Print dev scores, or calibrate on train with ``--calibrate``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calibrate", action="store_true", help="refit on the ECB+ train topics")
    parser.add_argument(
        "--calibrate-facts",
        action="store_true",
        help="fit on the fact-level train stories (an experiment; see calibrate_facts)",
    )
    parser.add_argument(
        "--weak-weight",
        type=float,
        default=0.0,
        help="with --calibrate: add ECB+ train pairs as weak labels with this weight a pair",
    )
    parser.add_argument(
        "--paraphrase", action="store_true", help="score the fictional fact-level dev set"
    )
    parser.add_argument(
        "--compound",
        action="store_true",
        help="score the fictional fact-level set of compound sentences",
    )
    args = parser.parse_args(argv)
    data = shared_dir() / "data" / "ecbplus"
    if args.paraphrase or args.compound:
        name, path = ("compound", COMPOUND) if args.compound else ("paraphrase", PARAPHRASE)
        p = score(paraphrase_stories(path), AlignOptions())
        print(
            f"{name} dev claim alignment: precision {p.precision:.3f}, recall "
            f"{p.recall:.3f}, F1 {p.f1:.3f} ({p.correct} of {p.predicted} predicted pairs, "
            f"{p.gold} gold pairs)"
        )
        return 0
    if args.calibrate:
        options = calibrate(load_stories(data, "train"))
        print(f"best: {options}")
        return 0
    if args.calibrate_facts:
        weak = load_stories(data, "train") if args.weak_weight > 0 else []
        train = paraphrase_stories(FACTS_TRAIN)
        options = calibrate_facts(train, paraphrase_stories(), weak, args.weak_weight)
        print(f"best: {options}")
        return 0
    started = time.perf_counter()
    s = score(load_stories(data, "dev"), AlignOptions())
    print(
        f"ECB+ dev claim alignment: precision {s.precision:.3f}, recall {s.recall:.3f}, "
        f"F1 {s.f1:.3f} ({s.correct} of {s.predicted} predicted pairs, {s.gold} gold pairs; "
        f"{time.perf_counter() - started:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
