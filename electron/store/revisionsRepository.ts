import type { RevisionRecord, RevisionSummary } from '../../shared/schemas/documents.js';
import type { SqliteDatabase } from './database.js';
import { makeExcerpt } from './textMetrics.js';

export type RevisionReason = RevisionSummary['reason'];

export interface NewRevisionRow {
  documentId: string;
  title: string;
  content: string;
  text: string;
  wordCount: number;
  createdAt: number;
  reason: RevisionReason;
}

interface SummaryRow {
  id: number;
  document_id: string;
  title: string;
  head: string;
  word_count: number;
  created_at: number;
  reason: RevisionReason;
}
interface RecordRow extends SummaryRow {
  content: string;
  text: string;
}

const SUMMARY_COLUMNS = `id, document_id, title, substr(text, 1, 400) AS head, word_count, created_at, reason`;
const NEWEST_FIRST = `ORDER BY created_at DESC, id DESC`;

/** Snapshots of a document's earlier states; rows are only ever added (and removed with their document). */
export class RevisionsRepository {
  private readonly statements;

  constructor(db: SqliteDatabase) {
    this.statements = {
      insert: db.prepare<[NewRevisionRow]>(
        `INSERT INTO document_revisions (document_id, title, content, text, word_count, created_at, reason)
         VALUES (@documentId, @title, @content, @text, @wordCount, @createdAt, @reason)`,
      ),
      listForDocument: db.prepare<[string], SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM document_revisions WHERE document_id = ? ${NEWEST_FIRST}`,
      ),
      newestCreatedAt: db.prepare<[string], { created_at: number }>(
        `SELECT created_at FROM document_revisions WHERE document_id = ? ${NEWEST_FIRST} LIMIT 1`,
      ),
      find: db.prepare<[number], RecordRow>(
        `SELECT ${SUMMARY_COLUMNS}, content, text FROM document_revisions WHERE id = ?`,
      ),
    };
  }

  /** Returns the new revision's id. */
  insert(row: NewRevisionRow): number {
    return Number(this.statements.insert.run(row).lastInsertRowid);
  }

  listForDocument(documentId: string): RevisionSummary[] {
    return this.statements.listForDocument.all(documentId).map(toSummary);
  }

  /** When the document's newest snapshot was taken, or undefined when it has none. */
  newestCreatedAt(documentId: string): number | undefined {
    return this.statements.newestCreatedAt.get(documentId)?.created_at;
  }

  find(id: number): RevisionRecord | undefined {
    const row = this.statements.find.get(id);
    return row && { ...toSummary(row), content: row.content, text: row.text };
  }
}

function toSummary(row: SummaryRow): RevisionSummary {
  return {
    id: row.id,
    documentId: row.document_id,
    title: row.title,
    excerpt: makeExcerpt(row.head),
    wordCount: row.word_count,
    createdAt: row.created_at,
    reason: row.reason,
  };
}
