"""Articles and stories as :mod:`storylens.cluster` keeps them: scoring and bookkeeping.

``_Entry`` and ``_Story`` are pickled inside :class:`~storylens.cluster.ClusterState`:
``cluster`` re-exports them and gives them its module path, the one stores were written with.
"""

from __future__ import annotations

import hashlib
import math
from array import array
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING

from storylens._cluster_vectors import Vector, _add, _dot, _norm, _top_terms

if TYPE_CHECKING:
    from storylens.cluster import ClusterOptions, ClusterState


@dataclass(slots=True)
class _Entry:
    """One article as the clusterer keeps it: term ids and counts, years, time, its story."""

    story: str
    seq: int
    word_ids: array[int]
    word_counts: array[float]
    name_ids: array[int]
    name_counts: array[float]
    years: tuple[int, ...]
    published: float | None
    length: int = 0


@dataclass(slots=True)
class _Story:
    """A story's members, the sum of their vectors, and what cohesion needs."""

    id: str
    members: list[str]
    vec: Vector
    self_dot: float = 0.0
    years: Counter[int] = field(default_factory=Counter)
    first: float | None = None
    last: float | None = None
    norm_cache: float | None = None

    @property
    def norm(self) -> float:
        """Length of the vector sum (cached until the story changes)."""
        if self.norm_cache is None:
            self.norm_cache = _norm(self.vec)
        return self.norm_cache


def story_id_for(article_id: str) -> str:
    """The deterministic id of a story opened by ``article_id``.

    >>> story_id_for("a1")
    'story-f55ff16f66f4'
    """
    return "story-" + hashlib.sha256(article_id.encode("utf-8")).hexdigest()[:12]


# --- scoring ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Score:
    story: str
    score: float
    year_conflict: bool
    date_gap_days: float | None


def _date_gap(published: float | None, story: _Story) -> float | None:
    """Days between a publication time and the story's time span (0 inside it)."""
    if published is None or story.first is None or story.last is None:
        return None
    if story.first <= published <= story.last:
        return 0.0
    edge = story.first if published < story.first else story.last
    return abs(published - edge) / 86400.0


def _year_conflict(years: tuple[int, ...], story: _Story) -> bool:
    """True when the article's latest year and the story's usual latest year disagree."""
    if not years or not story.years:
        return False
    return max(years) not in story.years


def _adjust(score: float, entry: _Entry, story: _Story, options: ClusterOptions) -> _Score:
    """Lower a cosine for contradicting years and far-apart times."""
    conflict = _year_conflict(entry.years, story)
    if conflict:
        score -= options.year_penalty
    gap = _date_gap(entry.published, story)
    if gap is not None and gap > options.date_window_days:
        score *= math.exp(-(gap - options.date_window_days) / options.date_scale_days)
    return _Score(story.id, score, conflict, gap)


def _score(vec: Vector, entry: _Entry, story: _Story, options: ClusterOptions) -> _Score:
    """Score one article against one story: cosine with the story's vector sum, adjusted."""
    return _adjust(_dot(vec, story.vec) / story.norm, entry, story, options)


def _threshold(entry: _Entry, options: ClusterOptions) -> float:
    """The join threshold: lower for very short articles, whose vectors are sparse."""
    return options.short_threshold if entry.length < options.short_length else options.threshold


def _candidates(state: ClusterState, vec: Vector, options: ClusterOptions) -> list[str]:
    """Stories sharing the most of the article's strongest terms, via the inverted index.

    Each term contributes its ``max_postings`` most recent stories, so a common term costs no
    more than a rare one.
    """
    if len(state.stories) <= options.max_candidates:  # a small store: compare every story
        return sorted(state.stories)
    hits: Counter[str] = Counter()
    for tid in _top_terms(vec, options.query_terms):
        postings = state.index.get(tid)
        if postings:
            hits.update(islice(reversed(postings), options.max_postings))
    ranked = sorted(hits.items(), key=lambda item: (-item[1], item[0]))
    found = []
    for sid, _ in ranked:
        if sid in state.stories:
            found.append(sid)
            if len(found) == options.max_candidates:
                break
    return found


def _blocked(state: ClusterState, article_id: str, story: _Story) -> bool:
    """True when a cannot-link constraint forbids putting the article into the story."""
    if not state.cannot_link:
        return False
    return any(frozenset((article_id, m)) in state.cannot_link for m in story.members)


def _ranked(
    state: ClusterState,
    article_id: str,
    vec: Vector,
    options: ClusterOptions,
    exclude: str | None = None,
) -> list[_Score]:
    """Candidate stories scored and sorted best first (``exclude`` is left out)."""
    entry = state.articles[article_id]
    scores = [
        _score(vec, entry, state.stories[sid], options)
        for sid in _candidates(state, vec, options)
        if sid != exclude and not _blocked(state, article_id, state.stories[sid])
    ]
    return sorted(scores, key=lambda s: (-s.score, s.story))


# --- story bookkeeping -----------------------------------------------------------------------


def _new_story_id(state: ClusterState, article_id: str) -> str:
    """A fresh deterministic story id for a story opened by ``article_id``."""
    sid = story_id_for(article_id)
    n = 1
    while sid in state.stories:
        n += 1
        sid = story_id_for(f"{article_id}#{n}")
    return sid


def _index(state: ClusterState, sid: str, vec: Vector, options: ClusterOptions) -> None:
    """Post the story under the article's strongest terms (most recent last)."""
    for tid in _top_terms(vec, options.query_terms):
        postings = state.index.setdefault(tid, {})
        postings.pop(sid, None)
        postings[sid] = None


def _join(
    state: ClusterState, sid: str, article_id: str, vec: Vector, options: ClusterOptions
) -> None:
    """Add an article to a story (creating it if needed): vector sum, years, times, index."""
    story = state.stories.get(sid)
    if story is None:
        story = _Story(sid, [], {})
        state.stories[sid] = story
    entry = state.articles[article_id]
    entry.story = sid
    story.members.append(article_id)
    _add(story.vec, vec)
    story.self_dot += _dot(vec, vec)
    story.norm_cache = None
    _prune(story, options.max_centroid_terms)
    story.years.update(entry.years[-1:])
    if entry.published is not None:
        story.first = min(story.first or entry.published, entry.published)
        story.last = max(story.last or entry.published, entry.published)
    _index(state, sid, vec, options)


def _prune(story: _Story, limit: int) -> None:
    """Keep only the heaviest ``limit`` terms of a large story's vector sum (bounds memory)."""
    if len(story.vec) > 2 * limit:
        story.vec = {tid: story.vec[tid] for tid in _top_terms(story.vec, limit)}


def _leave(state: ClusterState, article_id: str, vec: Vector) -> None:
    """Take an article out of its story; an emptied story disappears."""
    entry = state.articles[article_id]
    story = state.stories[entry.story]
    story.members.remove(article_id)
    if not story.members:
        del state.stories[story.id]
        return
    _add(story.vec, vec, -1.0)
    story.self_dot -= _dot(vec, vec)
    story.norm_cache = None
    if entry.years:
        story.years[entry.years[-1]] -= 1
        story.years += Counter()
