"""Term ids, TF-IDF weights and sparse vectors, for :mod:`storylens.cluster`.

A vector is a dict from term id to weight: an article's is its words and names under the IDF of
the corpus seen so far; a story's is the sum of its members' vectors.
"""

from __future__ import annotations

import functools
import math
from array import array
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storylens._cluster_stories import _Entry
    from storylens.cluster import ClusterOptions, ClusterState

Vector = dict[int, float]
NAME_PREFIX = "@"


def _parse_time(value: str | None) -> float | None:
    """A publication time (or date) as a POSIX timestamp, or None when missing or unreadable."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def _term_ids(state: ClusterState, counts: Mapping[str, int]) -> tuple[array[int], array[float]]:
    """Look up (or add) each term in the vocabulary and count its document frequency."""
    ids: array[int] = array("i")
    values: array[float] = array("f")
    vocab, df = state.vocab, state.df
    for term, count in counts.items():
        tid = vocab.get(term)
        if tid is None:
            tid = len(state.terms)
            vocab[term] = tid
            state.terms.append(term)
            df.append(0)
        df[tid] += 1
        ids.append(tid)
        values.append(float(count))
    return ids, values


def _weights(
    state: ClusterState,
    ids: array[int],
    counts: array[float],
    scale: float,
    out: Vector,
    options: ClusterOptions,
) -> None:
    """Add a TF-IDF vector of length ``scale`` to ``out``: ``(1 + log tf) * idf``, the IDF the
    corpus's ``(log((N + 1) / (1 + df)) + 1)`` averaged with :func:`prior_idf` as if the prior
    had been seen in ``options.prior_docs`` documents (so it fades as the corpus grows)."""
    log_n = math.log(state.n_docs + 1)
    df, terms, log = state.df, state.terms, math.log
    seen, prior = float(state.n_docs), options.prior_docs
    vec = [
        (
            tid,
            (1.0 + log(tf))
            * (seen * (log_n - log(1 + df[tid]) + 1.0) + prior * prior_idf(terms[tid]))
            / (seen + prior),
        )
        for tid, tf in zip(ids, counts, strict=True)
    ]
    norm = math.sqrt(sum(v * v for _, v in vec)) or 1.0
    factor = scale / norm
    for tid, v in vec:
        out[tid] = v * factor


_COMMONEST = 7.0  # the Zipf frequency of the commonest English words ("the" 7.7, "said" 6.0)


@functools.lru_cache(maxsize=200_000)
def prior_idf(term: str) -> float:
    """What a term's IDF would be in general English news, before any corpus is seen: 1 plus
    how much rarer than the commonest words it is, on wordfreq's Zipf scale (a name: its
    rarest word). A small batch (three reports of one event) has no IDF of its own: every
    word it shares counts alike, so "said" weighs as much as the company's name.

    >>> prior_idf("say") < prior_idf("breach") < prior_idf("@tarnwell telecom")
    True
    """
    from wordfreq import zipf_frequency  # a word-frequency table (the wordfreq package)

    words = term.removeprefix(NAME_PREFIX).split()
    rarest = min((zipf_frequency(w, "en") for w in words), default=0.0)
    return 1.0 + max(0.0, _COMMONEST - rarest)


def _vector(state: ClusterState, entry: _Entry, options: ClusterOptions) -> Vector:
    """An article's vector under the current IDF: words and names, its heaviest terms only."""
    vec: Vector = {}
    _weights(state, entry.word_ids, entry.word_counts, math.sqrt(options.word_weight), vec, options)
    _weights(state, entry.name_ids, entry.name_counts, math.sqrt(options.name_weight), vec, options)
    if len(vec) > options.max_article_terms:
        vec = {tid: vec[tid] for tid in _top_terms(vec, options.max_article_terms)}
    return vec


def _add(target: Vector, vec: Vector, sign: float = 1.0) -> None:
    """``target += sign * vec`` in place, dropping terms that fall to zero."""
    get = target.get
    for tid, value in vec.items():
        new = get(tid, 0.0) + sign * value
        if -1e-9 < new < 1e-9:
            target.pop(tid, None)
        else:
            target[tid] = new


def _dot(vec: Vector, other: Vector) -> float:
    """Dot product of two sparse vectors (iterates over the shorter one)."""
    if len(vec) > len(other):
        vec, other = other, vec
    get = other.get
    return sum([value * get(tid, 0.0) for tid, value in vec.items()])


def _norm(vec: Vector) -> float:
    """Euclidean length of a sparse vector (1.0 for an empty one, to divide safely)."""
    return math.sqrt(sum([v * v for v in vec.values()])) or 1.0


def _top_terms(vec: Vector, k: int) -> list[int]:
    """The ``k`` heaviest terms of a vector, heaviest first."""
    return sorted(vec, key=lambda tid: (-vec[tid], tid))[:k]
