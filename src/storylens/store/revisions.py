"""Revisions: an article its source sends again with other text, decided the same way by every
store backend.

A feed is polled again and again; a JSON Lines export is re-run; a page is crawled twice. When
the source corrects an article (a toll of seven becomes nine), the new text is a *revision* of
the stored article, not one more article: it replaces the earlier version in listings, stories
and comparisons, while the earlier version stays stored and can still be read by its id.

What an article is at its source is its :func:`source_key`: the id a JSON Lines record gave
(any id that is not the content hash), else the feed entry's guid (with the outlet: guids are
only unique within one feed), else its URL without the ``#fragment`` (unless the URL is a
site's home page, ``https://outlet.example/``, which datasets give as every article's "url").
A text file or stdin has none, so every text read from one is an article of its own.

:func:`plan_add` decides, for a batch of incoming articles and the stored versions sharing
their ids or source keys, what a store does with each one, in order:

- its text is stored already, under its id or as any version of its source key: *already
  present* (a stale copy of an earlier version never brings that version back);
- its source key matches stored articles: a *revision*. It is stored under its own id, or
  under its content hash when that id is the earlier version's (a JSON Lines id), and the
  current version is marked as revised by it;
- otherwise it is *stored*, a new article (an id already taken with no source key in common
  keeps the stored article, as before revisions existed).

A backend only looks the versions up, writes the plan in one transaction, and reads the
earlier versions back out of listings; see :class:`storylens.store.Store`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from storylens.model import Article
from storylens.store.base import AddResult

__all__ = [
    "REVISED_BY",
    "REVISES",
    "AddPlan",
    "Insert",
    "StoredVersion",
    "lookup_ids",
    "lookup_keys",
    "plan_add",
    "source_key",
]

REVISES = "revises"
"""``Article.meta`` key a store sets on a revision: the id of the version it replaced."""
REVISED_BY = "revised_by"
"""``Article.meta`` key a store sets on a replaced version: the id of its revision."""


def source_key(article: Article) -> str | None:
    """What ``article`` is at its source, whatever its text; ``None`` when nothing says.

    >>> from storylens.model import content_hash
    >>> text = "The toll rose to nine."
    >>> source_key(Article("eb-7", text, (), content_hash(text)))
    'id eb-7'
    >>> source_key(Article(content_hash(text), text, (), content_hash(text), outlet="Tidewater",
    ...                    meta={"guid": "tw-1"}))
    'guid Tidewater\\x1ftw-1'
    >>> source_key(Article(content_hash(text), text, (), content_hash(text),
    ...                    url="https://tidewater.example/toll#top"))
    'url https://tidewater.example/toll'
    """
    if article.id != article.content_hash:
        return f"id {article.id}"
    guid = article.meta.get("guid")
    if isinstance(guid, str) and guid:
        return f"guid {article.outlet or ''}\x1f{guid}"
    url = (article.url or "").split("#", 1)[0]
    return f"url {url}" if url and not _names_a_site(url) else None


def _names_a_site(url: str) -> bool:
    """True for a URL with no path and no query: a site's home page, not an article.

    >>> _names_a_site("https://outlet.example/"), _names_a_site("outlet.example")
    (True, True)
    >>> _names_a_site("https://outlet.example/world/"), _names_a_site("https://o.example/?p=7")
    (False, False)
    """
    rest = url.split("://", 1)[1] if "://" in url else url
    return "/" not in rest.rstrip("/") and "?" not in rest


@dataclass(frozen=True, slots=True)
class StoredVersion:
    """What :func:`plan_add` needs to know of a stored article."""

    id: str
    content_hash: str
    source_key: str | None
    current: bool
    """False once a revision replaced it."""


@dataclass(frozen=True, slots=True)
class Insert:
    """One article to write: ``article`` (with the id it is stored under), its ``position`` in
    the batch, its source key, and the id of the version it revises (``None`` when new)."""

    article: Article
    position: int
    source_key: str | None
    revises: str | None = None


@dataclass(slots=True)
class AddPlan:
    """What one :meth:`Store.add_articles` call writes, and what it reports."""

    inserts: list[Insert] = field(default_factory=list)
    result: AddResult = field(default_factory=AddResult)

    @property
    def revised(self) -> list[tuple[str, str]]:
        """(earlier version, revision) id pairs: the rows to mark as revised."""
        return [(i.revises, i.article.id) for i in self.inserts if i.revises is not None]


def lookup_ids(articles: Sequence[Article]) -> list[str]:
    """The ids a backend must look up for :func:`plan_add`: every id and content hash."""
    return sorted({a.id for a in articles} | {a.content_hash for a in articles})


def lookup_keys(articles: Sequence[Article]) -> list[str]:
    """The source keys a backend must look up for :func:`plan_add`."""
    return sorted({key for a in articles if (key := source_key(a)) is not None})


def plan_add(articles: Sequence[Article], stored: Iterable[StoredVersion]) -> AddPlan:
    """Decide what to do with each incoming article, in order (see the module docstring).

    ``stored`` holds the stored articles whose id is one of :func:`lookup_ids` or whose
    source key is one of :func:`lookup_keys`, in insertion order.
    """
    known = _Known(stored)
    plan = AddPlan()
    ids: dict[str, list[str]] = {"stored": [], "present": [], "revised": []}
    for position, article in enumerate(articles):
        outcome, article_id, insert = _decide(known, position, article)
        ids[outcome].append(article_id)
        if insert is not None:
            known.add(insert)
            plan.inserts.append(insert)
    plan.result = AddResult(tuple(ids["stored"]), tuple(ids["present"]), tuple(ids["revised"]))
    return plan


def _decide(known: _Known, position: int, article: Article) -> tuple[str, str, Insert | None]:
    """``stored``, ``present`` or ``revised``, the id, and what to write (if anything)."""
    key = source_key(article)
    found = known.same_text(article, key)
    if found is not None:
        return "present", found, None
    earlier = known.current(key)
    if earlier is None:
        if article.id in known.by_id:  # an id taken by another source's text: keep the first
            return "present", article.id, None
        return "stored", article.id, Insert(article, position, key)
    new_id = article.id if article.id not in known.by_id else article.content_hash
    if new_id in known.by_id:  # this very text is stored already, from another source
        return "present", new_id, None
    return "revised", new_id, Insert(replace(article, id=new_id), position, key, earlier)


class _Known:
    """The stored versions, and those the batch adds as it goes."""

    def __init__(self, stored: Iterable[StoredVersion]) -> None:
        self.by_id: dict[str, StoredVersion] = {}
        self.by_key: dict[str, list[StoredVersion]] = {}
        for version in stored:
            self._put(version)

    def _put(self, version: StoredVersion) -> None:
        self.by_id[version.id] = version
        if version.source_key is not None:
            self.by_key.setdefault(version.source_key, []).append(version)

    def same_text(self, article: Article, key: str | None) -> str | None:
        """The id of a stored article with this article's text, under its id or its key."""
        same_id = self.by_id.get(article.id)
        if same_id is not None and same_id.content_hash == article.content_hash:
            return same_id.id
        versions = self.by_key.get(key, []) if key is not None else []
        return next((v.id for v in versions if v.content_hash == article.content_hash), None)

    def current(self, key: str | None) -> str | None:
        """The id of the current version of a source key (the latest when none is marked)."""
        versions = self.by_key.get(key, []) if key is not None else []
        if not versions:
            return None
        return next((v.id for v in versions if v.current), versions[-1].id)

    def add(self, insert: Insert) -> None:
        """Record an article this batch stores (marking the version it revises)."""
        if insert.revises is not None:
            old = self.by_id[insert.revises]
            self._replace(old, StoredVersion(old.id, old.content_hash, old.source_key, False))
        article = insert.article
        self._put(StoredVersion(article.id, article.content_hash, insert.source_key, True))

    def _replace(self, old: StoredVersion, new: StoredVersion) -> None:
        self.by_id[old.id] = new
        if old.source_key is not None:
            versions = self.by_key[old.source_key]
            versions[versions.index(old)] = new
