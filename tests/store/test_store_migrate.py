"""Migrations: shipped files, bookkeeping, and all-or-nothing application."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storylens.errors import StoreError
from storylens.store.connection import connect
from storylens.store.migrate import Migration, load_migrations, migrate, split_statements


def test_migrate_ships_numbered_sql_files() -> None:
    migrations = load_migrations()
    assert [(m.version, m.name) for m in migrations][:1] == [(1, "articles")]
    assert "CREATE TABLE articles" in migrations[0].sql


def test_migrate_records_each_version(tmp_path: Path) -> None:
    conn = connect(tmp_path / "s.db", busy_timeout=1)
    migrate(conn, "s.db", load_migrations())
    migrate(conn, "s.db", load_migrations())
    rows = conn.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
    assert rows == [(m.version, m.name) for m in load_migrations()]
    conn.close()


def test_migrate_rolls_back_a_failing_migration(tmp_path: Path) -> None:
    conn = connect(tmp_path / "s.db", busy_timeout=1)
    migrations = (
        Migration(1, "ok", "CREATE TABLE one (x);"),
        Migration(2, "broken", "CREATE TABLE two (x);\nINSERT INTO missing VALUES (1);"),
    )
    with pytest.raises(StoreError) as error:
        migrate(conn, "s.db", migrations)
    assert str(error.value) == (
        "cannot migrate the store s.db to version 2 (broken): no such table: missing:"
        " restore a backup of the file and report this as a bug"
    )
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"schema_migrations", "one"}
    assert conn.execute("SELECT max(version) FROM schema_migrations").fetchone() == (1,)
    assert not conn.in_transaction
    conn.close()


def test_migrate_split_statements_keeps_triggers_whole() -> None:
    script = (
        "-- header\nCREATE TABLE t (x);\n"
        "CREATE TRIGGER t_ai AFTER INSERT ON t BEGIN\n  SELECT 1; SELECT ';';\nEND;\n-- tail\n"
    )
    statements = split_statements(script)
    assert len(statements) == 2
    assert statements[1].startswith("CREATE TRIGGER") and statements[1].endswith("END;")
    conn = sqlite3.connect(":memory:")
    for statement in statements:
        conn.execute(statement)
    conn.close()
