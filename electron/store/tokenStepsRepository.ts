/**
 * Token steps (probabilities and alternatives) and branch points of generations, in their own
 * tables (probabilitiesSchema.ts); a generation's rows go when it is deleted.
 */
import type { TokenStep } from '../../shared/schemas/tokenSteps.js';
import type { SqliteDatabase } from './database.js';
import { decodeTokenSteps, encodeTokenSteps, TokenStepsFormatError } from './tokenStepsCodec.js';

/** Where a branch left its parent: after the parent's token `tokenIndex` was replaced. */
export interface BranchPoint {
  generationId: string;
  parentId: string;
  /** The index of the parent's token that was replaced by the chosen one. */
  tokenIndex: number;
  /** The parent's text before that token, plus the chosen token: what precedes the output. */
  prefix: string;
}

/** How much of the text before a continue is kept to find its place again. */
export const ANCHOR_CHARS = 200;

interface BranchRow {
  generation_id: string;
  parent_id: string;
  token_index: number;
  prefix: string;
}

export class TokenStepsRepository {
  private readonly statements;

  constructor(db: SqliteDatabase) {
    this.statements = {
      saveSteps: db.prepare<[{ id: string; steps: Buffer }]>(
        `INSERT INTO generation_token_steps (generation_id, steps) VALUES (@id, @steps)
         ON CONFLICT (generation_id) DO UPDATE SET steps = excluded.steps`,
      ),
      steps: db.prepare<[string], { steps: Buffer }>(
        `SELECT steps FROM generation_token_steps WHERE generation_id = ?`,
      ),
      saveBranch: db.prepare<[BranchPoint]>(
        `INSERT INTO generation_branches (generation_id, parent_id, token_index, prefix)
         VALUES (@generationId, @parentId, @tokenIndex, @prefix)`,
      ),
      branch: db.prepare<[string], BranchRow>(
        `SELECT * FROM generation_branches WHERE generation_id = ?`,
      ),
      saveAnchor: db.prepare<[{ id: string; textBefore: string }]>(
        `INSERT OR REPLACE INTO generation_anchors (generation_id, text_before)
         VALUES (@id, @textBefore)`,
      ),
      anchorsOfDocument: db.prepare<[string], { generation_id: string; text_before: string }>(
        `SELECT a.* FROM generation_anchors AS a
           JOIN generations AS g ON g.id = a.generation_id
         WHERE g.document_id = ?`,
      ),
      bookmark: db.prepare<[{ id: string; at: number }]>(
        `INSERT OR IGNORE INTO generation_bookmarks (generation_id, created_at) VALUES (@id, @at)`,
      ),
      unbookmark: db.prepare<[string]>(`DELETE FROM generation_bookmarks WHERE generation_id = ?`),
      bookmarksOfDocument: db.prepare<[string], { generation_id: string }>(
        `SELECT b.generation_id FROM generation_bookmarks AS b
           JOIN generations AS g ON g.id = b.generation_id
         WHERE g.document_id = ?`,
      ),
      branchesOfDocument: db.prepare<[string], BranchRow>(
        `SELECT b.* FROM generation_branches AS b
           JOIN generations AS g ON g.id = b.generation_id
         WHERE g.document_id = ?`,
      ),
    };
  }

  /** Stores the steps of a generation (once it has finished; again replaces them). */
  saveSteps(generationId: string, steps: readonly TokenStep[]): void {
    this.statements.saveSteps.run({ id: generationId, steps: encodeTokenSteps(steps) });
  }

  /** null: none were recorded (or what was stored cannot be read: the text itself is intact). */
  steps(generationId: string): TokenStep[] | null {
    const row = this.statements.steps.get(generationId);
    if (!row) return null;
    try {
      return decodeTokenSteps(row.steps);
    } catch (error) {
      if (error instanceof TokenStepsFormatError) return null;
      throw error;
    }
  }

  saveBranch(point: BranchPoint): void {
    this.statements.saveBranch.run(point);
  }

  branch(generationId: string): BranchPoint | null {
    const row = this.statements.branch.get(generationId);
    return row ? toBranchPoint(row) : null;
  }

  /** Keeps the end of the text before the cursor of a continue (ANCHOR_CHARS at most). */
  saveAnchor(generationId: string, textBefore: string): void {
    this.statements.saveAnchor.run({
      id: generationId,
      textBefore: textBefore.slice(-ANCHOR_CHARS),
    });
  }

  anchorsOfDocument(documentId: string): Map<string, string> {
    return new Map(
      this.statements.anchorsOfDocument
        .all(documentId)
        .map((row) => [row.generation_id, row.text_before]),
    );
  }

  setBookmark(generationId: string, bookmarked: boolean, at: number): void {
    if (bookmarked) this.statements.bookmark.run({ id: generationId, at });
    else this.statements.unbookmark.run(generationId);
  }

  bookmarksOfDocument(documentId: string): Set<string> {
    return new Set(
      this.statements.bookmarksOfDocument.all(documentId).map((row) => row.generation_id),
    );
  }

  branchesOfDocument(documentId: string): BranchPoint[] {
    return this.statements.branchesOfDocument.all(documentId).map(toBranchPoint);
  }
}

function toBranchPoint(row: BranchRow): BranchPoint {
  return {
    generationId: row.generation_id,
    parentId: row.parent_id,
    tokenIndex: row.token_index,
    prefix: row.prefix,
  };
}
