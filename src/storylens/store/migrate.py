"""Schema migrations: an ordered list of plain ``.sql`` files, each applied in a transaction.

Files live in ``storylens/store/migrations/`` and are named ``NNNN_name.sql``
(``0001_articles.sql``); the number is the version. Each applied migration is recorded in
``schema_migrations`` (version, name, applied_at). To change the schema, add the next numbered
file; never edit one that has shipped.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources

from storylens.errors import StoreError
from storylens.store.connection import transaction

__all__ = [
    "Migration",
    "applied_version",
    "check_not_newer",
    "load_migrations",
    "migrate",
    "split_statements",
]

_FILE_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")

_BOOTSTRAP = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
)
"""


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema change: its version number, its name and its SQL script."""

    version: int
    name: str
    sql: str


def load_migrations() -> tuple[Migration, ...]:
    """The migrations shipped with storylens, in version order (1, 2, 3, ... with no gap)."""
    folder = resources.files("storylens.store").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        match = _FILE_NAME.match(entry.name)
        if match:
            sql = entry.read_text(encoding="utf-8")
            found.append(Migration(int(match.group(1)), match.group(2), sql))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        msg = (
            f"the store migrations are not numbered 1 to {len(found)} without gaps: "
            "a packaging bug: reinstall storylens"
        )
        raise StoreError(msg)
    return tuple(found)


def split_statements(script: str) -> list[str]:
    """Split an SQL script into complete statements (trigger bodies stay whole).

    >>> split_statements("CREATE TABLE t (x); -- note\\nINSERT INTO t VALUES (';');")
    ['CREATE TABLE t (x);', "-- note\\nINSERT INTO t VALUES (';');"]
    """
    statements: list[str] = []
    buffer = ""
    for piece in script.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    return [s for s in statements if _has_code(s)]


def applied_version(conn: sqlite3.Connection) -> int:
    """The highest version recorded in ``schema_migrations`` (0 for a new database)."""
    row = conn.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()
    return int(row[0])


def check_not_newer(conn: sqlite3.Connection, where: str, known: int) -> None:
    """Refuse a database written by a newer storylens than this one."""
    version = applied_version(conn)
    if version > known:
        msg = (
            f"cannot open the store {where}: its schema version {version} is newer than the"
            f" {known} this storylens knows: upgrade storylens (pip install -U storylens)"
        )
        raise StoreError(msg)


def migrate(conn: sqlite3.Connection, where: str, migrations: tuple[Migration, ...]) -> None:
    """Apply every migration not applied yet, each in its own ``BEGIN IMMEDIATE`` transaction.

    ``conn`` must be in autocommit mode (``isolation_level=None``).
    """
    conn.execute(_BOOTSTRAP)
    check_not_newer(conn, where, len(migrations))
    for migration in migrations:
        if migration.version > applied_version(conn):
            _apply(conn, where, migration)


def _apply(conn: sqlite3.Connection, where: str, migration: Migration) -> None:
    try:
        with transaction(conn):
            if migration.version > applied_version(conn):  # another process may have won
                for statement in split_statements(migration.sql):
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (migration.version, migration.name, datetime.now(UTC).isoformat()),
                )
    except sqlite3.Error as e:
        msg = (
            f"cannot migrate the store {where} to version {migration.version}"
            f" ({migration.name}): {e}: restore a backup of the file and report this as a bug"
        )
        raise StoreError(msg) from e


def _has_code(statement: str) -> bool:
    """False for a statement made only of comments and the closing semicolon."""
    lines = (line.split("--", 1)[0].strip() for line in statement.splitlines())
    return any(line and line != ";" for line in lines)
