-- Articles, their full-text index and a small key/value table.
--
-- One row per article. Paragraphs, removals and meta are JSON columns: they are always read
-- with the article and never queried on their own, and JSON keeps one write per article.
-- seq is the insertion sequence (the rowid): it orders iteration and is the FTS rowid.

CREATE TABLE articles (
    seq             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    content_hash    TEXT NOT NULL,
    outlet          TEXT,
    outlet_evidence TEXT,
    title           TEXT,
    url             TEXT,
    published       TEXT,
    author          TEXT,
    source          TEXT,
    text            TEXT NOT NULL,
    paragraphs      TEXT NOT NULL,  -- JSON: [[start, end, kind, [[start, end], ...]], ...]
    removed         TEXT NOT NULL,  -- JSON: [[text, reason, at], ...]
    meta            TEXT NOT NULL   -- JSON object, sorted keys
);

CREATE INDEX articles_content_hash ON articles (content_hash);
CREATE INDEX articles_outlet ON articles (outlet);

-- External-content FTS5 index over title and text, kept in step by the triggers below.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title,
    text,
    content = 'articles',
    content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE TABLE store_values (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
