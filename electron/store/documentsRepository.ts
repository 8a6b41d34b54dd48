import { randomBytes } from 'node:crypto';
import type { DocumentRecord, DocumentSummary, SearchHit } from '../../shared/schemas/documents.js';
import type { SqliteDatabase } from './database.js';
import { toFtsMatchQuery } from './searchQuery.js';
import { makeExcerpt } from './textMetrics.js';

/** 16 random bytes: 22 url-safe characters, matching the contract's documentId pattern. */
export function newDocumentId(): string {
  return randomBytes(16).toString('base64url');
}

export interface NewDocumentRow {
  id: string;
  title: string;
  content: string;
  text: string;
  wordCount: number;
  now: number;
}

export interface DocumentBodyUpdate {
  id: string;
  content: string;
  text: string;
  wordCount: number;
  now: number;
}

interface SummaryRow {
  id: string;
  title: string;
  /** Only the start of the text: enough for an excerpt without reading whole documents. */
  head: string;
  word_count: number;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
  version: number;
}
interface RecordRow extends SummaryRow {
  content: string;
  text: string;
}
interface SearchRow extends SummaryRow {
  snippet: string;
}

/** The columns of a summary, read from `table` (a name or an alias). */
function summaryColumns(table: string): string {
  const t = table;
  return `${t}.id, ${t}.title, substr(${t}.text, 1, 400) AS head, ${t}.word_count, ${t}.created_at, ${t}.updated_at, ${t}.deleted_at, ${t}.version`;
}
const SUMMARY_COLUMNS = summaryColumns('documents');

/** Weights for bm25: a word in the title says more about a document than one in the body. */
const TITLE_WEIGHT = 4.0;
const TEXT_WEIGHT = 1.0;
const SNIPPET_TOKENS = 16;

/** Rows of `documents` in and out; no rules here, the service decides what a change means. */
export class DocumentsRepository {
  private readonly statements;

  constructor(db: SqliteDatabase) {
    this.statements = {
      insert: db.prepare<[NewDocumentRow]>(
        `INSERT INTO documents (id, title, content, text, word_count, created_at, updated_at, version)
         VALUES (@id, @title, @content, @text, @wordCount, @now, @now, 1)`,
      ),
      findRecord: db.prepare<[string], RecordRow>(
        `SELECT ${SUMMARY_COLUMNS}, content, text FROM documents WHERE id = ?`,
      ),
      findSummary: db.prepare<[string], SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM documents WHERE id = ?`,
      ),
      listLive: db.prepare<[], SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM documents WHERE deleted_at IS NULL ORDER BY updated_at DESC`,
      ),
      listAll: db.prepare<[], SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM documents ORDER BY updated_at DESC`,
      ),
      search: db.prepare<[string, number], SearchRow>(
        `SELECT ${summaryColumns('d')},
                snippet(documents_fts, -1, '[', ']', '…', ${SNIPPET_TOKENS}) AS snippet
         FROM documents_fts JOIN documents AS d ON d.key = documents_fts.rowid
         WHERE documents_fts MATCH ? AND d.deleted_at IS NULL
         ORDER BY bm25(documents_fts, ${TITLE_WEIGHT}, ${TEXT_WEIGHT})
         LIMIT ?`,
      ),
      updateBody: db.prepare<[DocumentBodyUpdate]>(
        `UPDATE documents
         SET content = @content, text = @text, word_count = @wordCount,
             updated_at = @now, version = version + 1
         WHERE id = @id`,
      ),
      updateTitle: db.prepare<[{ id: string; title: string; now: number }]>(
        `UPDATE documents SET title = @title, updated_at = @now, version = version + 1 WHERE id = @id`,
      ),
      updateDeletedAt: db.prepare<[{ id: string; deletedAt: number | null; now: number }]>(
        `UPDATE documents SET deleted_at = @deletedAt, updated_at = @now, version = version + 1
         WHERE id = @id`,
      ),
    };
  }

  insert(row: NewDocumentRow): void {
    this.statements.insert.run(row);
  }

  findRecord(id: string): DocumentRecord | undefined {
    const row = this.statements.findRecord.get(id);
    return row && { ...toSummary(row), content: row.content, text: row.text };
  }

  findSummary(id: string): DocumentSummary | undefined {
    const row = this.statements.findSummary.get(id);
    return row && toSummary(row);
  }

  list(includeDeleted: boolean): DocumentSummary[] {
    const statement = includeDeleted ? this.statements.listAll : this.statements.listLive;
    return statement.all().map(toSummary);
  }

  /** Live documents matching every word of the query (each as a prefix), best first. */
  search(userQuery: string, limit: number): SearchHit[] {
    const match = toFtsMatchQuery(userQuery);
    if (match === null) return [];
    return this.statements.search
      .all(match, limit)
      .map((row) => ({ ...toSummary(row), snippet: row.snippet }));
  }

  updateBody(update: DocumentBodyUpdate): void {
    this.statements.updateBody.run(update);
  }

  updateTitle(id: string, title: string, now: number): void {
    this.statements.updateTitle.run({ id, title, now });
  }

  updateDeletedAt(id: string, deletedAt: number | null, now: number): void {
    this.statements.updateDeletedAt.run({ id, deletedAt, now });
  }
}

function toSummary(row: SummaryRow): DocumentSummary {
  return {
    id: row.id,
    title: row.title,
    excerpt: makeExcerpt(row.head),
    wordCount: row.word_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    version: row.version,
  };
}
