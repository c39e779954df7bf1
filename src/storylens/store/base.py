"""The storage interface every backend implements, and the small records it returns.

A backend is chosen by URL through :func:`storylens.store.open_store`; the shells and the
pipeline only ever see a :class:`Store`. One contract test suite (``tests/store``) runs
against every backend, so a new backend (PostgreSQL later) is correct when it passes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Protocol, Self

from storylens.model import Article, Override, Story, StoryAssignment

__all__ = ["AddResult", "ArticleSummary", "SearchHit", "Store"]


@dataclass(frozen=True, slots=True)
class AddResult:
    """What one :meth:`Store.add_articles` call did, id by id, in input order.

    ``stored_ids``: new articles. ``revised_ids``: revisions of stored articles (their source
    sent them again with other text, see :mod:`storylens.store.revisions`), under the ids they
    were stored with. ``present_ids``: articles whose text was stored already (under that id,
    or as a version of the same source article, or earlier in the same call), by the stored
    id; the stored copy is kept and the new one ignored.
    """

    stored_ids: tuple[str, ...] = ()
    present_ids: tuple[str, ...] = ()
    revised_ids: tuple[str, ...] = ()

    @property
    def stored(self) -> int:
        """How many articles were newly stored (revisions not counted)."""
        return len(self.stored_ids)

    @property
    def revised(self) -> int:
        """How many revisions of stored articles were stored."""
        return len(self.revised_ids)

    @property
    def already_present(self) -> int:
        """How many articles were already in the store."""
        return len(self.present_ids)

    def __add__(self, other: AddResult) -> AddResult:
        """Combine the results of two batches (each list in call order)."""
        return AddResult(
            self.stored_ids + other.stored_ids,
            self.present_ids + other.present_ids,
            self.revised_ids + other.revised_ids,
        )


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """What a clustering run needs of a stored article it does not re-read: no text but the
    first line (a story's label when no article has a title)."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    first_line: str


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One full-text search result.

    ``snippet`` is a short extract of the title or text with the matched terms between
    ``[`` and ``]``; ``score`` is the relevance (higher is better, BM25 based).
    """

    id: str
    title: str | None
    outlet: str | None
    snippet: str
    score: float


class Store(Protocol):
    """Where articles are kept between runs. Use it as a context manager to close it.

    Writes are atomic per call: a call either stores its whole batch or nothing, so what
    was stored before is never lost. Adding is idempotent: adding an article whose text is
    stored already (under its id, or as a version of the same source article) changes nothing.

    Revisions (:mod:`storylens.store.revisions`, which decides them for every backend): an
    article whose source key matches a stored article but whose text differs is stored as a
    revision, and replaces that article everywhere a listing is made (``iter_articles()``
    without ids, ``article_summaries``, ``count_articles``, ``search``, the duplicate index);
    the earlier version stays readable by id (``get_article``, ``has_article``,
    ``iter_articles(ids=...)``). Read back, a revision's ``meta["revises"]`` names the version
    it replaced and that version's ``meta["revised_by"]`` names the revision.
    """

    def add_articles(self, articles: Iterable[Article]) -> AddResult:
        """Store new articles and revisions, in one transaction; report what each one was."""
        ...

    def get_article(self, id: str) -> Article | None:
        """The stored article with this id (a revised one too), or ``None``."""
        ...

    def has_article(self, id: str) -> bool:
        """True when an article with this id is stored (a revised one too)."""
        ...

    def iter_articles(self, *, ids: Sequence[str] | None = None) -> Iterator[Article]:
        """Current articles (not revised since) in insertion order; when ``ids`` is given,
        exactly those articles, revised or not.

        Raises :class:`~storylens.errors.NotFoundError` (before yielding anything) when an
        id in ``ids`` is not stored.
        """
        ...

    def article_summaries(self) -> list[ArticleSummary]:
        """Every current article's id, title, outlet, publication time and first line, in
        insertion order."""
        ...

    def count_articles(self) -> int:
        """How many current articles are stored (earlier versions of revised ones not
        counted)."""
        ...

    def revisions(self) -> dict[str, str]:
        """Every revised article's id -> the id of the revision that replaced it, in
        insertion order of the revised articles."""
        ...

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Current articles whose title or text hold every word of ``query``, best first.

        Words are matched as plain words (no query syntax); ``word*`` matches a prefix.
        """
        ...

    def get_value(self, key: str) -> str | None:
        """The value stored under ``key`` in the store's key/value table, or ``None``."""
        ...

    def set_value(self, key: str, value: str) -> None:
        """Store ``value`` under ``key``, replacing any previous value."""
        ...

    def save_stories(
        self,
        stories: Sequence[Story],
        assignments: Sequence[StoryAssignment],
        groups: Sequence[Mapping[str, Any]],
        *,
        state: bytes | None = None,
    ) -> None:
        """Replace stories, assignments, origin groups (and the clustering state) at once."""
        ...

    def iter_stories(self) -> Iterator[Story]:
        """The stories of the last clustering run, largest first."""
        ...

    def get_story(self, id: str) -> Story | None:
        """One story, or ``None``."""
        ...

    def story_article_ids(self, id: str) -> list[str]:
        """A story's article ids; NotFoundError for an unknown story."""
        ...

    def story_assignments(self, id: str | None = None) -> list[StoryAssignment]:
        """Why each article is in its story (one story's, or all)."""
        ...

    def origin_groups(self) -> list[dict[str, Any]]:
        """The same-origin (duplicate) groups of the last clustering run."""
        ...

    def dedup_indexed(self) -> set[str]:
        """The ids of the articles already in the duplicate-detection index."""
        ...

    def dedup_candidates(self, keys: Iterable[int]) -> dict[int, list[str]]:
        """For each of these band keys held by indexed current articles: their ids, sorted."""
        ...

    def add_dedup_index(
        self, keys: Mapping[str, Sequence[int]], links: Iterable[tuple[str, str]]
    ) -> None:
        """Index articles (id -> band keys) and record verified duplicate pairs, at once."""
        ...

    def dedup_links(self) -> list[tuple[str, str]]:
        """Every verified duplicate pair of current articles (smaller id first), sorted."""
        ...

    def add_overrides(self, overrides: Sequence[Override]) -> None:
        """Record user overrides, kept for every later run."""
        ...

    def overrides(self) -> list[Override]:
        """Every user override, oldest first."""
        ...

    def cluster_state(self) -> bytes | None:
        """The saved online-clustering state, or ``None`` before the first run."""
        ...

    def schema_version(self) -> int:
        """The highest migration version applied to this store."""
        ...

    def close(self) -> None:
        """Release the store; closing twice is harmless."""
        ...

    def __enter__(self) -> Self:
        """Return the store itself."""
        ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Close the store."""
        ...
