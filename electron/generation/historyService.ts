/**
 * The history of generations behind the history channels: list and search, details, delete,
 * export as JSON Lines, accept, and the alternatives at one spot. Running generations (continue,
 * replay) live in ContinueService, which writes the rows this service reads.
 */
import type { EventPayload } from '../../shared/contract.js';
import type { ApiError } from '../../shared/errors.js';
import { localizedError } from '../../shared/i18n/localizedMessage.js';
import type { GenerationRecord, GenerationSummary } from '../../shared/schemas/generations.js';
import type { EventBus } from '../core/eventBus.js';
import type { GenerationsRepository } from '../store/generationsRepository.js';

const DEFAULT_PAGE_SIZE = 100;

export interface HistoryListRequest {
  documentId?: string | undefined;
  query?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface HistoryExport {
  fileName: string;
  jsonl: string;
  count: number;
}

export type HistoryChange = EventPayload<'history.changed'>;

export class HistoryService {
  constructor(
    private readonly generations: GenerationsRepository,
    private readonly events: EventBus,
    private readonly clock: () => number = Date.now,
  ) {}

  list(request: HistoryListRequest): GenerationSummary[] {
    return this.generations.list({
      documentId: request.documentId,
      query: request.query,
      limit: request.limit ?? DEFAULT_PAGE_SIZE,
      offset: request.offset ?? 0,
    });
  }

  get(id: string): GenerationRecord {
    const record = this.generations.find(id);
    if (!record) throw notFound(id);
    return record;
  }

  delete(id: string): { deleted: boolean } {
    const record = this.generations.find(id);
    const deleted = this.generations.delete(id);
    if (deleted) this.changed({ id, documentId: record?.documentId ?? null, kind: 'deleted' });
    return { deleted };
  }

  /** One generationRecord per line, oldest first; the file name carries today's date. */
  export(documentId?: string): HistoryExport {
    const lines: string[] = [];
    for (const record of this.generations.iterate(documentId)) lines.push(JSON.stringify(record));
    return {
      fileName: `inkwell-history-${localDate(this.clock())}.jsonl`,
      jsonl: lines.length === 0 ? '' : `${lines.join('\n')}\n`,
      count: lines.length,
    };
  }

  /** The writer kept this generation (all of it, or the words in acceptedText). */
  accept(id: string, acceptedText: string): GenerationSummary {
    if (!this.generations.accept(id, acceptedText)) throw notFound(id);
    const record = this.get(id);
    this.changed({ id, documentId: record.documentId, kind: 'accepted' });
    return summaryOf(record);
  }

  alternatives(spotId: string): GenerationSummary[] {
    return this.generations.bySpot(spotId);
  }

  private changed(change: HistoryChange): void {
    this.events.emit('history.changed', change);
  }
}

export function summaryOf(record: GenerationRecord): GenerationSummary {
  return {
    id: record.id,
    documentId: record.documentId,
    documentTitle: record.documentTitle,
    kind: record.kind,
    parentId: record.parentId,
    spotId: record.spotId,
    templateId: record.templateId,
    output: record.output,
    finishReason: record.finishReason,
    accepted: record.accepted,
    modelName: record.modelName,
    createdAt: record.createdAt,
  };
}

function notFound(id: string): ApiError {
  return localizedError('not_found', 'errors:history.generationDeleted', { id });
}

/** YYYY-MM-DD in the writer's own time zone: the day they will look for. */
function localDate(time: number): string {
  const date = new Date(time);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
