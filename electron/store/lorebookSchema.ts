/** The lorebook's tables (migration step "lorebook"). */
export const lorebookSchemaSql = `
CREATE TABLE lorebook_entries (
  id TEXT PRIMARY KEY,
  -- NULL: an entry of the shared library, which documents switch on in lorebook_library_use.
  document_id TEXT REFERENCES documents (id) ON DELETE CASCADE,
  -- The entry's fields as JSON, parsed with the contract's schema on the way out.
  fields TEXT NOT NULL,
  sort_key INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX lorebook_entries_by_document ON lorebook_entries (document_id, sort_key);

CREATE TABLE lorebook_library_use (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  entry_id TEXT NOT NULL REFERENCES lorebook_entries (id) ON DELETE CASCADE,
  PRIMARY KEY (document_id, entry_id)
) STRICT;

CREATE TABLE lorebook_settings (
  document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  budget_tokens INTEGER NOT NULL
) STRICT;
`;
