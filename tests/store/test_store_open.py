"""Opening stores: URL forms, connection settings and the errors for unusable files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storylens.errors import ConfigError, StoreError
from storylens.store import SQLiteStore, open_store
from storylens.store.migrate import load_migrations


def _opened_path(url: str | Path) -> Path | None:
    store = open_store(url)
    assert isinstance(store, SQLiteStore)
    store.close()
    return store.path


def test_open_store_accepts_paths_and_sqlite_urls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert _opened_path("plain.db") == Path("plain.db")
    assert _opened_path(tmp_path / "pathlike.db") == tmp_path / "pathlike.db"
    assert _opened_path("sqlite:///relative.db") == Path("relative.db")
    assert _opened_path(f"sqlite:///{tmp_path}/absolute.db") == tmp_path / "absolute.db"
    assert sorted(p.name for p in tmp_path.glob("*.db")) == [
        "absolute.db",
        "pathlike.db",
        "plain.db",
        "relative.db",
    ]


@pytest.mark.parametrize("url", [":memory:", "sqlite://:memory:", "sqlite://"])
def test_open_store_in_memory(url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert _opened_path(url) is None
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("url", ["postgresql://u@db/news", "postgres://db/news"])
def test_open_store_postgres_is_not_available(url: str) -> None:
    with pytest.raises(ConfigError) as error:
        open_store(url)
    assert str(error.value) == (
        "PostgreSQL storage is not available yet: use a SQLite path such as storylens.db"
    )


@pytest.mark.parametrize("url", ["mysql://db/news", "", "sqlite:///"])
def test_open_store_refuses_unknown_urls(url: str) -> None:
    with pytest.raises(ConfigError) as error:
        open_store(url)
    assert str(error.value) == (
        f"cannot open the store {url!r}: it is neither a file path nor a known store URL:"
        " use a path such as storylens.db, sqlite:///relative.db, sqlite:////absolute/path.db"
        " or :memory:"
    )


def test_open_store_missing_folder(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "storylens.db"
    with pytest.raises(StoreError) as error:
        open_store(path)
    assert str(error.value) == (
        f"cannot open the store {path}: the folder {tmp_path / 'nowhere'} does not exist:"
        " create it first or choose another path"
    )


def test_open_store_on_a_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as error:
        open_store(tmp_path)
    assert str(error.value) == (
        f"cannot open the store {tmp_path}: it is a folder, not a file:"
        f" give a file path such as {tmp_path / 'storylens.db'}"
    )


def test_open_store_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("These are notes, not a database. " * 100, encoding="utf-8")
    with pytest.raises(StoreError) as error:
        open_store(path)
    assert str(error.value) == (
        f"cannot open the store {path}: the file is not a SQLite database:"
        " give another path, or move the file away to start a new store there"
    )
    assert path.read_text(encoding="utf-8").startswith("These are notes")


def test_open_store_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    open_store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (99, 'future', 'later')")
    conn.close()
    with pytest.raises(StoreError) as error:
        open_store(path)
    known = len(load_migrations())
    assert str(error.value) == (
        f"cannot open the store {path}: its schema version 99 is newer than the {known} this"
        " storylens knows: upgrade storylens (pip install -U storylens)"
    )


def test_open_store_connection_settings(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db", busy_timeout=2.5)
    conn = store._connection()
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert conn.execute("PRAGMA synchronous").fetchone() == (1,)  # NORMAL
        assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
        assert conn.execute("PRAGMA busy_timeout").fetchone() == (2500,)
    finally:
        store.close()


def test_open_store_twice_is_a_no_op(tmp_path: Path) -> None:
    open_store(tmp_path / "s.db").close()
    with open_store(tmp_path / "s.db") as store:
        assert store.schema_version() == len(load_migrations())


def test_store_public_api() -> None:
    import storylens.store

    assert storylens.store.__all__ == sorted(storylens.store.__all__)
    assert all(hasattr(storylens.store, name) for name in storylens.store.__all__)
