"""Run by test_store_crash.py: ingest generated articles in batches until killed.

Usage: python store_ingest_worker.py DB BATCH_SIZE BATCHES
Writes "committed N" on stdout after every batch.
"""

from __future__ import annotations

import sys

from store_articles import make_article

from storylens.store import SQLiteStore, open_store


def main(db: str, batch_size: int, batches: int) -> None:
    """Add ``batches`` batches of ``batch_size`` generated articles to the store at ``db``."""
    with open_store(db) as store:
        if isinstance(store, SQLiteStore):  # a tiny page cache spills every batch to the WAL,
            store._connection().execute("PRAGMA cache_size = 20")  # so kills leave torn writes
        for batch in range(batches):
            start = batch * batch_size
            store.add_articles(make_article(i) for i in range(start, start + batch_size))
            sys.stdout.write(f"committed {start + batch_size}\n")
            sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
