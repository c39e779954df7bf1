"""Placing one article in a story and saying why: the steps of :func:`storylens.cluster.assign`."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from storylens._cluster_stories import _Entry, _join, _new_story_id, _ranked, _Score, _threshold
from storylens._cluster_vectors import NAME_PREFIX, Vector, _parse_time, _term_ids, _vector
from storylens.features import article_features
from storylens.model import Article
from storylens.model import StoryAssignment as Assignment

if TYPE_CHECKING:
    from storylens.cluster import ClusterOptions, ClusterState


def _register(state: ClusterState, article: Article) -> str:
    """Add an article's term counts to the state (document frequencies included)."""
    feats = article_features(article.text, article.title)
    word_ids, word_counts = _term_ids(state, feats.words)
    name_ids, name_counts = _term_ids(state, {NAME_PREFIX + k: v for k, v in feats.names.items()})
    seq = state.n_docs  # every article ever registered, retired ones too: seqs stay unique
    state.n_docs += 1
    moment = _parse_time(article.published) or _parse_time(feats.dateline)
    state.articles[article.id] = _Entry(
        "",
        seq,
        word_ids,
        word_counts,
        name_ids,
        name_counts,
        _past_years(feats.years, moment),
        moment,
        feats.length,
    )
    return article.id


def _past_years(years: tuple[int, ...], moment: float | None) -> tuple[int, ...]:
    """The years an article mentions up to its own (when its time is known): a year after
    it is a plan ("700 hires by 2029"), not when its event happened.

    >>> _past_years((2019, 2026, 2029), 1773100800.0)  # 2026-03-10
    (2019, 2026)
    """
    if moment is None:
        return years
    own = datetime.fromtimestamp(moment, UTC).year
    return tuple(y for y in years if y <= own)


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


def _unique(articles: Iterable[Article]) -> list[Article]:
    """Articles with repeated ids dropped (first one kept)."""
    seen: set[str] = set()
    out = []
    for article in articles:
        if article.id not in seen:
            seen.add(article.id)
            out.append(article)
    return out
