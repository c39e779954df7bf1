"""Online story clustering: articles join stories as they arrive, and every choice says why.

A *story* is a set of articles about one real-world event. :func:`assign` takes a batch of new
articles and a :class:`ClusterState` and puts each article into the best existing story or opens a
new one; :func:`merge_split` is the periodic pass that splits stories holding two events, moves
misplaced articles and merges stories once more of the corpus is known. Nothing looks at all
pairs: candidate stories come from an inverted index over the strongest terms of each article
(the most recent ``max_postings`` stories per term), and an article is compared with the sparse
sums of those few candidates only. Every per-article step is bounded, so the work grows linearly.

How an article is scored against a story (one configuration for every corpus):

- an article is one sparse vector: its TF-IDF word vector (IDF from the corpus seen so far,
  sublinear TF, unit length) scaled by ``sqrt(word_weight)`` next to its TF-IDF vector of names
  (capitalised runs and numbers, a model-free stand-in for named entities) scaled by
  ``sqrt(name_weight)``; the lead (headline, dateline, first sentence) counts more;
- ``score`` is the cosine of the article with the sum of the story's members, lowered when the
  article's years contradict the story's, and when both times are known and far apart (the
  publication time, or else a dateline read from the text);
- an article joins the best story when the score reaches ``threshold`` (``short_threshold`` for
  one-sentence articles, whose vectors are too sparse to reach it).

Two events of the same kind share words, so a story can catch both. Cohesion tells them apart:
the mean similarity of articles *within* each event is well above the mean similarity *between*
the two. The merge/split pass halves a grown story by two-means and splits it when the halves'
mean similarity is below ``cohesion_ratio`` times their mean within-half similarity; two stories
merge only when the result would not be split again. These means come from the stories' vector
sums, never from pairs. Last, a small story (at most ``adopt_size`` articles, touched since the
last pass) is adopted by a larger one its vector sum scores ``adopt_threshold`` against: the
fragments an online pass leaves (one-sentence articles, a few articles that arrived before their
story's vocabulary was known) are too small to tell apart by cohesion.

User decisions live in the state and are obeyed by every later run: ``pinned`` (article -> story,
from a move or split), ``must_link`` and ``cannot_link`` (pairs of article ids, from merges and
splits). Story ids are deterministic: ``story-`` and 12 hex digits of the SHA-256 of the id of the
article that opened the story.
"""

from __future__ import annotations

import hashlib
import math
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from typing import Any

from storylens.features import article_features
from storylens.model import Article, StoryAssignment

__all__ = [
    "Assignment",
    "ClusterOptions",
    "ClusterState",
    "assign",
    "merge_split",
    "stories",
    "story_id_for",
]

Vector = dict[int, float]
NAME_PREFIX = "@"


@dataclass(frozen=True, slots=True)
class ClusterOptions:
    """The one clustering configuration (tuned on ECB+ train topics only)."""

    threshold: float = 0.25
    short_threshold: float = 0.2
    short_length: int = 45
    word_weight: float = 0.4
    name_weight: float = 0.6
    query_terms: int = 10
    max_candidates: int = 6
    max_postings: int = 400
    max_article_terms: int = 160
    year_penalty: float = 0.1
    date_window_days: float = 7.0
    date_scale_days: float = 60.0
    move_margin: float = 0.05
    merge_threshold: float = 0.35
    cohesion_ratio: float = 0.6
    split_min_size: int = 4
    split_min_half: int = 2
    split_growth: float = 1.25
    split_sample: int = 60
    split_seeds: int = 4
    rebuild_growth: float = 1.5
    max_centroid_terms: int = 800
    adopt_threshold: float = 0.17
    adopt_size: int = 4


Assignment = StoryAssignment
"""Where one article went and why (the model's :class:`~storylens.model.StoryAssignment`).

``rule`` is ``joined`` (best story scored at least the threshold), ``new-story``, ``pinned``
(a user's move or split), ``must-link``, ``moved``, ``merged`` or ``split`` (by
:func:`merge_split`). ``features`` holds what decided: ``words`` and ``names`` shares of the
score, ``shared_words``, ``shared_names``, ``year_conflict`` and, when times are known,
``date_gap_days``.
"""


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


@dataclass(slots=True)
class ClusterState:
    """Everything online clustering remembers between runs. Mutable: :func:`assign` updates it.

    ``pinned``, ``must_link`` and ``cannot_link`` are the user's overrides; set them (the store
    persists them) and every later :func:`assign` and :func:`merge_split` keeps them.
    """

    vocab: dict[str, int] = field(default_factory=dict)
    terms: list[str] = field(default_factory=list)
    df: list[int] = field(default_factory=list)
    n_docs: int = 0
    articles: dict[str, _Entry] = field(default_factory=dict)
    stories: dict[str, _Story] = field(default_factory=dict)
    index: dict[int, dict[str, None]] = field(default_factory=dict)
    pinned: dict[str, str] = field(default_factory=dict)
    must_link: set[frozenset[str]] = field(default_factory=set)
    cannot_link: set[frozenset[str]] = field(default_factory=set)
    checked: int = 0
    built: int = 0
    split_checked: dict[str, int] = field(default_factory=dict)
    recent: dict[str, Vector] = field(default_factory=dict)

    def story_of(self, article_id: str) -> str | None:
        """The story an article is in, or None if it has not been assigned."""
        entry = self.articles.get(article_id)
        return entry.story if entry else None


def story_id_for(article_id: str) -> str:
    """The deterministic id of a story opened by ``article_id``.

    >>> story_id_for("a1")
    'story-f55ff16f66f4'
    """
    return "story-" + hashlib.sha256(article_id.encode("utf-8")).hexdigest()[:12]


def stories(state: ClusterState) -> dict[str, tuple[str, ...]]:
    """Every story id with its member article ids, in arrival order."""
    return {sid: tuple(story.members) for sid, story in state.stories.items()}


# --- vectors ---------------------------------------------------------------------------------


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
    state: ClusterState, ids: array[int], counts: array[float], scale: float, out: Vector
) -> None:
    """Add a TF-IDF vector of length ``scale`` to ``out``: ``(1 + log tf) * (log(N/df) + 1)``."""
    log_n = math.log(state.n_docs + 1)
    df = state.df
    log = math.log
    vec = [
        (tid, (1.0 + log(tf)) * (log_n - log(1 + df[tid]) + 1.0))
        for tid, tf in zip(ids, counts, strict=True)
    ]
    norm = math.sqrt(sum(v * v for _, v in vec)) or 1.0
    factor = scale / norm
    for tid, v in vec:
        out[tid] = v * factor


def _vector(state: ClusterState, entry: _Entry, options: ClusterOptions) -> Vector:
    """An article's vector under the current IDF: words and names, its heaviest terms only."""
    vec: Vector = {}
    _weights(state, entry.word_ids, entry.word_counts, math.sqrt(options.word_weight), vec)
    _weights(state, entry.name_ids, entry.name_counts, math.sqrt(options.name_weight), vec)
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


# --- assign ----------------------------------------------------------------------------------


def _register(state: ClusterState, article: Article) -> str:
    """Add an article's term counts to the state (document frequencies included)."""
    feats = article_features(article.text, article.title)
    word_ids, word_counts = _term_ids(state, feats.words)
    name_ids, name_counts = _term_ids(state, {NAME_PREFIX + k: v for k, v in feats.names.items()})
    state.n_docs += 1
    state.articles[article.id] = _Entry(
        "",
        len(state.articles),
        word_ids,
        word_counts,
        name_ids,
        name_counts,
        feats.years,
        _parse_time(article.published) or _parse_time(feats.dateline),
        feats.length,
    )
    return article.id


def _forced_story(state: ClusterState, article_id: str) -> tuple[str, str] | None:
    """A story the user's overrides put this article in, with the rule, or None."""
    if article_id in state.pinned:
        return state.pinned[article_id], "pinned"
    for pair in state.must_link:
        if article_id in pair:
            (other,) = pair - {article_id}
            story = state.story_of(other)
            if story:
                return story, "must-link"
    return None


def _explain(state: ClusterState, vec: Vector, best: _Score | None) -> dict[str, Any]:
    """The features of the deciding comparison, for :class:`Assignment`.

    ``words`` and ``names`` are the shares of the cosine that words and names contribute
    (they add up to the unadjusted score); ``shared_*`` list the terms that contribute most.
    """
    if best is None or best.story not in state.stories:
        return {}
    story = state.stories[best.story]
    parts: dict[bool, list[tuple[float, int]]] = {False: [], True: []}
    get = story.vec.get
    for tid, w in vec.items():
        contribution = w * get(tid, 0.0)
        if contribution > 0:
            parts[state.terms[tid].startswith(NAME_PREFIX)].append((contribution, tid))
    features: dict[str, Any] = {"year_conflict": best.year_conflict}
    for name, key in (("words", False), ("names", True)):
        rows = parts[key]
        features[name] = round(sum(r[0] for r in rows) / story.norm, 4)
        top = sorted(rows, key=lambda r: (-r[0], r[1]))[:6]
        features[f"shared_{name}"] = [state.terms[r[1]].lstrip(NAME_PREFIX) for r in top]
    if best.date_gap_days is not None:
        features["date_gap_days"] = round(best.date_gap_days, 2)
    return features


def _place(state: ClusterState, article_id: str, options: ClusterOptions) -> Assignment:
    """Decide the story of one registered article and put it there."""
    entry = state.articles[article_id]
    vec = _vector(state, entry, options)
    ranked = _ranked(state, article_id, vec, options)
    best = ranked[0] if ranked else None
    runner = ranked[1] if len(ranked) > 1 else None
    features = _explain(state, vec, best)
    threshold = _threshold(entry, options)
    forced = _forced_story(state, article_id)
    if forced is not None:
        sid, rule = forced
    elif best is not None and best.score >= threshold:
        sid, rule = best.story, "joined"
    else:
        sid, rule = _new_story_id(state, article_id), "new-story"
        runner, best = best, None
    _join(state, sid, article_id, vec, options)
    state.recent[article_id] = vec
    return Assignment(
        article_id,
        sid,
        round(best.score, 4) if best else 0.0,
        runner.story if runner else None,
        round(runner.score, 4) if runner else 0.0,
        rule,
        threshold,
        features,
    )


def assign(
    articles: Iterable[Article],
    state: ClusterState | None = None,
    *,
    options: ClusterOptions | None = None,
) -> tuple[ClusterState, list[Assignment]]:
    """Put each new article into a story, in order; return the updated state and the choices.

    The state is updated in place and returned (a fresh one when ``state`` is None). Articles
    already in the state keep their story: re-assigning the same articles changes nothing.
    Document frequencies are updated with the whole batch first, so a batch's IDF is the
    corpus seen so far including it.
    """
    state = ClusterState() if state is None else state
    options = options or ClusterOptions()
    new = [a for a in _unique(articles) if a.id not in state.articles]
    ids = [_register(state, article) for article in new]
    return state, [_place(state, article_id, options) for article_id in ids]


def _unique(articles: Iterable[Article]) -> list[Article]:
    """Articles with repeated ids dropped (first one kept)."""
    seen: set[str] = set()
    out = []
    for article in articles:
        if article.id not in seen:
            seen.add(article.id)
            out.append(article)
    return out


# --- merge / split ---------------------------------------------------------------------------


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
    """How well an article fits its own story without itself (0 for a story of one)."""
    entry = state.articles[article_id]
    story = state.stories[entry.story]
    if len(story.members) == 1:
        return 0.0
    rest_vec = dict(story.vec)
    _add(rest_vec, vec, -1.0)
    rest = _Story(story.id, [], rest_vec, years=Counter(story.years))
    if entry.years:
        rest.years[entry.years[-1]] -= 1
        rest.years += Counter()
    rest.first, rest.last = story.first, story.last
    return _score(vec, entry, rest, options).score


def _move_pass(state: ClusterState, options: ClusterOptions) -> list[Assignment]:
    """Move each recent article whose best other story beats its own by ``move_margin``."""
    moves = []
    for aid in sorted(state.recent, key=lambda a: state.articles[a].seq):
        if not _movable(state, aid):
            continue
        vec = state.recent[aid]
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
    """The older story this one should merge into, with the score, or None."""
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
        if _cohesion(story, other) >= options.cohesion_ratio and _can_merge(state, story, other):
            best = (sid, score)
    return best


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
                {"story_score": round(score, 4)},
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


def merge_split(
    state: ClusterState, *, options: ClusterOptions | None = None
) -> tuple[ClusterState, list[Assignment]]:
    """The periodic pass: refresh IDF, split two-event stories, move articles, merge stories.

    Only strong evidence changes an earlier assignment: a story splits when its halves are not
    cohesive (``cohesion_ratio``); an article that arrived since the last pass moves when
    another story beats its own by ``move_margin``; stories merge when their sums score at
    least ``merge_threshold`` and the result would be cohesive; a small touched story (at most
    ``adopt_size`` articles) folds into a larger one it scores ``adopt_threshold`` against.
    Pinned and linked articles never move. Returns the changes.
    """
    options = options or ClusterOptions()
    if state.n_docs >= options.rebuild_growth * state.built:
        _rebuild(state, options)
    changes, opened = _split_pass(state, options)
    changes += _move_pass(state, options)
    touched = {state.articles[aid].story for aid in state.recent} | opened
    changes += _merge_pass(state, touched, options)
    touched = {state.articles[aid].story for aid in state.recent} | opened
    changes += _adopt_pass(state, touched, options)
    state.recent = {}
    state.checked = len(state.articles)
    return state, changes
