"""Opening a SQLite connection the way the store needs it, and write transactions.

Connections run in autocommit mode (``isolation_level=None``) so that every write happens in
an explicit ``BEGIN IMMEDIATE`` transaction of ours: the write lock is taken up front, and a
process killed half way leaves the last committed state (WAL journal, ``synchronous=NORMAL``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from storylens.errors import StoreError

__all__ = ["connect", "transaction"]


def connect(path: Path | None, *, busy_timeout: float) -> sqlite3.Connection:
    """Open and configure the database at ``path`` (``None``: a new in-memory database).

    Raises :class:`StoreError` when the folder is missing, the path is a folder or the file
    is not a SQLite database.
    """
    where = ":memory:" if path is None else str(path)
    if path is not None:
        _check_path(path)
    try:
        conn = sqlite3.connect(where, isolation_level=None, timeout=busy_timeout)
    except sqlite3.Error as e:
        raise StoreError(_open_message(where, e)) from e
    try:
        _configure(conn, busy_timeout)
    except sqlite3.Error as e:
        conn.close()
        raise StoreError(_open_message(where, e)) from e
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """Run the block in a ``BEGIN IMMEDIATE`` transaction; roll back on any exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _configure(conn: sqlite3.Connection, busy_timeout: float) -> None:
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
    conn.execute("PRAGMA journal_mode = WAL")  # the first read: fails on a non-database file
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")


def _check_path(path: Path) -> None:
    if path.is_dir():
        msg = (
            f"cannot open the store {path}: it is a folder, not a file: "
            f"give a file path such as {path / 'storylens.db'}"
        )
        raise StoreError(msg)
    if not path.parent.is_dir():
        msg = (
            f"cannot open the store {path}: the folder {path.parent} does not exist: "
            "create it first or choose another path"
        )
        raise StoreError(msg)


def _open_message(where: str, error: sqlite3.Error) -> str:
    if getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_NOTADB:
        return (
            f"cannot open the store {where}: the file is not a SQLite database: "
            "give another path, or move the file away to start a new store there"
        )
    return f"cannot open the store {where}: {error}: check that the file is readable and writable"
