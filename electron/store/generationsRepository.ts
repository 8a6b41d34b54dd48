import type { ApiErrorShape } from '../../shared/errors.js';
import { localizedError } from '../../shared/i18n/localizedMessage.js';
import type { FinishReason, GenerationTimings } from '../../shared/schemas/engine.js';
import {
  continueParams,
  type ContinueParams,
  type GenerationKind,
  type GenerationRecord,
  type GenerationSummary,
} from '../../shared/schemas/generations.js';
import type { SqliteDatabase } from './database.js';
import { toFtsMatchQuery } from './searchQuery.js';

export interface NewGenerationRow {
  id: string;
  documentId: string | null;
  kind: GenerationKind;
  parentId: string | null;
  spotId: string;
  replayOf: string | null;
  templateId: string | null;
  templateFields: Record<string, string | number> | null;
  promptText: string;
  promptTokens: number;
  params: ContinueParams;
  seed: number;
  modelPath: string;
  modelName: string;
  modelSha256: string;
  createdAt: number;
}

export interface GenerationOutcome {
  id: string;
  output: string;
  finishReason: FinishReason;
  error: ApiErrorShape | null;
  timings: GenerationTimings | null;
  finishedAt: number;
}

export interface HistoryQuery {
  documentId?: string | undefined;
  query?: string | undefined;
  limit: number;
  offset: number;
}

/** What a row left unfinished by a crash or a forced quit reads as. */
export const INTERRUPTED_ERROR: ApiErrorShape = localizedError(
  'internal',
  'errors:history.interrupted',
).toJSON();

interface GenerationRow {
  id: string;
  document_id: string | null;
  document_title: string | null;
  kind: GenerationKind;
  parent_id: string | null;
  spot_id: string;
  replay_of: string | null;
  template_id: string | null;
  template_fields: string | null;
  prompt_text: string;
  prompt_tokens: number;
  params: string;
  seed: number;
  model_path: string;
  model_name: string;
  model_sha256: string;
  output: string;
  finish_reason: FinishReason | null;
  error: string | null;
  timings: string | null;
  accepted: number;
  accepted_text: string | null;
  created_at: number;
  finished_at: number | null;
}

const COLUMNS = `g.*, d.title AS document_title`;
const FROM = `generations AS g LEFT JOIN documents AS d ON d.id = g.document_id`;

/**
 * Rows of `generations` in and out. A row started by this repository is live until it finishes;
 * a row with no finish reason that is not live was left behind by a crash and reads as an
 * interrupted 'error' (the row itself is left as it was: the output saved so far is kept).
 */
export class GenerationsRepository {
  private readonly live = new Set<string>();
  private readonly statements;

  constructor(db: SqliteDatabase) {
    this.statements = {
      insert: db.prepare(
        `INSERT INTO generations (id, document_id, kind, parent_id, spot_id, replay_of, template_id,
           template_fields, prompt_text, prompt_tokens, params, seed, model_path, model_name,
           model_sha256, created_at)
         VALUES (@id, @documentId, @kind, @parentId, @spotId, @replayOf, @templateId,
           @templateFields, @promptText, @promptTokens, @params, @seed, @modelPath, @modelName,
           @modelSha256, @createdAt)`,
      ),
      updateOutput: db.prepare<[{ id: string; output: string }]>(
        `UPDATE generations SET output = @output WHERE id = @id AND finish_reason IS NULL`,
      ),
      finish: db.prepare(
        `UPDATE generations SET output = @output, finish_reason = @finishReason, error = @error,
           timings = @timings, finished_at = @finishedAt
         WHERE id = @id`,
      ),
      accept: db.prepare<[{ id: string; acceptedText: string }]>(
        `UPDATE generations SET accepted = 1, accepted_text = @acceptedText WHERE id = @id`,
      ),
      delete: db.prepare<[string]>(`DELETE FROM generations WHERE id = ?`),
      find: db.prepare<[string], GenerationRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE g.id = ?`),
      bySpot: db.prepare<[string], GenerationRow>(
        `SELECT ${COLUMNS} FROM ${FROM} WHERE g.spot_id = ? ORDER BY g.created_at, g.key`,
      ),
      list: db.prepare<
        [{ documentId: string | null; limit: number; offset: number }],
        GenerationRow
      >(
        `SELECT ${COLUMNS} FROM ${FROM}
         WHERE @documentId IS NULL OR g.document_id = @documentId
         ORDER BY g.created_at DESC, g.key DESC LIMIT @limit OFFSET @offset`,
      ),
      search: db.prepare<
        [{ match: string; documentId: string | null; limit: number; offset: number }],
        GenerationRow
      >(
        `SELECT ${COLUMNS} FROM generations_fts
           JOIN generations AS g ON g.key = generations_fts.rowid
           LEFT JOIN documents AS d ON d.id = g.document_id
         WHERE generations_fts MATCH @match AND (@documentId IS NULL OR g.document_id = @documentId)
         ORDER BY g.created_at DESC, g.key DESC LIMIT @limit OFFSET @offset`,
      ),
      everything: db.prepare<[{ documentId: string | null }], GenerationRow>(
        `SELECT ${COLUMNS} FROM ${FROM}
         WHERE @documentId IS NULL OR g.document_id = @documentId
         ORDER BY g.created_at, g.key`,
      ),
    };
  }

  insertStarted(row: NewGenerationRow): void {
    this.statements.insert.run({
      ...row,
      templateFields: row.templateFields === null ? null : JSON.stringify(row.templateFields),
      params: JSON.stringify(row.params),
    });
    this.live.add(row.id);
  }

  /** The output so far, while running; a finished row is never changed by this. */
  updateOutput(id: string, output: string): void {
    this.statements.updateOutput.run({ id, output });
  }

  finish(outcome: GenerationOutcome): void {
    this.statements.finish.run({
      ...outcome,
      error: outcome.error === null ? null : JSON.stringify(outcome.error),
      timings: outcome.timings === null ? null : JSON.stringify(outcome.timings),
    });
    this.live.delete(outcome.id);
  }

  accept(id: string, acceptedText: string): boolean {
    return this.statements.accept.run({ id, acceptedText }).changes > 0;
  }

  delete(id: string): boolean {
    return this.statements.delete.run(id).changes > 0;
  }

  find(id: string): GenerationRecord | undefined {
    const row = this.statements.find.get(id);
    return row && this.toRecord(row);
  }

  /** Alternatives at one spot, oldest first (the order the writer made them). */
  bySpot(spotId: string): GenerationSummary[] {
    return this.statements.bySpot.all(spotId).map((row) => this.toSummary(row));
  }

  /** Newest first; with a query, only generations whose output or prompt match every word. */
  list(query: HistoryQuery): GenerationSummary[] {
    const documentId = query.documentId ?? null;
    const page = { documentId, limit: query.limit, offset: query.offset };
    if (query.query !== undefined && query.query.trim() !== '') {
      const match = toFtsMatchQuery(query.query);
      if (match === null) return [];
      return this.statements.search.all({ ...page, match }).map((row) => this.toSummary(row));
    }
    return this.statements.list.all(page).map((row) => this.toSummary(row));
  }

  /** Every record, oldest first, one at a time: an export never holds the whole history. */
  *iterate(documentId?: string): Generator<GenerationRecord> {
    for (const row of this.statements.everything.iterate({ documentId: documentId ?? null })) {
      yield this.toRecord(row);
    }
  }

  private toSummary(row: GenerationRow): GenerationSummary {
    const interrupted = row.finish_reason === null && !this.live.has(row.id);
    return {
      id: row.id,
      documentId: row.document_id,
      documentTitle: row.document_title,
      kind: row.kind,
      parentId: row.parent_id,
      spotId: row.spot_id,
      templateId: row.template_id,
      output: row.output,
      finishReason: interrupted ? 'error' : row.finish_reason,
      accepted: row.accepted === 1,
      modelName: row.model_name,
      createdAt: row.created_at,
    };
  }

  private toRecord(row: GenerationRow): GenerationRecord {
    const summary = this.toSummary(row);
    const interrupted = row.finish_reason === null && summary.finishReason === 'error';
    return {
      ...summary,
      replayOf: row.replay_of,
      promptText: row.prompt_text,
      promptTokens: row.prompt_tokens,
      params: continueParams.parse(JSON.parse(row.params)),
      seed: row.seed,
      modelPath: row.model_path,
      modelSha256: row.model_sha256,
      error: interrupted ? INTERRUPTED_ERROR : parseJson<ApiErrorShape>(row.error),
      timings: parseJson<GenerationTimings>(row.timings),
      acceptedText: row.accepted_text,
      templateFields: parseJson<Record<string, string | number>>(row.template_fields),
    };
  }
}

function parseJson<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}
