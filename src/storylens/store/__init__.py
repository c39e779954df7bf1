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

from storylens.store.base import AddResult, SearchHit, Store
from storylens.store.sqlite import SQLiteStore
from storylens.store.url import sqlite_path

__all__ = ["AddResult", "SQLiteStore", "SearchHit", "Store", "open_store"]


def open_store(url: str | os.PathLike[str], *, busy_timeout: float = 5.0) -> Store:
    """Open (creating and migrating when needed) the store that ``url`` names.

    ``busy_timeout`` is how many seconds a write waits for another writer to finish.
    Raises :class:`~storylens.errors.ConfigError` for a URL it does not accept and
    :class:`~storylens.errors.StoreError` when the store cannot be opened.
    """
    return SQLiteStore(sqlite_path(url), busy_timeout=busy_timeout)
