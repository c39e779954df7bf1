"""Where storylens keeps articles between runs: one interface, backends chosen by URL.

>>> with open_store(":memory:") as store:
...     store.count_articles()
0

Accepted URLs: a path (``storylens.db``), ``sqlite:///relative.db``,
``sqlite:////absolute/path.db``, ``sqlite://:memory:`` or ``:memory:``. PostgreSQL comes
later and implements the same :class:`Store` protocol.
"""

from __future__ import annotations

import os

from storylens.errors import StoreError
from storylens.store.base import AddResult, ArticleSummary, SearchHit, Store
from storylens.store.sqlite import SQLiteStore
from storylens.store.url import sqlite_path

__all__ = ["AddResult", "ArticleSummary", "SQLiteStore", "SearchHit", "Store", "open_store"]


def open_store(
    url: str | os.PathLike[str], *, busy_timeout: float = 5.0, create: bool = True
) -> Store:
    """Open (creating and migrating when needed) the store that ``url`` names.

    ``busy_timeout`` is how many seconds a write waits for another writer to finish. With
    ``create=False`` a store that does not exist yet is an error, not a new empty store
    (for commands that only read). Raises :class:`~storylens.errors.ConfigError` for a URL
    it does not accept and :class:`~storylens.errors.StoreError` when the store cannot be
    opened.
    """
    path = sqlite_path(url)
    if not create and path is not None and not path.exists():
        msg = (
            f"no store at {path}: ingest articles first ('storylens ingest --db {path} SOURCES'),"
            " or point --db (or STORYLENS_DB) at an existing store"
        )
        raise StoreError(msg)
    return SQLiteStore(path, busy_timeout=busy_timeout)
