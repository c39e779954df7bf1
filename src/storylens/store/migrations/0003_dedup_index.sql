-- Incremental duplicate detection: an LSH index kept in the store, so a clustering run compares
-- only the new articles with the stored ones instead of re-reading and re-hashing them all.
--
-- dedup_bands holds each indexed article's MinHash band keys (two articles sharing a key are
-- candidate copies); dedup_links the verified duplicate pairs (a < b). Both only grow.

CREATE TABLE dedup_bands (
    key        INTEGER NOT NULL,  -- 64-bit hash of the band number and its MinHash values
    article_id TEXT NOT NULL REFERENCES articles (id),
    PRIMARY KEY (key, article_id)
) WITHOUT ROWID;

CREATE TABLE dedup_indexed (
    article_id TEXT PRIMARY KEY REFERENCES articles (id)
) WITHOUT ROWID;

CREATE TABLE dedup_links (
    a TEXT NOT NULL REFERENCES articles (id),
    b TEXT NOT NULL REFERENCES articles (id),
    PRIMARY KEY (a, b),
    CHECK (a < b)
) WITHOUT ROWID;
