"""The SQLite store: one file (or memory), WAL journal, FTS5 search, plain-SQL migrations.

Every write is one ``BEGIN IMMEDIATE`` transaction: a batch of articles is stored whole or
not at all, so a crash or a bad article never loses what was stored before, and running the
same ingest again completes it (adding the same articles again changes nothing). Revisions
are decided by :mod:`storylens.store.revisions`.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from storylens.errors import ConfigError, NotFoundError, StoreError
from storylens.model import Article, Override, Story, StoryAssignment
from storylens.store import dedup_tables, story_tables
from storylens.store.base import AddResult, ArticleSummary, SearchHit
from storylens.store.connection import connect, transaction
from storylens.store.migrate import applied_version, load_migrations, migrate
from storylens.store.revisions import (
    AddPlan,
    StoredVersion,
    lookup_ids,
    lookup_keys,
    plan_add,
)
from storylens.store.serialize import (
    ARTICLE_COLUMNS,
    REVISION_COLUMNS,
    article_from_row,
    article_to_row,
    to_json,
)

__all__ = ["CLUSTER_STATE", "SQLiteStore", "fts_query"]

CLUSTER_STATE = "cluster-state"

_COLUMNS = ", ".join(ARTICLE_COLUMNS)
_SELECT = f"SELECT {_COLUMNS}, {', '.join(REVISION_COLUMNS)} FROM articles"
_WRITTEN = (*ARTICLE_COLUMNS, "source_key", "revises")
_INSERT = f"INSERT INTO articles ({', '.join(_WRITTEN)}) VALUES ({', '.join('?' * len(_WRITTEN))})"
_MARK_REVISED = "UPDATE articles SET revised_by = ? WHERE id = ?"
_IN_IDS = "id IN (SELECT value FROM json_each(?))"
_CURRENT = "revised_by IS NULL"
_VERSIONS = f"""
SELECT id, content_hash, source_key, {_CURRENT} FROM articles
WHERE {_IN_IDS} OR source_key IN (SELECT value FROM json_each(?))
ORDER BY seq
"""
_SEARCH = f"""
SELECT a.id, a.title, a.outlet,
       snippet(articles_fts, -1, '[', ']', '…', 16),
       bm25(articles_fts, 2.0, 1.0) AS bm25_score
FROM articles_fts JOIN articles AS a ON a.seq = articles_fts.rowid
WHERE articles_fts MATCH ? AND a.{_CURRENT}
ORDER BY bm25_score, a.seq
LIMIT ?
"""
_MISSING_SHOWN = 5


_OPERATORS = frozenset({"AND", "OR", "NOT"})
_QUERY_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')


def fts_query(query: str) -> str:
    """An FTS5 query for ``query`` that is never a syntax error.

    Words must all appear; ``"a phrase"`` matches the words in that order; ``AND``, ``OR``
    and ``NOT`` (upper case) between two terms are operators; ``word*`` matches a prefix.
    Any other punctuation loses its meaning, and ``AND`` or ``OR`` with nothing on one side
    is dropped. ``NOT`` with nothing before it is a :class:`ConfigError`: full-text search
    finds what is there, so "everything but X" needs a term to start from.

    >>> fts_query('mayor AND "lower town"')
    '"mayor" AND "lower town"'
    >>> fts_query('covid-19 OR (vacc*')
    '"covid-19" OR "(vacc"*'
    >>> fts_query("OR lighthouse AND")
    '"lighthouse"'
    >>> fts_query("?! ...")
    ''
    """
    parts: list[str] = []
    for phrase, word in _QUERY_TOKEN.findall(query):
        if word in _OPERATORS:
            if parts and parts[-1] not in _OPERATORS:
                parts.append(word)
            elif word == "NOT":
                msg = (
                    f"cannot search {query!r}: NOT needs a term before it"
                    " (search 'harbour NOT strike' for articles with one word and not the other)"
                )
                raise ConfigError(msg)
            continue
        term = _term(phrase if phrase else word, prefix=not phrase)
        if term:
            parts.append(term)
    while parts and parts[-1] in _OPERATORS:
        parts.pop()
    return " ".join(parts)


def _term(text: str, *, prefix: bool) -> str:
    """One quoted FTS5 string (a word or a phrase), keeping a trailing ``*`` of a word."""
    core = text.rstrip("*") if prefix else text
    if not any(ch.isalnum() for ch in core):
        return ""
    star = "*" if prefix and core != text else ""
    return '"' + core.replace('"', '""') + '"' + star


class SQLiteStore:
    """A :class:`~storylens.store.Store` in one SQLite file, or in memory when ``path`` is None.

    Opening applies any pending migration. A connection belongs to the thread that opened
    the store; open one store per thread or process (WAL lets readers run beside a writer).
    """

    def __init__(
        self, path: str | os.PathLike[str] | None = None, *, busy_timeout: float = 5.0
    ) -> None:
        self.path = None if path is None or os.fspath(path) == ":memory:" else Path(path)
        self._where = ":memory:" if self.path is None else str(self.path)
        self._conn: sqlite3.Connection | None = connect(self.path, busy_timeout=busy_timeout)
        try:
            migrate(self._conn, self._where, load_migrations())
        except BaseException:
            self.close()
            raise

    def __repr__(self) -> str:
        return f"SQLiteStore({self._where!r})"

    def add_articles(self, articles: Iterable[Article]) -> AddResult:
        """Store new articles and revisions (:mod:`storylens.store.revisions`) in one
        transaction; report what each article was.

        Every article is checked before anything is written: a bad one raises
        :class:`StoreError` naming it, and nothing from this call is stored.
        """
        batch = list(articles)
        rows = [article_to_row(article) for article in batch]
        conn = self._connection()
        try:
            with transaction(conn):
                plan = plan_add(batch, self._versions(conn, batch))
                self._write(conn, plan, rows)
        except sqlite3.Error as e:
            raise StoreError(self._write_message(e)) from e
        return plan.result

    def get_article(self, id: str) -> Article | None:
        """The stored article with this id, or ``None``."""
        row = self._connection().execute(f"{_SELECT} WHERE id = ?", (id,)).fetchone()
        return None if row is None else article_from_row(row)

    def has_article(self, id: str) -> bool:
        """True when an article with this id is stored."""
        sql = "SELECT 1 FROM articles WHERE id = ?"
        return self._connection().execute(sql, (id,)).fetchone() is not None

    def iter_articles(self, *, ids: Sequence[str] | None = None) -> Iterator[Article]:
        """Stored articles in insertion order; only those in ``ids`` when given.

        Raises :class:`NotFoundError` (before yielding anything) when an id is not stored.
        """
        conn = self._connection()
        if ids is None:
            cursor = conn.execute(f"{_SELECT} WHERE {_CURRENT} ORDER BY seq")
        else:
            wanted = self._check_ids(conn, ids)
            cursor = conn.execute(f"{_SELECT} WHERE {_IN_IDS} ORDER BY seq", (wanted,))
        return (article_from_row(row) for row in cursor)

    def article_summaries(self) -> list[ArticleSummary]:
        """Every current article's id, title, outlet, publication time and first line, in
        insertion order."""
        rows = self._connection().execute(
            "SELECT id, title, outlet, published,"
            " substr(text, 1, instr(text || char(10), char(10)) - 1) FROM articles"
            f" WHERE {_CURRENT} ORDER BY seq"
        )
        return [ArticleSummary(*row) for row in rows]

    def count_articles(self) -> int:
        """How many current articles are stored (earlier versions of revised ones not
        counted)."""
        sql = f"SELECT count(*) FROM articles WHERE {_CURRENT}"
        row = self._connection().execute(sql).fetchone()
        return int(row[0])

    def revisions(self) -> dict[str, str]:
        """Every revised article's id -> the id of its revision, in insertion order."""
        sql = "SELECT id, revised_by FROM articles WHERE revised_by IS NOT NULL ORDER BY seq"
        return {str(old): str(new) for old, new in self._connection().execute(sql)}

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Articles whose title or text hold every word of ``query``, best first.

        Words match as plain words (see :func:`fts_query`); ``word*`` matches a prefix.
        Titles weigh twice as much as text. Ties keep insertion order.
        """
        if limit < 1:
            msg = (
                f"cannot search with limit={limit}: the limit must be at least 1: "
                "pass limit=1 or more"
            )
            raise ConfigError(msg)
        match = fts_query(query)
        if not match:
            return []
        rows = self._connection().execute(_SEARCH, (match, limit)).fetchall()
        return [
            SearchHit(id_, title, outlet, snip, -score) for id_, title, outlet, snip, score in rows
        ]

    def get_value(self, key: str) -> str | None:
        """The value stored under ``key``, or ``None``."""
        sql = "SELECT value FROM store_values WHERE key = ?"
        row = self._connection().execute(sql, (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_value(self, key: str, value: str) -> None:
        """Store ``value`` under ``key``, replacing any previous value."""
        sql = (
            "INSERT INTO store_values (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        )
        conn = self._connection()
        try:
            with transaction(conn):
                conn.execute(sql, (key, value))
        except sqlite3.Error as e:
            raise StoreError(self._write_message(e)) from e

    def save_stories(
        self,
        stories: Sequence[Story],
        assignments: Sequence[StoryAssignment],
        groups: Sequence[Mapping[str, Any]],
        *,
        state: bytes | None = None,
    ) -> None:
        """Replace the stories, why each article is in its story, the origin groups and
        (when given) the clustering state, all in one transaction."""
        conn = self._connection()
        try:
            with transaction(conn):
                story_tables.save_stories(conn, stories, assignments, groups)
                if state is not None:
                    story_tables.set_blob(conn, CLUSTER_STATE, state)
        except sqlite3.Error as e:
            raise StoreError(self._write_message(e)) from e

    def iter_stories(self) -> Iterator[Story]:
        """The stories of the last clustering run, largest first."""
        return story_tables.iter_stories(self._connection())

    def get_story(self, id: str) -> Story | None:
        """One story, or ``None``."""
        return next(story_tables.iter_stories(self._connection(), id), None)

    def story_article_ids(self, id: str) -> list[str]:
        """The ids of a story's articles; :class:`NotFoundError` for an unknown story."""
        story = self.get_story(id)
        if story is None:
            msg = f"no story with id {id!r} in {self._where}: list stories with 'storylens stories'"
            raise NotFoundError(msg)
        return list(story.articles)

    def story_assignments(self, id: str | None = None) -> list[StoryAssignment]:
        """Why each article is in its story: one story's, or every story's when ``id`` is None."""
        conn = self._connection()
        if id is None:
            return story_tables.all_assignments(conn)
        return story_tables.story_assignments(conn, id)

    def origin_groups(self) -> list[dict[str, Any]]:
        """The same-origin (duplicate) groups of the last clustering run."""
        return story_tables.origin_groups(self._connection())

    def dedup_indexed(self) -> set[str]:
        """The ids of the articles already in the duplicate-detection index."""
        return dedup_tables.indexed(self._connection())

    def dedup_candidates(self, keys: Iterable[int]) -> dict[int, list[str]]:
        """For each of these band keys held by indexed articles: their ids, sorted."""
        return dedup_tables.candidates(self._connection(), keys)

    def add_dedup_index(
        self, keys: Mapping[str, Sequence[int]], links: Iterable[tuple[str, str]]
    ) -> None:
        """Index articles (id -> band keys) and record verified duplicate pairs, in one
        transaction."""
        conn = self._connection()
        try:
            with transaction(conn):
                dedup_tables.add_index(conn, keys, links)
        except sqlite3.Error as e:
            raise StoreError(self._write_message(e)) from e

    def dedup_links(self) -> list[tuple[str, str]]:
        """Every verified duplicate pair (smaller id first), sorted."""
        return dedup_tables.links(self._connection())

    def add_overrides(self, overrides: Sequence[Override]) -> None:
        """Record user overrides (kept for every later run), in one transaction."""
        conn = self._connection()
        try:
            with transaction(conn):
                for override in overrides:
                    story_tables.add_override(conn, override)
        except sqlite3.Error as e:
            raise StoreError(self._write_message(e)) from e

    def overrides(self) -> list[Override]:
        """Every user override, oldest first."""
        return story_tables.list_overrides(self._connection())

    def cluster_state(self) -> bytes | None:
        """The saved online-clustering state, or ``None`` before the first run."""
        return story_tables.get_blob(self._connection(), CLUSTER_STATE)

    def schema_version(self) -> int:
        """The highest migration version applied to this store."""
        return applied_version(self._connection())

    def close(self) -> None:
        """Close the connection; closing twice is harmless."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            msg = f"the store {self._where} is closed: open it again with open_store()"
            raise StoreError(msg)
        return self._conn

    @staticmethod
    def _versions(conn: sqlite3.Connection, batch: list[Article]) -> list[StoredVersion]:
        """The stored articles sharing an id, a content hash or a source key with the batch."""
        ids, keys = to_json(lookup_ids(batch)), to_json(lookup_keys(batch))
        return [
            StoredVersion(article_id, digest, key, bool(current))
            for article_id, digest, key, current in conn.execute(_VERSIONS, (ids, keys))
        ]

    @staticmethod
    def _write(conn: sqlite3.Connection, plan: AddPlan, rows: list[tuple[object, ...]]) -> None:
        """Insert the plan's articles (``rows`` holds the batch's, by position) and mark the
        versions they revise (in a transaction)."""
        conn.executemany(
            _INSERT,
            [(i.article.id, *rows[i.position][1:], i.source_key, i.revises) for i in plan.inserts],
        )
        conn.executemany(_MARK_REVISED, [(new, old) for old, new in plan.revised])

    def _check_ids(self, conn: sqlite3.Connection, ids: Sequence[str]) -> str:
        """The ids as a JSON list; raise NotFoundError when one of them is not stored."""
        if isinstance(ids, str):
            msg = f"iter_articles got ids={ids!r}, a string: pass a list of ids such as [{ids!r}]"
            raise ConfigError(msg)
        wanted = to_json(list(ids))
        sql = "SELECT value FROM json_each(?) WHERE value NOT IN (SELECT id FROM articles)"
        missing = [str(r[0]) for r in conn.execute(sql, (wanted,))]
        if missing:
            more = ", …" if len(missing) > _MISSING_SHOWN else ""
            shown = ", ".join(missing[:_MISSING_SHOWN]) + more
            msg = (
                f"cannot read articles from the store {self._where}: {_not_stored(len(missing))}"
                f" ({shown}): check the ids against the stored articles"
            )
            raise NotFoundError(msg)
        return wanted

    def _write_message(self, error: sqlite3.Error) -> str:
        return (
            f"cannot write to the store {self._where}: {error}: nothing from this call was"
            " stored; check free disk space and that no other process holds the store"
        )


def _not_stored(count: int) -> str:
    """How many of the ids asked for are missing, in words.

    >>> _not_stored(1), _not_stored(2)
    ('1 of the ids is not stored', '2 of the ids are not stored')
    """
    return f"{count} of the ids {'is' if count == 1 else 'are'} not stored"
