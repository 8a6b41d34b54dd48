/**
 * What the model weighed, where a branch left its parent, where a continue was asked for, and
 * the tree's bookmarks (issue #18): each keyed by the generation and gone with it.
 */
export const probabilitiesSchemaSql = `
-- Each generated token's probability and top alternatives, as one blob (tokenStepsCodec.ts).
CREATE TABLE generation_token_steps (
  generation_id TEXT PRIMARY KEY REFERENCES generations (id) ON DELETE CASCADE,
  steps BLOB NOT NULL
) STRICT;

-- A generation that branched from a token of its parent: the parent's text up to that token
-- plus the token chosen there come before its own output.
CREATE TABLE generation_branches (
  generation_id TEXT PRIMARY KEY REFERENCES generations (id) ON DELETE CASCADE,
  parent_id TEXT NOT NULL,
  token_index INTEGER NOT NULL CHECK (token_index >= 0),
  prefix TEXT NOT NULL
) STRICT;
CREATE INDEX generation_branches_by_parent ON generation_branches (parent_id);

-- The end of the text before the cursor when a continue was asked for: where its text goes in
-- the document (the tree's "Use this branch" finds it there).
CREATE TABLE generation_anchors (
  generation_id TEXT PRIMARY KEY REFERENCES generations (id) ON DELETE CASCADE,
  text_before TEXT NOT NULL
) STRICT;

CREATE TABLE generation_bookmarks (
  generation_id TEXT PRIMARY KEY REFERENCES generations (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL
) STRICT;
`;
