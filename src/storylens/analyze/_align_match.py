"""Matching claim units between articles: one-to-one assignments, anchors, restatements.

See :mod:`storylens.analyze.align` for where this sits in building claims.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from storylens.analyze._align_rules import anchors

if TYPE_CHECKING:
    from storylens.analyze.align import AlignOptions

__all__ = ["Pair", "find_anchors", "one_to_one"]

Floats = npt.NDArray[np.float32]
Pair = tuple[int, int]


def one_to_one(
    prob: Floats,
    cosine: Floats,
    article_of: Sequence[int],
    options: AlignOptions,
    anchored: Mapping[Pair, str] | None = None,
) -> list[Pair]:
    """Competitive one-to-one matches between every two articles, strongest first.

    Within one pair of articles, the assignment (Hungarian algorithm) maximising the summed
    margin ``probability - link`` over the pairs that reach ``link`` decides which unit goes
    with which. Pairs below ``link`` count for nothing, so a strong pair is never given up
    for two weaker ones of which one would be dropped anyway. Facts two outlets report about one
    event are mostly one-to-one, so a unit that is second-best for a partner already taken
    by a stronger match is free to match elsewhere. Two units of one article are linked when
    they are near copies, or when one restates the other (see :func:`_restated`).
    """
    from scipy.optimize import linear_sum_assignment

    arts = np.asarray(article_of)
    where = {int(a): np.nonzero(arts == a)[0] for a in np.unique(arts)}
    found: list[tuple[float, int, int]] = []
    for a, b in itertools.combinations(sorted(where), 2):
        rows, cols = where[a], where[b]
        block = prob[np.ix_(rows, cols)]
        floor = _thresholds(rows, cols, options, anchored or {})
        gain = np.maximum(block - floor, 0.0)
        assigned = [
            (int(x), int(y))
            for x, y in zip(*linear_sum_assignment(gain, maximize=True), strict=True)
            if block[x, y] >= floor[x, y]
        ]
        found += [(float(block[x, y]), int(rows[x]), int(cols[y])) for x, y in assigned]
        found += _restated(block, assigned, (rows, cols), cosine, options)
    found += [(1.0, i, j) for i, j in _duplicates(cosine, arts, options)]
    return [(i, j) for _, i, j in sorted(found, key=lambda f: (-f[0], f[1], f[2]))]


def find_anchors(
    texts: Sequence[str], article_of: Sequence[int], prob: Floats, options: AlignOptions
) -> dict[Pair, str]:
    """The anchored pairs (see :mod:`storylens.analyze._align_rules`) and their phrases."""
    if options.anchor is None:
        return {}
    return anchors(
        texts,
        article_of,
        prob,
        threshold=options.anchor,
        units=options.anchor_units,
        gap=options.anchor_gap,
    )


def _thresholds(
    rows: npt.NDArray[np.intp],
    cols: npt.NDArray[np.intp],
    options: AlignOptions,
    anchored: Mapping[Pair, str],
) -> Floats:
    """The link threshold of every pair of a block: ``link``, or ``anchor`` for an anchor."""
    floor = np.full((len(rows), len(cols)), options.link, dtype=np.float32)
    if anchored and options.anchor is not None:
        at = {int(u): x for x, u in enumerate(rows)}
        to = {int(u): y for y, u in enumerate(cols)}
        for i, j in anchored:
            if i in at and j in to:
                floor[at[i], to[j]] = min(options.anchor, options.link)
    return floor


def _restated(
    block: Floats,
    assigned: Sequence[Pair],
    units: tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]],
    cosine: Floats,
    options: AlignOptions,
) -> list[tuple[float, int, int]]:
    """Same-article links for units that restate a one-to-one match of their article.

    News often states a fact twice (the lede sums up, the body repeats it with details), so
    the one-to-one matching can pair the other article's unit with only one of the two. A
    unit whose best partner went to another unit of its own article joins that match when it
    reaches ``link`` with the partner and its embedding cosine with that unit reaches
    ``restated`` (NLP-STACK.md: matching pairs average 0.74, non-matching 0.13), or when it
    reaches ``restated_link`` with the partner and ``restated_close`` with that unit.
    """
    out: list[tuple[float, int, int]] = []
    for side, own in enumerate(units):
        scores = block if side == 0 else block.T
        partner_of = {p[1 - side]: p[side] for p in assigned}  # other side -> own side
        for x in range(len(own)):
            y = int(scores[x].argmax()) if scores.shape[1] else -1
            if y not in partner_of or partner_of[y] == x or scores[x, y] < options.link:
                continue
            twin = partner_of[y]
            close = cosine[own[x], own[twin]]
            strong = scores[x, y] >= options.restated_link and close >= options.restated_close
            if close >= options.restated or strong:
                out.append((float(scores[x, y]), int(own[twin]), int(own[x])))
    return out


def _duplicates(cosine: Floats, arts: npt.NDArray[np.int_], options: AlignOptions) -> list[Pair]:
    """Pairs of units of one article whose embeddings are near identical (repeated text)."""
    same = arts[:, None] == arts[None, :]
    i, j = np.nonzero(np.triu(same & (cosine >= options.duplicate), k=1))
    return [(int(x), int(y)) for x, y in zip(i, j, strict=True)]
