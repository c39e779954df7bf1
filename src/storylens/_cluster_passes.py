"""The periodic passes of :func:`storylens.cluster.merge_split`: rebuild, split, move, merge, adopt.

Cohesion (mean similarity between two stories over the mean similarity within each) comes from
the stories' vector sums, never from pairs; see :mod:`storylens.cluster` for the rules.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from storylens._cluster_assign import _explain
from storylens._cluster_stories import (
    _adjust,
    _blocked,
    _candidates,
    _join,
    _leave,
    _new_story_id,
    _ranked,
    _Score,
    _Story,
    _threshold,
)
from storylens._cluster_vectors import Vector, _add, _dot, _vector
from storylens.model import StoryAssignment as Assignment

if TYPE_CHECKING:
    from storylens.cluster import ClusterOptions, ClusterState


def _rebuild(state: ClusterState, options: ClusterOptions) -> None:
    """Recompute every vector and story sum under the current IDF.

    Runs only when the corpus has grown by ``rebuild_growth`` since the last rebuild, so its
    total cost stays linear in the number of articles.
    """
    old = state.stories
    state.stories = {}
    state.index = {}
    recent = state.recent
    state.recent = {}
    for sid in sorted(old, key=lambda s: state.articles[old[s].members[0]].seq):
        for aid in old[sid].members:
            vec = _vector(state, state.articles[aid], options)
            _join(state, sid, aid, vec, options)
            if aid in recent:
                state.recent[aid] = vec
    state.built = state.n_docs


def _vectors_of(
    state: ClusterState, members: Iterable[str], options: ClusterOptions
) -> dict[str, Vector]:
    """Member vectors: as joined for recent articles, under the current IDF for older ones."""
    return {
        aid: state.recent.get(aid) or _vector(state, state.articles[aid], options)
        for aid in members
    }


def _movable(state: ClusterState, article_id: str) -> bool:
    """Articles the user placed, or linked, are never moved by the automatic pass."""
    if article_id in state.pinned:
        return False
    return not any(article_id in pair for pair in state.must_link)


def _own_score(state: ClusterState, article_id: str, vec: Vector, options: ClusterOptions) -> float:
    """How well an article fits its own story without itself (0 for a story of one).

    The cosine with the rest of the story, ``vec . (S - vec) / |S - vec|``, is computed from
    ``vec . S``, ``|S|`` and ``|vec|`` without copying the story's vector sum ``S``.
    """
    entry = state.articles[article_id]
    story = state.stories[entry.story]
    if len(story.members) == 1:
        return 0.0
    with_story = _dot(vec, story.vec)
    own = _dot(vec, vec)
    rest_norm = math.sqrt(max(story.norm**2 - 2 * with_story + own, 0.0))
    if rest_norm == 0.0:
        return 0.0
    rest = _Story(story.id, [], {}, years=Counter(story.years))
    if entry.years:
        rest.years[entry.years[-1]] -= 1
        rest.years += Counter()
    rest.first, rest.last = story.first, story.last
    return _adjust((with_story - own) / rest_norm, entry, rest, options).score


def _move_pass(
    state: ClusterState, options: ClusterOptions, ids: Iterable[str] | None = None
) -> list[Assignment]:
    """Move each article (the recent ones by default) whose best other story beats its own.

    An article moves when the best other story beats its own by ``move_margin``; vectors of
    articles that are not recent are computed one at a time under the current IDF.
    """
    moves = []
    for aid in sorted(state.recent if ids is None else ids, key=lambda a: state.articles[a].seq):
        if not _movable(state, aid):
            continue
        vec = state.recent.get(aid) or _vector(state, state.articles[aid], options)
        own = _own_score(state, aid, vec, options)
        current = state.articles[aid].story
        ranked = _ranked(state, aid, vec, options, exclude=current)
        best = ranked[0] if ranked else None
        threshold = _threshold(state.articles[aid], options)
        if best is None or best.score < threshold or best.score < own + options.move_margin:
            continue
        _leave(state, aid, vec)
        _join(state, best.story, aid, vec, options)
        moves.append(
            Assignment(
                aid,
                best.story,
                round(best.score, 4),
                current,
                round(own, 4),
                "moved",
                threshold,
                _explain(state, vec, best),
            )
        )
    return moves


def _within(story: _Story) -> float | None:
    """Mean similarity of two different members (None for a story of one)."""
    n = len(story.members)
    if n < 2:
        return None
    return (story.norm**2 - story.self_dot) / (n * (n - 1))


def _cohesion(a: _Story, b: _Story) -> float:
    """Mean similarity between the two stories over the mean similarity within each.

    1.0 when either story has a single member (nothing to compare with).
    """
    within = [w for w in (_within(a), _within(b)) if w is not None]
    if not within or (mean := sum(within) / len(within)) <= 0:
        return 1.0
    between = _dot(a.vec, b.vec) / (len(a.members) * len(b.members))
    return between / mean


def _merge_pass(
    state: ClusterState, touched: set[str], options: ClusterOptions
) -> list[Assignment]:
    """Merge each touched story into an older one it is close to and cohesive with."""
    changes: list[Assignment] = []
    order = sorted(
        (s for s in touched if s in state.stories),
        key=lambda s: state.articles[state.stories[s].members[0]].seq,
    )
    for sid in reversed(order):
        story = state.stories.get(sid)
        if story is None:
            continue
        target = _merge_target(state, story, options)
        if target is not None:
            changes.extend(_merge_into(state, story, target, options))
    return changes


def _merge_target(
    state: ClusterState, story: _Story, options: ClusterOptions
) -> tuple[str, float] | None:
    """The older story this one should merge into, with the score, or None.

    The two must be cohesive with each other, and their union must not be one the split pass
    would split again: a story contaminated by a few articles of the other event looks
    cohesive with it as a whole, while a two-means bisection of the union still finds the
    two events (on ECB+ train, the last pass otherwise re-merged stories split before).
    """
    probe = {t: v / story.norm for t, v in story.vec.items()}
    seq = state.articles[story.members[0]].seq
    best: tuple[str, float] | None = None
    for sid in _candidates(state, probe, options):
        other = state.stories[sid]
        if sid == story.id or state.articles[other.members[0]].seq > seq:
            continue
        score = _story_score(probe, story, other, options)
        if score < options.merge_threshold or (best is not None and score <= best[1]):
            continue
        if (
            _cohesion(story, other) >= options.cohesion_ratio
            and _can_merge(state, story, other)
            and not _would_split(state, story, other, options)
        ):
            best = (sid, score)
    return best


def _would_split(
    state: ClusterState, story: _Story, other: _Story, options: ClusterOptions
) -> bool:
    """True when the union of two stories bisects into halves that are not cohesive.

    The split pass's bisection and ratio, on an even sample of at most ``split_sample // 2``
    articles of each story, so the check costs the same whatever the stories' sizes.
    """
    half = max(1, options.split_sample // 2)
    members = [
        aid
        for s in (other, story)
        for aid in s.members[:: max(1, math.ceil(len(s.members) / half))]
    ]
    if len(members) < options.split_min_size:
        return False
    halves = _halves(members, _vectors_of(state, members, options), options)
    return halves is not None and _cohesion(*halves) < options.cohesion_ratio


def _story_score(probe: Vector, story: _Story, other: _Story, options: ClusterOptions) -> float:
    """Cosine of a story's unit vector sum with another story's, lowered for disjoint years."""
    score = _dot(probe, other.vec) / other.norm
    if story.years and other.years and not set(story.years) & set(other.years):
        score -= options.year_penalty
    return score


def _adopt_target(
    state: ClusterState, story: _Story, options: ClusterOptions
) -> tuple[str, float] | None:
    """The larger story a small one should fold into, with the score, or None."""
    probe = {t: v / story.norm for t, v in story.vec.items()}
    best: tuple[str, float] | None = None
    for sid in _candidates(state, probe, options):
        other = state.stories[sid]
        if sid == story.id or len(other.members) <= len(story.members):
            continue
        score = _story_score(probe, story, other, options)
        if score < options.adopt_threshold or (best is not None and score <= best[1]):
            continue
        if _can_merge(state, story, other):
            best = (sid, score)
    return best


def _adopt_pass(
    state: ClusterState, touched: set[str], options: ClusterOptions
) -> list[Assignment]:
    """Fold each touched story of at most ``adopt_size`` articles into its best larger story."""
    changes: list[Assignment] = []
    small = [s for s in touched if s in state.stories]
    for sid in sorted(small, key=lambda s: state.articles[state.stories[s].members[0]].seq):
        story = state.stories.get(sid)
        if story is None or len(story.members) > options.adopt_size:
            continue
        target = _adopt_target(state, story, options)
        if target is not None:
            changes.extend(_merge_into(state, story, target, options, options.adopt_threshold))
    return changes


def _can_merge(state: ClusterState, a: _Story, b: _Story) -> bool:
    """False when a cannot-link pair would end up in one story."""
    return not any(_blocked(state, aid, b) for aid in a.members) if state.cannot_link else True


def _merge_into(
    state: ClusterState,
    story: _Story,
    target: tuple[str, float],
    options: ClusterOptions,
    threshold: float | None = None,
) -> list[Assignment]:
    """Move every movable article of ``story`` into the target story."""
    sid, score = target
    vectors = _vectors_of(state, story.members, options)
    shared = _explain(state, story.vec, _Score(sid, score, False, None))
    why = {
        "story_score": round(score, 4),
        **{k: v for k, v in shared.items() if k.startswith("shared_")},
    }
    changes = []
    for aid in list(story.members):
        if not _movable(state, aid):
            continue
        _leave(state, aid, vectors[aid])
        _join(state, sid, aid, vectors[aid], options)
        changes.append(
            Assignment(
                aid,
                sid,
                round(score, 4),
                story.id,
                0.0,
                "merged",
                options.merge_threshold if threshold is None else threshold,
                why,
            )
        )
    return changes


def _sum_story(members: Sequence[str], vectors: Mapping[str, Vector]) -> _Story:
    """A throw-away story holding the vector sum of some articles."""
    story = _Story("", list(members), {})
    for aid in members:
        _add(story.vec, vectors[aid])
        story.self_dot += _dot(vectors[aid], vectors[aid])
    return story


def _halves(
    members: Sequence[str], vectors: Mapping[str, Vector], options: ClusterOptions
) -> tuple[_Story, _Story] | None:
    """The least cohesive two-means split of some articles over a few seedings, or None.

    Each seeding starts from one article and the article least like it; the seeds are the
    article least like the whole and a few spread over the ranking, so one outlier cannot hide
    a split into two events.
    """
    whole = _sum_story(members, vectors)
    ranked = sorted(members, key=lambda m: (_dot(vectors[m], whole.vec), m))
    starts = dict.fromkeys(
        ranked[i * len(ranked) // options.split_seeds] for i in range(options.split_seeds)
    )
    best: tuple[float, _Story, _Story] | None = None
    for seed_a in starts:
        seed_b = min(members, key=lambda m: (_dot(vectors[m], vectors[seed_a]), m))
        left, right = [seed_a], [seed_b]
        for _ in range(8):
            new_left, new_right = _partition(members, vectors, left, right)
            if not new_left or not new_right or new_left == left:
                break
            left, right = new_left, new_right
        if min(len(left), len(right)) < options.split_min_half:
            continue
        a, b = _sum_story(left, vectors), _sum_story(right, vectors)
        ratio = _cohesion(a, b)
        if best is None or ratio < best[0]:
            best = (ratio, a, b)
    return (best[1], best[2]) if best else None


def _partition(
    members: Iterable[str], vectors: Mapping[str, Vector], left: list[str], right: list[str]
) -> tuple[list[str], list[str]]:
    """Each article to the closer of the two centroids of ``left`` and ``right``."""
    a, b = _sum_story(left, vectors), _sum_story(right, vectors)
    new_left: list[str] = []
    new_right: list[str] = []
    for m in members:
        closer_a = _dot(vectors[m], a.vec) / a.norm >= _dot(vectors[m], b.vec) / b.norm
        (new_left if closer_a else new_right).append(m)
    return new_left, new_right


def _bisect(
    members: list[str], vectors: Mapping[str, Vector], options: ClusterOptions
) -> tuple[_Story, _Story] | None:
    """Two halves of a story; a large story is halved on an even sample, then partitioned."""
    step = max(1, math.ceil(len(members) / options.split_sample))
    halves = _halves(members[::step], vectors, options)
    if halves is None or step == 1:
        return halves
    left, right = _partition(members, vectors, halves[0].members, halves[1].members)
    if min(len(left), len(right)) < options.split_min_half:
        return None
    return _sum_story(left, vectors), _sum_story(right, vectors)


def _split_pass(state: ClusterState, options: ClusterOptions) -> tuple[list[Assignment], set[str]]:
    """Split each grown story whose two halves are not cohesive; return changes, new stories."""
    changes: list[Assignment] = []
    opened: set[str] = set()
    for sid in sorted(state.stories):
        story = state.stories[sid]
        size = len(story.members)
        if size < options.split_min_size or size < options.split_growth * state.split_checked.get(
            sid, 0
        ):
            continue
        state.split_checked[sid] = size
        vectors = _vectors_of(state, story.members, options)
        halves = _bisect(list(story.members), vectors, options)
        if halves is None:
            continue
        left, right = halves
        ratio = _cohesion(left, right)
        if ratio >= options.cohesion_ratio:
            continue
        staying, leaving = (left, right) if story.members[0] in left.members else (right, left)
        if not all(_movable(state, aid) for aid in leaving.members):
            continue
        _keep_only(state, story, staying)
        new_sid = _new_story_id(state, min(leaving.members, key=lambda a: state.articles[a].seq))
        opened.add(new_sid)
        for aid in sorted(leaving.members, key=lambda a: state.articles[a].seq):
            _join(state, new_sid, aid, vectors[aid], options)
            changes.append(
                Assignment(
                    aid,
                    new_sid,
                    0.0,
                    sid,
                    round(ratio, 4),
                    "split",
                    options.cohesion_ratio,
                    {"cohesion": round(ratio, 4)},
                )
            )
        state.split_checked[new_sid] = len(leaving.members)
    return changes, opened


def _keep_only(state: ClusterState, story: _Story, staying: _Story) -> None:
    """Shrink a story to the members of ``staying``, taking its freshly summed vector."""
    keep = set(staying.members)
    story.members = [aid for aid in story.members if aid in keep]
    story.vec, story.self_dot, story.norm_cache = staying.vec, staying.self_dot, None
    story.years = Counter(y for aid in story.members for y in state.articles[aid].years[-1:])
