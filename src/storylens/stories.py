"""Stories in a store: deduplicate, cluster online, keep the user's corrections.

:func:`update_stories` assigns the articles a store holds that are not in a story yet (earlier
assignments stay, unless the periodic merge/split pass finds strong evidence), finds the
same-origin groups, and saves stories with why each article is where it is. The user's
corrections (:func:`move_article`, :func:`merge_stories`, :func:`split_story`) are stored as
overrides and applied on every later run.

The online state is kept in the store (pickled, with a version); it is rebuilt by replaying
the stored articles in arrival order when it is missing, stale, or after a correction.

A revised article (see :mod:`storylens.store.revisions`) takes the place of its earlier
version: that version leaves the state and its story, the revision joins that story (rule
``revision``), and the user's corrections of the earlier version apply to the revision.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Protocol, TypeVar

from storylens.analyze.wording import bare_headline, neutral_headline
from storylens.cluster import (
    ClusterState,
    apply_pins,
    assign,
    merge_split,
    retire,
    revise,
    stories,
)
from storylens.dedup import band_keys, components, link_new, origin_group, signature
from storylens.errors import ConfigError, NotFoundError
from storylens.features import central_line, text_dates
from storylens.model import Article, Override, Story, StoryAssignment
from storylens.store import ArticleSummary, Store
from storylens.text import shorten_words

__all__ = [
    "StoryRun",
    "group_articles",
    "merge_stories",
    "move_article",
    "split_story",
    "update_stories",
]

STATE_FORMAT = b"storylens.cluster-state/2\n"
"""Prefix of the saved state; a different prefix means: rebuild by replaying the articles."""

LABEL_CHARS = 80
_LABEL_WORDS = 4


@dataclass(frozen=True, slots=True)
class StoryRun:
    """What one clustering run did."""

    articles: int
    stories: int
    assigned: int
    changed: int
    duplicate_groups: int

    def summary(self) -> str:
        """One line for the terminal."""
        return (
            f"{_count(self.articles, 'article')} in {_count(self.stories, 'story', 'stories')}:"
            f" {self.assigned} newly assigned, {self.changed} changed by the merge/split pass,"
            f" {_count(self.duplicate_groups, 'group')} of duplicates"
        )


def _count(n: int, one: str, many: str | None = None) -> str:
    """ "1 story", "2 stories"."""
    return f"{n} {one if n == 1 else many or one + 's'}"


def update_stories(store: Store, *, rebuild: bool = False, passes: bool = True) -> StoryRun:
    """Assign new articles to stories, run the merge/split pass and save the result.

    Only the articles the clustering state or the duplicate index lacks are read whole; of
    the others the run needs only a summary (title, outlet, time, first line). Articles the
    user pinned elsewhere since the last run move first; ``passes=False`` (a correction) runs
    no merge/split pass, so no story the user did not name changes.
    """
    summaries = store.article_summaries()
    revised = store.revisions()
    state = None if rebuild else _load_state(store.cluster_state())
    previous = {} if state is None else {a.article: a for a in store.story_assignments()}
    state = _with_overrides(state or ClusterState(), _overrides(store.overrides(), revised))
    corrected = apply_pins(state)
    places = _retire_revised(state, revised)
    indexed = store.dedup_indexed()
    known = state.articles
    fresh = _read(store, [s.id for s in summaries if s.id not in known or s.id not in indexed])
    taken = [
        revise(state, a, *places[a.id])
        for a in fresh
        if a.id in places and a.id not in state.articles and a.id not in state.pinned
    ]
    state, assigned = assign([a for a in fresh if a.id not in state.articles], state)
    assigned = [*taken, *assigned]
    state, changes = merge_split(state) if passes else (state, [])
    why = previous | {a.article: a for a in [*corrected, *assigned, *changes]}
    groups = _origin_groups(store, [a for a in fresh if a.id not in indexed])
    records = _stories(state, summaries, groups)
    members = [_current(why, article, story.id) for story in records for article in story.articles]
    store.save_stories(records, members, groups, state=_dump(state))
    changed = len({c.article for c in changes})
    return StoryRun(len(summaries), len(records), len(assigned), changed, len(groups))


def _read(store: Store, ids: Sequence[str]) -> list[Article]:
    """The stored articles with these ids, in insertion order (none for no ids)."""
    return list(store.iter_articles(ids=ids)) if ids else []


def _origin_groups(store: Store, unindexed: Sequence[Article]) -> list[dict[str, Any]]:
    """Index the articles the store's duplicate index lacks, then every same-origin group.

    Only new articles (``unindexed``, read once for clustering and hashing) are hashed and
    compared (with the stored articles sharing a band key); a group whose members did not
    change keeps its stored record.
    """
    new = [signature(a) for a in unindexed]
    hashed = {sig.article: sig for sig in new}
    if new:
        keys = {sig.article: band_keys(sig) for sig in new}
        found = store.dedup_candidates(k for held in keys.values() for k in held)
        wanted = {a: sorted({o for k in keys[a] for o in found.get(k, ())}) for a in keys}
        ids = sorted({o for others in wanted.values() for o in others})
        known = {a.id: signature(a) for a in _read(store, ids)}
        stored = {a: [known[o] for o in others] for a, others in wanted.items()}
        store.add_dedup_index(keys, link_new(new, keys, stored))
        hashed |= known
    previous = {tuple(g["members"]): g for g in store.origin_groups()}
    current = components(store.dedup_links())
    missing = sorted({m for group in current if group not in previous for m in group} - set(hashed))
    hashed |= {a.id: signature(a) for a in _read(store, missing)}
    groups = [
        previous.get(members) or asdict(origin_group([hashed[m] for m in members]))
        for members in current
    ]
    return sorted(groups, key=lambda g: str(g["id"]))


def group_articles(articles: Sequence[Article]) -> list[tuple[str, ...]]:
    """Which of these articles are about the same event (clustered in memory, nothing stored)."""
    state, _ = assign(articles)
    state, _ = merge_split(state)
    return list(stories(state).values())


def move_article(store: Store, article_id: str, story_id: str) -> StoryRun:
    """Put an article in another story, for this and every later run.

    Only that article moves: the other articles of the two stories are pinned where they
    are, so neither story changes its id or its other members when the state is replayed
    (the article may be the one that opened its story, which its neighbours would follow).
    """
    target = _known_story(store, story_id)
    if not store.has_article(article_id):
        msg = f"no article with id {article_id!r}: list ids with 'storylens articles'"
        raise NotFoundError(msg)
    source = next((s for s in store.iter_stories() if article_id in s.articles), None)
    if source is not None and source.id == target.id:
        msg = f"article {article_id!r} is already in story {target.id!r}: nothing to move"
        raise ConfigError(msg)
    overrides = [Override("pin", a, target.id) for a in target.articles if a != article_id]
    if source is not None and source.id != target.id:
        overrides += [Override("pin", a, source.id) for a in source.articles if a != article_id]
    overrides.append(Override("pin", article_id, target.id))
    store.add_overrides(overrides)
    return update_stories(store, passes=False)


def merge_stories(store: Store, story_id: str, other_id: str) -> StoryRun:
    """Fold story ``other_id`` into ``story_id``, for this and every later run."""
    keep = _known_story(store, story_id)
    absorbed = _known_story(store, other_id)
    if keep.id == absorbed.id:
        msg = f"cannot merge story {story_id!r} with itself: give two different story ids"
        raise ConfigError(msg)
    store.add_overrides([Override("pin", a, keep.id) for a in (*keep.articles, *absorbed.articles)])
    return update_stories(store, passes=False)


def split_story(store: Store, story_id: str, article_ids: Sequence[str]) -> tuple[str, StoryRun]:
    """Move ``article_ids`` out of a story into a new one; return the new story's id."""
    story = _known_story(store, story_id)
    leaving = list(dict.fromkeys(article_ids))
    outside = [a for a in leaving if a not in story.articles]
    staying = [a for a in story.articles if a not in leaving]
    if outside:
        msg = (
            f"cannot split story {story_id!r}: article {outside[0]!r} is not in it:"
            f" list its articles with 'storylens story {story_id}'"
        )
        raise ConfigError(msg)
    if not leaving or not staying:
        msg = (
            f"cannot split story {story_id!r}: name some but not all of its articles"
            f" (it has {len(story.articles)}; list them with 'storylens story {story_id}')"
        )
        raise ConfigError(msg)
    new_id = _split_id(story.id, leaving)
    overrides = [Override("pin", a, new_id) for a in leaving]
    overrides += [Override("pin", a, story.id) for a in staying]
    overrides += [Override("apart", a, b) for a in leaving for b in staying]
    store.add_overrides(overrides)
    return new_id, update_stories(store, passes=False)


def _known_story(store: Store, story_id: str) -> Story:
    story = store.get_story(story_id)
    if story is None:
        msg = f"no story with id {story_id!r}: list stories with 'storylens stories'"
        raise NotFoundError(msg)
    return story


def _split_id(story_id: str, leaving: Iterable[str]) -> str:
    key = story_id + "\n" + "\n".join(sorted(leaving))
    return "story-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def _latest(revised: Mapping[str, str], article_id: str) -> str:
    """The current version of an article: its revision's revision..., or itself."""
    while article_id in revised:
        article_id = revised[article_id]
    return article_id


def _overrides(overrides: Iterable[Override], revised: Mapping[str, str]) -> list[Override]:
    """The user's overrides, each about the current version of the articles it names."""
    return [
        Override(
            o.kind,
            _latest(revised, o.article),
            o.target if o.kind == "pin" else _latest(revised, o.target),
        )
        for o in overrides
    ]


def _retire_revised(state: ClusterState, revised: Mapping[str, str]) -> dict[str, tuple[str, str]]:
    """Take revised articles out of the state; for the current version of each, the story
    to take over and the version it replaces (the latest one the state held)."""
    old = sorted((a for a in revised if a in state.articles), key=lambda a: state.articles[a].seq)
    left = retire(state, old)
    return {_latest(revised, article): (left[article], article) for article in old}


def _with_overrides(state: ClusterState, overrides: Iterable[Override]) -> ClusterState:
    for override in overrides:
        if override.kind == "pin":
            state.pinned[override.article] = override.target
        else:
            state.cannot_link.add(frozenset((override.article, override.target)))
    return state


def _load_state(blob: bytes | None) -> ClusterState | None:
    if blob is None or not blob.startswith(STATE_FORMAT):
        return None
    # The state is written by this module into the user's own store, never read from input.
    state = pickle.loads(blob[len(STATE_FORMAT) :])
    return state if isinstance(state, ClusterState) else None


def _dump(state: ClusterState) -> bytes:
    return STATE_FORMAT + pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)


def _current(why: Mapping[str, StoryAssignment], article: str, story: str) -> StoryAssignment:
    """The latest reason for an article, with the story it is in now."""
    found = why.get(article)
    if found is None:
        return StoryAssignment(article, story, 0.0, None, 0.0, "restored", 0.0, {})
    if found.story == story:
        return found
    return StoryAssignment(
        article,
        story,
        found.score,
        found.runner_up,
        found.runner_up_score,
        "moved",
        found.threshold,
        {**found.features, "was_in": found.story},
    )


def _stories(
    state: ClusterState, articles: Sequence[ArticleSummary], groups: Sequence[Mapping[str, Any]]
) -> list[Story]:
    by_id = {a.id: a for a in articles}
    origin = {m: str(g["id"]) for g in groups for m in g["members"]}
    order = {a.id: i for i, a in enumerate(articles)}
    records = []
    for sid, members in stories(state).items():
        present = sorted((m for m in members if m in by_id), key=order.__getitem__)
        if present:
            records.append(_story(sid, [by_id[m] for m in present], origin))
    records.sort(key=lambda s: (-len(s.articles), order[s.articles[0]]))
    return records


def _story(sid: str, members: Sequence[ArticleSummary], origin: Mapping[str, str]) -> Story:
    dates = sorted(a.published for a in members if a.published)
    return Story(
        id=sid,
        label=_label(originals(members, origin)),
        articles=tuple(a.id for a in members),
        outlets=len({a.outlet or a.id for a in members}),
        origins=len({origin.get(a.id, a.id) for a in members}),
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
    )


class _Dated(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def published(self) -> str | None: ...


_T = TypeVar("_T", bound=_Dated)


def originals(members: Sequence[_T], origin: Mapping[str, str]) -> list[_T]:
    """The members that copy no other: of each group of copies of one text (``origin``: an
    article's group), those published first; a member whose group has one published earlier
    is a reprint. A reprint's local headline ("Islanders among thousands stranded ...") does
    not name a story its wire original names (user trials 146 and 151). Without dates every
    member stays."""
    first: dict[str, str] = {}
    for member in members:
        group = origin.get(member.id, member.id)
        if member.published and member.published < first.get(group, "~"):
            first[group] = member.published
    return [
        m
        for m in members
        if not (m.published and m.published > first.get(origin.get(m.id, m.id), m.published))
    ]


def _label(members: Sequence[ArticleSummary]) -> str:
    """A story's label: the most central title, else the first opening line, that reads like
    a headline or a statement (not a dateline, a question or a two-word fragment).

    The most central title shares the most words with the other members' titles (the
    earliest on a tie): the headline most outlets agree on, not the first to arrive, nor one
    outlet's turn of phrase, and not an article moved in by hand. A headline in neutral words
    is preferred (not a loaded one, nor a speaker's words), and a live page's "Live:" is
    dropped (user trials 128, 130, 133).
    """
    titles = [bare_headline(a.title) for a in members if a.title]
    titles = [t for t in titles if _labels_well(t)]
    neutral = [t for t in titles if neutral_headline(t)]  # not one outlet's "'STOLEN': ..."
    heard = [a.title or a.first_line for a in members]
    titled = central_line(neutral or titles, heard) if titles else None
    line = next((a.first_line for a in members if _labels_well(a.first_line)), None)
    fallback = members[0].title or members[0].first_line
    return shorten_words(titled or line or fallback, LABEL_CHARS)


def _labels_well(line: str) -> bool:
    """True for a line that can name a story: four words or more, no date, not a question."""
    text = line.strip()
    return len(text.split()) >= _LABEL_WORDS and not text.endswith("?") and not text_dates(text)
