-- Stories (clusters of articles about one event), why each article is in its story, the
-- same-origin groups from deduplication, the user's overrides, and the clustering state.
--
-- stories, story_articles and origin_groups are rewritten whole by each clustering run, in one
-- transaction; story_overrides only grows; blobs holds the pickled online-clustering state.

CREATE TABLE stories (
    seq             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    label           TEXT NOT NULL,
    outlets         INTEGER NOT NULL,
    origins         INTEGER NOT NULL,
    first_published TEXT,
    last_published  TEXT
);

CREATE TABLE story_articles (
    article_id      TEXT PRIMARY KEY REFERENCES articles (id),
    story_id        TEXT NOT NULL REFERENCES stories (id),
    position        INTEGER NOT NULL,
    score           REAL NOT NULL,
    runner_up       TEXT,
    runner_up_score REAL NOT NULL,
    rule            TEXT NOT NULL,
    threshold       REAL NOT NULL,
    features        TEXT NOT NULL  -- JSON object, sorted keys
);

CREATE INDEX story_articles_story ON story_articles (story_id, position);

CREATE TABLE origin_groups (
    seq     INTEGER PRIMARY KEY,
    id      TEXT NOT NULL UNIQUE,
    record  TEXT NOT NULL  -- JSON: the group, its members and links
);

CREATE TABLE story_overrides (
    seq     INTEGER PRIMARY KEY,
    kind    TEXT NOT NULL CHECK (kind IN ('pin', 'apart')),
    article TEXT NOT NULL,
    target  TEXT NOT NULL
);

CREATE TABLE blobs (
    key     TEXT PRIMARY KEY,
    value   BLOB NOT NULL
);
