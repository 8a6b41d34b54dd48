/**
 * Schema version 1. Documents keep `id` (random, url-safe) as their public identity, with a
 * UNIQUE index, and an INTEGER PRIMARY KEY `key` beside it: the full-text index refers to rows by
 * that integer, and only an explicit INTEGER PRIMARY KEY is guaranteed to survive VACUUM unchanged.
 */
export const initialSchemaSql = `
CREATE TABLE documents (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  content TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL DEFAULT '',
  word_count INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE INDEX documents_by_updated ON documents (updated_at DESC);
CREATE INDEX documents_live_by_updated ON documents (updated_at DESC) WHERE deleted_at IS NULL;

CREATE TABLE document_revisions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  content TEXT NOT NULL,
  text TEXT NOT NULL,
  word_count INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('autosave', 'before-restore', 'manual'))
) STRICT;

CREATE INDEX document_revisions_by_document
  ON document_revisions (document_id, created_at DESC, id DESC);

-- External content: the text lives once, in documents; the triggers keep the index in step
-- inside the same transaction as every insert, update and delete.
CREATE VIRTUAL TABLE documents_fts USING fts5 (
  title,
  text,
  content = 'documents',
  content_rowid = 'key',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER documents_fts_after_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts (rowid, title, text) VALUES (new.key, new.title, new.text);
END;

CREATE TRIGGER documents_fts_after_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, title, text)
    VALUES ('delete', old.key, old.title, old.text);
END;

CREATE TRIGGER documents_fts_after_update AFTER UPDATE OF title, text ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, title, text)
    VALUES ('delete', old.key, old.title, old.text);
  INSERT INTO documents_fts (rowid, title, text) VALUES (new.key, new.title, new.text);
END;
`;
