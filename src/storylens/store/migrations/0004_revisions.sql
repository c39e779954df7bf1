-- Revisions: an article its source sent again with other text replaces the stored version,
-- which stays readable by id (see storylens/store/revisions.py).
--
-- source_key says what an article is at its source (a JSON Lines id, a feed guid with the
-- outlet, a URL without its fragment); revises and revised_by link a revision and the version
-- it replaced. Listings read only the current articles: revised_by IS NULL.

-- Only a change of title or text touches the full-text index (not marking a revision).
DROP TRIGGER articles_fts_update;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

ALTER TABLE articles ADD COLUMN source_key TEXT;
ALTER TABLE articles ADD COLUMN revises TEXT;
ALTER TABLE articles ADD COLUMN revised_by TEXT;

-- The keys of the articles stored before, as revisions.source_key computes them.
UPDATE articles SET source_key = CASE
    WHEN id != content_hash THEN 'id ' || id
    WHEN json_type(meta, '$.guid') = 'text' AND json_extract(meta, '$.guid') != ''
        THEN 'guid ' || coalesce(outlet, '') || char(31) || json_extract(meta, '$.guid')
    WHEN url IS NOT NULL AND url != '' AND substr(url, 1, 1) != '#'
        THEN 'url ' || CASE WHEN instr(url, '#') > 0
                            THEN substr(url, 1, instr(url, '#') - 1) ELSE url END
END;

-- A site's home page (no path, no query) names no article.
UPDATE articles SET source_key = NULL
WHERE substr(source_key, 1, 4) = 'url '
  AND instr(substr(source_key, 5), '?') = 0
  AND instr(rtrim(CASE WHEN instr(source_key, '://') > 0
                       THEN substr(source_key, instr(source_key, '://') + 3)
                       ELSE substr(source_key, 5) END, '/'), '/') = 0;

CREATE INDEX articles_source_key ON articles (source_key);
CREATE INDEX articles_revised_by ON articles (revised_by);

-- Versions of one source article stored before revisions existed: each is revised by the
-- next one stored.
UPDATE articles SET revised_by = (
    SELECT later.id FROM articles AS later
    WHERE later.source_key = articles.source_key AND later.seq > articles.seq
    ORDER BY later.seq LIMIT 1
) WHERE source_key IS NOT NULL;

UPDATE articles SET revises = (
    SELECT earlier.id FROM articles AS earlier WHERE earlier.revised_by = articles.id
);
