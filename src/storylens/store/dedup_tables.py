"""Reading and writing the duplicate-detection index of a SQLite store (see migration 0003).

Reads leave out articles a revision replaced (migration 0004): a revision is hashed and
linked as a new article, and its earlier version is no copy of anything any more.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence

from storylens.store.serialize import to_json

__all__ = ["add_index", "candidates", "indexed", "links"]

_REVISED = "SELECT id FROM articles WHERE revised_by IS NOT NULL"


def indexed(conn: sqlite3.Connection) -> set[str]:
    """The ids of the articles already in the index."""
    return {row[0] for row in conn.execute("SELECT article_id FROM dedup_indexed")}


def candidates(conn: sqlite3.Connection, keys: Iterable[int]) -> dict[int, list[str]]:
    """For each band key held by an indexed article: those articles' ids, sorted."""
    found: dict[int, list[str]] = {}
    rows = conn.execute(
        "SELECT key, article_id FROM dedup_bands"
        " WHERE key IN (SELECT value FROM json_each(?))"
        f" AND article_id NOT IN ({_REVISED}) ORDER BY key, article_id",
        (to_json(sorted(set(keys))),),
    )
    for key, article_id in rows:
        found.setdefault(key, []).append(article_id)
    return found


def add_index(
    conn: sqlite3.Connection,
    keys: Mapping[str, Sequence[int]],
    pairs: Iterable[tuple[str, str]],
) -> None:
    """Index articles by their band keys and record verified pairs (call in a transaction)."""
    conn.executemany(
        "INSERT OR IGNORE INTO dedup_bands (key, article_id) VALUES (?, ?)",
        [(key, article) for article, held in keys.items() for key in held],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO dedup_indexed (article_id) VALUES (?)", [(a,) for a in keys]
    )
    conn.executemany(
        "INSERT OR IGNORE INTO dedup_links (a, b) VALUES (?, ?)",
        [(min(a, b), max(a, b)) for a, b in pairs],
    )


def links(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """Every verified duplicate pair of current articles, sorted."""
    sql = (
        "SELECT a, b FROM dedup_links"
        f" WHERE a NOT IN ({_REVISED}) AND b NOT IN ({_REVISED}) ORDER BY a, b"
    )
    return [(a, b) for a, b in conn.execute(sql)]
