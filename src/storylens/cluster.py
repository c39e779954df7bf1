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
  averaged with a general-English prior IDF that counts as ``prior_docs`` documents,
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

A revised article (its source sent it again with other text) takes the place of its earlier
version: :func:`retire` takes the earlier version out of its story and :func:`revise` puts the
revision in that story.

User decisions live in the state and are obeyed by every later run: ``pinned`` (article -> story,
from a move or split), ``must_link`` and ``cannot_link`` (pairs of article ids, from merges and
splits). Story ids are deterministic: ``story-`` and 12 hex digits of the SHA-256 of the id of the
article that opened the story.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from storylens._cluster_assign import _place, _register, _unique
from storylens._cluster_passes import _adopt_pass, _merge_pass, _move_pass, _rebuild, _split_pass
from storylens._cluster_stories import (
    _Entry,
    _join,
    _leave,
    _score,
    _Story,
    _threshold,
    story_id_for,
)
from storylens._cluster_vectors import Vector, _vector
from storylens.model import Article, StoryAssignment

__all__ = [
    "Assignment",
    "ClusterOptions",
    "ClusterState",
    "apply_pins",
    "assign",
    "merge_split",
    "retire",
    "revise",
    "stories",
    "story_id_for",
]


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
    recheck_size: int = 8
    prior_docs: float = 20.0  # the general-English IDF counts as this many documents seen


Assignment = StoryAssignment
"""Where one article went and why (the model's :class:`~storylens.model.StoryAssignment`).

``rule`` is ``joined`` (best story scored at least the threshold), ``new-story``, ``pinned``
(a user's move or split), ``must-link``, ``moved``, ``merged`` or ``split`` (by
:func:`merge_split`). ``features`` holds what decided: ``words`` and ``names`` shares of the
score, ``shared_words``, ``shared_names``, ``year_conflict`` and, when times are known,
``date_gap_days``.
"""


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


# Pickled inside ClusterState: keep the module path stores were written with (``__name__``
# itself, not an equal string, so pickles stay byte-identical: pickle memoizes by identity).
_Entry.__module__ = _Story.__module__ = __name__


def stories(state: ClusterState) -> dict[str, tuple[str, ...]]:
    """Every story id with its member article ids, in arrival order."""
    return {sid: tuple(story.members) for sid, story in state.stories.items()}


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


def retire(
    state: ClusterState, article_ids: Iterable[str], *, options: ClusterOptions | None = None
) -> dict[str, str]:
    """Take articles out of the state (earlier versions of revised articles); return the
    story each one was in. Ids the state does not hold are passed over.

    Its terms leave the document frequencies; ``n_docs`` keeps counting every article ever
    registered (it numbers them), so the IDF stays as it was give or take that one document.
    """
    options = options or ClusterOptions()
    left: dict[str, str] = {}
    for article_id in article_ids:
        entry = state.articles.get(article_id)
        if entry is None:
            continue
        vec = state.recent.pop(article_id, None) or _vector(state, entry, options)
        _leave(state, article_id, vec)
        for tid in (*entry.word_ids, *entry.name_ids):
            state.df[tid] -= 1
        del state.articles[article_id]
        left[article_id] = entry.story
    return left


def revise(
    state: ClusterState,
    article: Article,
    story: str,
    revises: str,
    *,
    options: ClusterOptions | None = None,
) -> Assignment:
    """Put ``article``, a revision of the retired article ``revises``, in ``story`` (the
    story that one was in); the periodic pass may still move it, as any new article."""
    options = options or ClusterOptions()
    _register(state, article)
    entry = state.articles[article.id]
    vec = _vector(state, entry, options)
    found = state.stories.get(story)
    score = _score(vec, entry, found, options).score if found is not None else 0.0
    _join(state, story, article.id, vec, options)
    state.recent[article.id] = vec
    threshold = _threshold(entry, options)
    features = {"revises": revises}
    return Assignment(
        article.id, story, round(score, 4), None, 0.0, "revision", threshold, features
    )


def apply_pins(state: ClusterState, *, options: ClusterOptions | None = None) -> list[Assignment]:
    """Put each clustered article the user pinned to another story there, and change nothing
    else: a correction moves the articles it names, never other stories. Returns the moves
    (rule ``pinned``, ``features["was_in"]`` the story left)."""
    options = options or ClusterOptions()
    moves: list[Assignment] = []
    pinned = [a for a in state.pinned if a in state.articles]
    for aid in sorted(pinned, key=lambda a: state.articles[a].seq):
        entry, target = state.articles[aid], state.pinned[aid]
        if entry.story == target:
            continue
        was_in = entry.story
        vec = state.recent.get(aid) or _vector(state, entry, options)
        _leave(state, aid, vec)
        _join(state, target, aid, vec, options)
        moves.append(Assignment(aid, target, 0.0, None, 0.0, "pinned", 0.0, {"was_in": was_in}))
    return moves


def merge_split(
    state: ClusterState, *, options: ClusterOptions | None = None
) -> tuple[ClusterState, list[Assignment]]:
    """The periodic pass: refresh IDF, split two-event stories, move articles, merge stories.

    Only strong evidence changes an earlier assignment: a story splits when its halves are not
    cohesive (``cohesion_ratio``); an article that arrived since the last pass moves when
    another story beats its own by ``move_margin`` (when the corpus has grown by
    ``rebuild_growth`` and the IDF is refreshed, so are the articles of every story of at most
    ``recheck_size``: an article placed while its story was young gets a second look, and the
    total work stays linear); stories merge
    when their sums score at least ``merge_threshold``, they are cohesive with each other and
    the split pass would not split their union again (the same bisection and ratio); a
    small touched story (at most ``adopt_size`` articles) folds into a larger one it scores
    ``adopt_threshold`` against.
    Pinned and linked articles never move. Returns the changes.
    """
    options = options or ClusterOptions()
    rebuilt = state.n_docs >= options.rebuild_growth * state.built
    if rebuilt:
        _rebuild(state, options)
    changes, opened = _split_pass(state, options)
    changes += _move_pass(state, options, _recheck(state, options) if rebuilt else None)
    touched = {state.articles[aid].story for aid in state.recent} | opened
    changes += _merge_pass(state, touched, options)
    touched = {state.articles[aid].story for aid in state.recent} | opened
    changes += _adopt_pass(state, touched, options)
    state.recent = {}
    state.checked = len(state.articles)
    return state, changes


def _recheck(state: ClusterState, options: ClusterOptions) -> list[str]:
    """The articles of small stories (at most ``recheck_size``), checked again after a rebuild.

    Articles placed before their story's vocabulary was known end up in fragments; large
    stories are settled. On ECB+ train, re-checking every article instead gave the same scores
    at twice the cost.
    """
    return [
        aid
        for aid, entry in state.articles.items()
        if len(state.stories[entry.story].members) <= options.recheck_size
    ]
