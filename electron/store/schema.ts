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

/**
 * Schema version 2: the history of generations, per-document generation settings and the
 * writer's own presets. Generations follow the documents pattern: `id` (the engine's generation
 * id) is the public identity, `key` the INTEGER PRIMARY KEY the full-text index refers to.
 * A document that is purged keeps its generations (document_id becomes NULL): history is never
 * lost with a document. JSON columns hold what the contract's schemas describe.
 */
export const generationsSchemaSql = `
CREATE TABLE generations (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  document_id TEXT REFERENCES documents (id) ON DELETE SET NULL,
  kind TEXT NOT NULL CHECK (kind IN ('continue', 'replay', 'template')),
  parent_id TEXT,
  spot_id TEXT NOT NULL,
  replay_of TEXT,
  template_id TEXT,
  template_fields TEXT,
  prompt_text TEXT NOT NULL,
  prompt_tokens INTEGER NOT NULL,
  params TEXT NOT NULL,
  seed INTEGER NOT NULL,
  model_path TEXT NOT NULL,
  model_name TEXT NOT NULL,
  model_sha256 TEXT NOT NULL,
  output TEXT NOT NULL DEFAULT '',
  -- NULL while running; a NULL left behind by a crash is read as an interrupted 'error'.
  finish_reason TEXT CHECK (finish_reason IN ('stop', 'length', 'cancelled', 'error')),
  error TEXT,
  timings TEXT,
  accepted INTEGER NOT NULL DEFAULT 0 CHECK (accepted IN (0, 1)),
  accepted_text TEXT,
  created_at INTEGER NOT NULL,
  finished_at INTEGER
) STRICT;

CREATE INDEX generations_by_document ON generations (document_id, created_at DESC);
CREATE INDEX generations_by_created ON generations (created_at DESC);
CREATE INDEX generations_by_spot ON generations (spot_id, created_at);

CREATE VIRTUAL TABLE generations_fts USING fts5 (
  output,
  prompt_text,
  content = 'generations',
  content_rowid = 'key',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER generations_fts_after_insert AFTER INSERT ON generations BEGIN
  INSERT INTO generations_fts (rowid, output, prompt_text)
    VALUES (new.key, new.output, new.prompt_text);
END;

CREATE TRIGGER generations_fts_after_delete AFTER DELETE ON generations BEGIN
  INSERT INTO generations_fts (generations_fts, rowid, output, prompt_text)
    VALUES ('delete', old.key, old.output, old.prompt_text);
END;

CREATE TRIGGER generations_fts_after_update AFTER UPDATE OF output, prompt_text ON generations BEGIN
  INSERT INTO generations_fts (generations_fts, rowid, output, prompt_text)
    VALUES ('delete', old.key, old.output, old.prompt_text);
  INSERT INTO generations_fts (rowid, output, prompt_text)
    VALUES (new.key, new.output, new.prompt_text);
END;

CREATE TABLE document_settings (
  document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  memory TEXT NOT NULL DEFAULT '',
  authors_note TEXT NOT NULL DEFAULT '',
  -- Not a foreign key: built-in presets live in code, and a deleted preset just reads as none.
  preset_id TEXT,
  params TEXT NOT NULL
) STRICT;

CREATE TABLE presets (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  params TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
`;

/**
 * Schema version 3: the models library. `path` is unique so the same file is never listed
 * twice; sha256 is computed once when a file is added (streamed) and kept, so generations can
 * name the exact weights they ran with. The run settings are one JSON row (backend, GPU layers,
 * context size, threads), validated by the schema when read.
 */
export const modelsSchemaSql = `
CREATE TABLE models (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('bundled', 'file', 'download', 'converted')),
  path TEXT NOT NULL UNIQUE,
  sha256 TEXT NOT NULL,
  architecture TEXT NOT NULL,
  parameter_count INTEGER NOT NULL,
  context_length INTEGER NOT NULL,
  quantization TEXT NOT NULL,
  file_size INTEGER NOT NULL,
  added_at INTEGER NOT NULL,
  last_used_at INTEGER
) STRICT;

CREATE TABLE model_run_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  settings TEXT NOT NULL
) STRICT;
`;

/**
 * Schema version 4: the writer's own templates. The definition is one JSON column (what the
 * contract's templateDefinition describes, validated when written and again when read); name and
 * kind are copied out beside it for listing without parsing every row.
 */
export const templatesSchemaSql = `
CREATE TABLE templates (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  definition TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
`;

/**
 * Schema version 5: app-wide preferences of the writer (the UI language), one JSON value per key
 * so that a preference added later needs no new step.
 */
export const preferencesSchemaSql = `
CREATE TABLE preferences (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;
