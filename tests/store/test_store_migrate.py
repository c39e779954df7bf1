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


def test_migrate_revisions_backfills_source_keys_and_links_versions(tmp_path: Path) -> None:
    from types import MappingProxyType

    from storylens.model import Article, content_hash
    from storylens.store import open_store
    from storylens.store.revisions import source_key
    from storylens.store.serialize import ARTICLE_COLUMNS, article_to_row

    def version(text: str, **fields: object) -> Article:
        digest = content_hash(text)
        return Article(digest, text, (), digest, outlet="Tidewater Courier", **fields)  # type: ignore[arg-type]

    articles = [
        version("Seven died at the footbridge.", meta=MappingProxyType({"guid": "tc-17"})),
        version("A ferry ran aground.", url="https://courier.example/ferry#top"),
        Article("ext-4", "The quay reopened.", (), content_hash("The quay reopened.")),
        version("Nine died at the footbridge.", meta=MappingProxyType({"guid": "tc-17"})),
        version("A market opened.", meta=MappingProxyType({"guid": 7})),
        version("Rain is due on Friday."),
        version("The mayor resigned.", url="https://courier.example/"),
        version("The mayor's deputy resigned.", url="courier.example"),
        version("A school reopened.", url="https://courier.example/?p=12"),
        version("A bridge reopened.", url="courier.example/bridge/"),
    ]
    conn = connect(tmp_path / "s.db", busy_timeout=1)
    migrate(conn, "s.db", load_migrations()[:3])  # a store written before revisions existed
    columns = ", ".join(ARTICLE_COLUMNS)
    marks = ", ".join("?" * len(ARTICLE_COLUMNS))
    conn.executemany(
        f"INSERT INTO articles ({columns}) VALUES ({marks})", map(article_to_row, articles)
    )
    conn.close()
    with open_store(tmp_path / "s.db") as store:
        assert store.revisions() == {articles[0].id: articles[3].id}
        assert [a.id for a in store.iter_articles()] == [
            a.id for a in articles if a is not articles[0]
        ]
        revision = store.get_article(articles[3].id)
        assert revision is not None and revision.meta["revises"] == articles[0].id
    conn = connect(tmp_path / "s.db", busy_timeout=1)
    keys = [row[0] for row in conn.execute("SELECT source_key FROM articles ORDER BY seq")]
    conn.close()
    assert keys == [source_key(a) for a in articles]  # the SQL backfill is the Python rule
    assert keys[:3] == [
        "guid Tidewater Courier\x1ftc-17",
        "url https://courier.example/ferry",
        "id ext-4",
    ]
    assert keys[6:] == [
        None,
        None,
        "url https://courier.example/?p=12",
        "url courier.example/bridge/",
    ]
