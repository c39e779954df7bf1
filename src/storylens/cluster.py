"""Online story clustering: articles join stories as they arrive, and every choice says why.

A *story* is a set of articles about one real-world event. :func:`assign` takes a batch of new
articles and a :class:`ClusterState` and puts each article into the best existing story or opens a
new one; :func:`merge_split` is the periodic pass that moves misplaced articles and merges stories
once more of the corpus is known. Neither ever looks at all pairs: candidate stories come from an
inverted index over the strongest terms of each article, and each article is compared with the
sparse centroids of those few candidates only.

How an article is scored against a story (one configuration for every corpus):

- ``words``: cosine of TF-IDF word vectors (IDF from the corpus seen so far, sublinear TF);
- ``names``: cosine of TF-IDF vectors of capitalised runs and numbers, a model-free stand-in for
  named entities: two events of the same kind share words but not people, places and figures;
- ``score = word_weight * words + name_weight * names``, lowered when the article's years
  contradict the story's, and when both publication times are known and far apart.

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
from typing import Any

from storylens.features import article_features
from storylens.model import Article

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
    word_weight: float = 0.5
    name_weight: float = 0.5
    query_terms: int = 12
    max_candidates: int = 10
    year_penalty: float = 0.1
    date_window_days: float = 4.0
    date_scale_days: float = 30.0
    move_margin: float = 0.1
    merge_threshold: float = 0.5
    split_threshold: float = 0.35
    split_min_size: int = 4
    max_centroid_terms: int = 600


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where one article went and why.

    ``rule`` is ``joined`` (best story scored at least the threshold), ``new-story``, ``pinned``
    (a user's move or split), ``must-link``, ``moved`` or ``merged`` (by :func:`merge_split`).
    ``features`` holds what decided: ``words`` and ``names`` cosines, ``shared_words``,
    ``shared_names``, ``year_conflict`` and, when publication times are known, ``date_gap_days``.
    """

    article: str
    story: str
    score: float
    runner_up: str | None
    runner_up_score: float
    rule: str
    threshold: float
    features: Mapping[str, Any] = field(default_factory=dict)


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


@dataclass(slots=True)
class _Story:
    """A story's members and its running sums of member vectors (the centroid)."""

    id: str
    members: list[str]
    words: Vector
    names: Vector
    years: Counter[int]
    first: float | None = None
    last: float | None = None
    norms: tuple[float, float] | None = None

    @property
    def word_norm(self) -> float:
        """Length of the word centroid (cached until the story changes)."""
        return self._norms()[0]

    @property
    def name_norm(self) -> float:
        """Length of the name centroid (cached until the story changes)."""
        return self._norms()[1]

    def _norms(self) -> tuple[float, float]:
        if self.norms is None:
            self.norms = (_norm(self.words), _norm(self.names))
        return self.norms


def _norm(vec: Vector) -> float:
    """Euclidean length of a sparse vector (1.0 for an empty one, to divide safely)."""
    return math.sqrt(sum(v * v for v in vec.values())) or 1.0


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
    index: dict[int, set[str]] = field(default_factory=dict)
    pinned: dict[str, str] = field(default_factory=dict)
    must_link: set[frozenset[str]] = field(default_factory=set)
    cannot_link: set[frozenset[str]] = field(default_factory=set)
    checked: int = 0
    split_checked: dict[str, int] = field(default_factory=dict)

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
    """A publication time as a POSIX timestamp, or None when missing or unreadable."""
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
    for term, count in counts.items():
        tid = state.vocab.get(term)
        if tid is None:
            tid = len(state.terms)
            state.vocab[term] = tid
            state.terms.append(term)
            state.df.append(0)
        state.df[tid] += 1
        ids.append(tid)
        values.append(float(count))
    return ids, values


def _weights(state: ClusterState, ids: array[int], counts: array[float]) -> Vector:
    """A unit-length TF-IDF vector: ``(1 + log tf) * (log((1 + N) / (1 + df)) + 1)``."""
    n = state.n_docs + 1
    vec = {
        tid: (1.0 + math.log(tf)) * (math.log(n / (1 + state.df[tid])) + 1.0)
        for tid, tf in zip(ids, counts, strict=True)
    }
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {tid: v / norm for tid, v in vec.items()}


def _entry_vectors(state: ClusterState, entry: _Entry) -> tuple[Vector, Vector]:
    """The word and name vectors of an article under the current IDF."""
    return (
        _weights(state, entry.word_ids, entry.word_counts),
        _weights(state, entry.name_ids, entry.name_counts),
    )


def _add(target: Vector, vec: Vector, sign: float = 1.0) -> None:
    """``target += sign * vec`` in place, dropping terms that fall to zero."""
    for tid, value in vec.items():
        new = target.get(tid, 0.0) + sign * value
        if abs(new) < 1e-9:
            target.pop(tid, None)
        else:
            target[tid] = new


def _dot(vec: Vector, other: Vector) -> float:
    """Dot product of two sparse vectors (iterates over the shorter one)."""
    if len(vec) > len(other):
        vec, other = other, vec
    get = other.get
    return sum(value * get(tid, 0.0) for tid, value in vec.items())


def _top_terms(vec: Vector, k: int) -> list[int]:
    """The ``k`` heaviest terms of a vector, heaviest first."""
    return sorted(vec, key=lambda tid: (-vec[tid], tid))[:k]


# --- scoring ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Score:
    story: str
    score: float
    words: float
    names: float
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


def _score(
    words: Vector,
    names: Vector,
    entry: _Entry,
    story: _Story,
    options: ClusterOptions,
) -> _Score:
    """Score one article against one story centroid."""
    word_cos = _dot(words, story.words) / story.word_norm
    name_cos = _dot(names, story.names) / story.name_norm if names else 0.0
    score = options.word_weight * word_cos + options.name_weight * name_cos
    conflict = _year_conflict(entry.years, story)
    if conflict:
        score -= options.year_penalty
    gap = _date_gap(entry.published, story)
    if gap is not None and gap > options.date_window_days:
        score *= math.exp(-(gap - options.date_window_days) / options.date_scale_days)
    return _Score(story.id, score, word_cos, name_cos, conflict, gap)


def _candidates(
    state: ClusterState, words: Vector, names: Vector, options: ClusterOptions
) -> list[str]:
    """Stories sharing the most of the article's strongest terms, via the inverted index."""
    hits: Counter[str] = Counter()
    for tid in _top_terms(words, options.query_terms) + _top_terms(names, options.query_terms):
        for sid in state.index.get(tid, ()):
            hits[sid] += 1
    ranked = sorted(hits.items(), key=lambda item: (-item[1], item[0]))
    return [sid for sid, _ in ranked[: options.max_candidates] if sid in state.stories]


def _blocked(state: ClusterState, article_id: str, story: _Story) -> bool:
    """True when a cannot-link constraint forbids putting the article into the story."""
    if not state.cannot_link:
        return False
    return any(frozenset((article_id, m)) in state.cannot_link for m in story.members)


def _ranked(
    state: ClusterState,
    article_id: str,
    vectors: tuple[Vector, Vector],
    options: ClusterOptions,
    exclude: str | None = None,
) -> list[_Score]:
    """Candidate stories scored and sorted best first (``exclude`` is left out)."""
    words, names = vectors
    entry = state.articles[article_id]
    scores = [
        _score(words, names, entry, state.stories[sid], options)
        for sid in _candidates(state, words, names, options)
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


def _join(
    state: ClusterState,
    sid: str,
    article_id: str,
    vectors: tuple[Vector, Vector],
    options: ClusterOptions,
) -> None:
    """Add an article to a story (creating it if needed): centroid, years, times, index."""
    story = state.stories.get(sid)
    if story is None:
        story = _Story(sid, [], {}, {}, Counter())
        state.stories[sid] = story
    entry = state.articles[article_id]
    entry.story = sid
    story.members.append(article_id)
    _add(story.words, vectors[0])
    _add(story.names, vectors[1])
    story.norms = None
    _prune(story, options.max_centroid_terms)
    story.years.update(entry.years[-1:])
    if entry.published is not None:
        story.first = min(story.first or entry.published, entry.published)
        story.last = max(story.last or entry.published, entry.published)
    for tid in _top_terms(vectors[0], options.query_terms) + _top_terms(
        vectors[1], options.query_terms
    ):
        state.index.setdefault(tid, set()).add(sid)


def _prune(story: _Story, limit: int) -> None:
    """Keep only the heaviest ``limit`` terms of a large story's centroids (bounds memory)."""
    for vec in (story.words, story.names):
        if len(vec) > 2 * limit:
            keep = set(_top_terms(vec, limit))
            for tid in [t for t in vec if t not in keep]:
                del vec[tid]


def _leave(state: ClusterState, article_id: str, vectors: tuple[Vector, Vector]) -> None:
    """Take an article out of its story; an emptied story disappears."""
    entry = state.articles[article_id]
    story = state.stories[entry.story]
    story.members.remove(article_id)
    if not story.members:
        del state.stories[story.id]
        return
    _add(story.words, vectors[0], -1.0)
    _add(story.names, vectors[1], -1.0)
    story.norms = None
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
        _parse_time(article.published),
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


def _shared(state: ClusterState, vec: Vector, centroid: Vector, k: int = 6) -> list[str]:
    """The terms that contribute most to the match, for the explanation."""
    contrib = {tid: w * centroid[tid] for tid, w in vec.items() if tid in centroid}
    return [state.terms[tid].lstrip(NAME_PREFIX) for tid in _top_terms(contrib, k)]


def _explain(
    state: ClusterState,
    article_id: str,
    best: _Score | None,
    vectors: tuple[Vector, Vector],
) -> dict[str, Any]:
    """The features of the deciding comparison, for :class:`Assignment`."""
    if best is None:
        return {}
    story = state.stories[best.story]
    features: dict[str, Any] = {
        "words": round(best.words, 4),
        "names": round(best.names, 4),
        "shared_words": _shared(state, vectors[0], story.words),
        "shared_names": _shared(state, vectors[1], story.names),
        "year_conflict": best.year_conflict,
    }
    if best.date_gap_days is not None:
        features["date_gap_days"] = round(best.date_gap_days, 2)
    return features


def _place(state: ClusterState, article_id: str, options: ClusterOptions) -> Assignment:
    """Decide the story of one registered article and put it there."""
    vectors = _entry_vectors(state, state.articles[article_id])
    ranked = _ranked(state, article_id, vectors, options)
    best = ranked[0] if ranked else None
    runner = ranked[1] if len(ranked) > 1 else None
    features = _explain(state, article_id, best, vectors)
    forced = _forced_story(state, article_id)
    if forced is not None:
        sid, rule = forced
    elif best is not None and best.score >= options.threshold:
        sid, rule = best.story, "joined"
    else:
        sid, rule = _new_story_id(state, article_id), "new-story"
        runner, best = best, None
    _join(state, sid, article_id, vectors, options)
    return Assignment(
        article_id,
        sid,
        round(best.score, 4) if best else 0.0,
        runner.story if runner else None,
        round(runner.score, 4) if runner else 0.0,
        rule,
        options.threshold,
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


def _rebuild(state: ClusterState, options: ClusterOptions) -> dict[str, tuple[Vector, Vector]]:
    """Recompute every vector and centroid under the current IDF; return the vectors."""
    vectors = {aid: _entry_vectors(state, entry) for aid, entry in state.articles.items()}
    old = state.stories
    state.stories = {}
    state.index = {}
    for sid in sorted(old, key=lambda s: state.articles[old[s].members[0]].seq):
        for aid in old[sid].members:
            _join(state, sid, aid, vectors[aid], options)
    return vectors


def _movable(state: ClusterState, article_id: str) -> bool:
    """Articles the user placed, or linked, are never moved by the automatic pass."""
    if article_id in state.pinned:
        return False
    return not any(article_id in pair for pair in state.must_link)


def _own_score(
    state: ClusterState, article_id: str, vectors: tuple[Vector, Vector], options: ClusterOptions
) -> float:
    """How well an article fits its own story without itself (0 for a story of one)."""
    entry = state.articles[article_id]
    story = state.stories[entry.story]
    if len(story.members) == 1:
        return 0.0
    rest = _Story(story.id, [], dict(story.words), dict(story.names), Counter(story.years))
    _add(rest.words, vectors[0], -1.0)
    _add(rest.names, vectors[1], -1.0)
    if entry.years:
        rest.years[entry.years[-1]] -= 1
        rest.years += Counter()
    rest.first, rest.last = story.first, story.last
    return _score(vectors[0], vectors[1], entry, rest, options).score


def _move_pass(
    state: ClusterState,
    vectors: Mapping[str, tuple[Vector, Vector]],
    options: ClusterOptions,
) -> list[Assignment]:
    """Move each article whose best other story beats its own by ``move_margin``.

    Only articles that arrived since the last pass are checked: older ones were checked then.
    """
    moves = []
    recent = [aid for aid, entry in state.articles.items() if entry.seq >= state.checked]
    for aid in sorted(recent, key=lambda a: state.articles[a].seq):
        if not _movable(state, aid):
            continue
        own = _own_score(state, aid, vectors[aid], options)
        current = state.articles[aid].story
        ranked = _ranked(state, aid, vectors[aid], options, exclude=current)
        best = ranked[0] if ranked else None
        if best is None or best.score < options.threshold or best.score < own + options.move_margin:
            continue
        _leave(state, aid, vectors[aid])
        _join(state, best.story, aid, vectors[aid], options)
        moves.append(
            Assignment(
                aid,
                best.story,
                round(best.score, 4),
                current,
                round(own, 4),
                "moved",
                options.threshold,
                _explain(state, aid, best, vectors[aid]),
            )
        )
    return moves


def _story_pair_score(a: _Story, b: _Story, options: ClusterOptions) -> tuple[float, float, float]:
    """Centroid-to-centroid cosine score of two stories (overall, words, names)."""
    words = _dot(a.words, b.words) / (a.word_norm * b.word_norm)
    names = _dot(a.names, b.names) / (a.name_norm * b.name_norm) if a.names and b.names else 0.0
    score = options.word_weight * words + options.name_weight * names
    if a.years and b.years and not set(a.years) & set(b.years):
        score -= options.year_penalty
    return score, words, names


def _can_merge(state: ClusterState, a: _Story, b: _Story) -> bool:
    """False when a cannot-link pair would end up in one story."""
    return not any(_blocked(state, aid, b) for aid in a.members) if state.cannot_link else True


def _merge_pass(
    state: ClusterState,
    vectors: Mapping[str, tuple[Vector, Vector]],
    options: ClusterOptions,
) -> list[Assignment]:
    """Merge each story into an older one whose centroid is close enough."""
    changes: list[Assignment] = []
    order = sorted(state.stories, key=lambda s: state.articles[state.stories[s].members[0]].seq)
    for sid in reversed(order):
        story = state.stories.get(sid)
        if story is None:
            continue
        target = _merge_target(state, story, options)
        if target is None:
            continue
        changes.extend(_merge_into(state, story, target, vectors, options))
    return changes


def _merge_target(
    state: ClusterState, story: _Story, options: ClusterOptions
) -> tuple[str, float] | None:
    """The older story this one should merge into, with the score, or None."""
    probe_words = {t: v / story.word_norm for t, v in story.words.items()}
    probe_names = {t: v / story.name_norm for t, v in story.names.items()}
    seq = state.articles[story.members[0]].seq
    best: tuple[str, float] | None = None
    for sid in _candidates(state, probe_words, probe_names, options):
        other = state.stories[sid]
        if sid == story.id or state.articles[other.members[0]].seq > seq:
            continue
        score = _story_pair_score(story, other, options)[0]
        better = score >= options.merge_threshold and (best is None or score > best[1])
        if better and _can_merge(state, story, other):
            best = (sid, score)
    return best


def _merge_into(
    state: ClusterState,
    story: _Story,
    target: tuple[str, float],
    vectors: Mapping[str, tuple[Vector, Vector]],
    options: ClusterOptions,
) -> list[Assignment]:
    """Move every article of ``story`` into the target story."""
    sid, score = target
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
                options.merge_threshold,
                {"story_score": round(score, 4)},
            )
        )
    return changes


def _centroid(members: Sequence[str], vectors: Mapping[str, tuple[Vector, Vector]]) -> _Story:
    """A throw-away story holding the centroid of some articles (years and times left out)."""
    story = _Story("", list(members), {}, {}, Counter())
    for aid in members:
        _add(story.words, vectors[aid][0])
        _add(story.names, vectors[aid][1])
    return story


def _closer(vec: tuple[Vector, Vector], a: _Story, b: _Story, options: ClusterOptions) -> bool:
    """True when an article scores at least as high against ``a`` as against ``b``."""

    def fit(story: _Story) -> float:
        words = _dot(vec[0], story.words) / story.word_norm
        names = _dot(vec[1], story.names) / story.name_norm
        return options.word_weight * words + options.name_weight * names

    return fit(a) >= fit(b)


def _bisect(
    members: list[str], vectors: Mapping[str, tuple[Vector, Vector]], options: ClusterOptions
) -> tuple[list[str], list[str]]:
    """Two-means over a story's members, seeded with its two most different articles."""
    whole = _centroid(members, vectors)
    seed_a = min(
        members, key=lambda m: _dot(vectors[m][0], whole.words) + _dot(vectors[m][1], whole.names)
    )
    seed_b = min(
        members,
        key=lambda m: (
            _dot(vectors[m][0], vectors[seed_a][0]) + _dot(vectors[m][1], vectors[seed_a][1])
        ),
    )
    left, right = [seed_a], [seed_b]
    for _ in range(6):
        a, b = _centroid(left, vectors), _centroid(right, vectors)
        new_left = [m for m in members if _closer(vectors[m], a, b, options)]
        new_right = [m for m in members if m not in set(new_left)]
        if not new_left or not new_right or new_left == left:
            break
        left, right = new_left, new_right
    return left, right


def _split_pass(
    state: ClusterState,
    vectors: Mapping[str, tuple[Vector, Vector]],
    options: ClusterOptions,
) -> list[Assignment]:
    """Split stories whose two halves score below ``split_threshold`` against each other."""
    changes: list[Assignment] = []
    for sid in sorted(state.stories):
        story = state.stories[sid]
        size = len(story.members)
        if size < options.split_min_size or state.split_checked.get(sid) == size:
            continue
        state.split_checked[sid] = size
        left, right = _bisect(list(story.members), vectors, options)
        if not left or not right:
            continue
        score = _story_pair_score(_centroid(left, vectors), _centroid(right, vectors), options)[0]
        if score >= options.split_threshold:
            continue
        leaving = right if story.members[0] in left else left
        if not all(_movable(state, aid) for aid in leaving):
            continue
        new_sid = _new_story_id(state, min(leaving, key=lambda a: state.articles[a].seq))
        for aid in sorted(leaving, key=lambda a: state.articles[a].seq):
            _leave(state, aid, vectors[aid])
            _join(state, new_sid, aid, vectors[aid], options)
            changes.append(
                Assignment(
                    aid,
                    new_sid,
                    0.0,
                    sid,
                    round(score, 4),
                    "split",
                    options.split_threshold,
                    {"halves_score": round(score, 4)},
                )
            )
    return changes


def merge_split(
    state: ClusterState, *, options: ClusterOptions | None = None
) -> tuple[ClusterState, list[Assignment]]:
    """The periodic pass: refresh IDF, move misplaced articles, merge close stories.

    Only strong evidence changes an earlier assignment: an article moves when another story
    beats its own by ``move_margin``; stories merge when their centroids score at least
    ``merge_threshold``. Pinned and linked articles never move. Returns the changes.
    """
    options = options or ClusterOptions()
    vectors = _rebuild(state, options)
    changes = _split_pass(state, vectors, options)
    changes += _move_pass(state, vectors, options)
    changes += _merge_pass(state, vectors, options)
    state.checked = len(state.articles)
    return state, changes
