import type { EventPayload } from '../../shared/contract.js';
import type { ApiError } from '../../shared/errors.js';
import { localizedError } from '../../shared/i18n/localizedMessage.js';
import type {
  DocumentRecord,
  DocumentSummary,
  RevisionRecord,
  RevisionSummary,
  SaveResult,
  SearchHit,
} from '../../shared/schemas/documents.js';
import type { EventBus } from '../core/eventBus.js';
import type { SqliteDatabase } from '../store/database.js';
import { DocumentsRepository, newDocumentId } from '../store/documentsRepository.js';
import { RevisionsRepository, type RevisionReason } from '../store/revisionsRepository.js';
import { countWords } from '../../shared/textCounts.js';
import { UNTITLED_TITLE } from '../../shared/schemas/documents.js';
import { assertBaseVersion, assertNotInTrash, assertStorableText } from './documentRules.js';

/** Autosaves keep at most one snapshot per this interval, so history stays useful, not huge. */
export const REVISION_INTERVAL_MS = 3 * 60 * 1000;
const DEFAULT_SEARCH_LIMIT = 50;

export type Clock = () => number;
type ChangeKind = EventPayload<'documents.changed'>['kind'];

export interface CreateDocumentInput {
  title?: string;
  content?: string;
  text?: string;
}
export interface SaveDocumentInput {
  id: string;
  content: string;
  text: string;
  /** The version the editor last saw; when it is not the current one, the save is refused. */
  baseVersion: number;
}
export interface RestoreRevisionInput {
  documentId: string;
  revisionId: number;
  baseVersion?: number;
}

/**
 * The behaviour behind the documents and revisions channels. Every user action is one
 * transaction, and 'documents.changed' is emitted only after it has committed.
 */
export class DocumentsService {
  private readonly documents: DocumentsRepository;
  private readonly revisions: RevisionsRepository;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly events: EventBus,
    private readonly clock: Clock = Date.now,
  ) {
    this.documents = new DocumentsRepository(db);
    this.revisions = new RevisionsRepository(db);
  }

  create(input: CreateDocumentInput = {}): DocumentRecord {
    assertStorableText(input);
    const id = newDocumentId();
    const text = input.text ?? '';
    const record = this.write(() => {
      this.documents.insert({
        id,
        title: normalizeTitle(input.title),
        content: input.content ?? '',
        text,
        wordCount: countWords(text),
        now: this.clock(),
      });
      return this.requireRecord(id);
    });
    this.announce(record, 'created');
    return record;
  }

  get(id: string): DocumentRecord {
    return this.requireRecord(id);
  }

  list(options: { includeDeleted?: boolean } = {}): DocumentSummary[] {
    return this.documents.list(options.includeDeleted ?? false);
  }

  search(query: string, limit = DEFAULT_SEARCH_LIMIT): SearchHit[] {
    return this.documents.search(query, limit);
  }

  /**
   * Writes the editor's state. Identical content is not a change (no new version, no snapshot);
   * a snapshot of the saved state is kept when the newest one is REVISION_INTERVAL_MS old.
   * Refused: text that cannot be stored exactly, a stale base version, a document in the trash.
   */
  save(input: SaveDocumentInput): SaveResult {
    assertStorableText(input);
    const outcome = this.write(() => {
      const current = this.requireRecord(input.id);
      assertNotInTrash(current);
      assertBaseVersion(current, input.baseVersion);
      if (current.content === input.content && current.text === input.text) {
        return { result: resultOf(current, false), changed: undefined };
      }
      const now = this.clock();
      const wordCount = countWords(input.text);
      const body = { id: input.id, content: input.content, text: input.text, wordCount };
      this.documents.updateBody({ ...body, now });
      const revisionCreated = this.isSnapshotDue(input.id, now);
      if (revisionCreated) this.snapshot({ ...body, title: current.title }, 'autosave', now);
      const saved = this.requireSummary(input.id);
      return { result: resultOf(saved, revisionCreated), changed: saved };
    });
    if (outcome.changed) this.announce(outcome.changed, 'saved');
    return outcome.result;
  }

  rename(id: string, title: string): DocumentSummary {
    assertStorableText({ title });
    const wanted = normalizeTitle(title);
    return this.changeSummary(id, 'renamed', (current) => {
      assertNotInTrash(current);
      if (current.title === wanted) return false;
      this.documents.updateTitle(id, wanted, this.clock());
      return true;
    });
  }

  /** Moves the document to the trash; its text and history stay until it is restored. */
  delete(id: string): DocumentSummary {
    return this.changeSummary(id, 'deleted', (current) => {
      if (current.deletedAt !== null) return false;
      const now = this.clock();
      this.documents.updateDeletedAt(id, now, now);
      return true;
    });
  }

  restore(id: string): DocumentSummary {
    return this.changeSummary(id, 'restored', (current) => {
      if (current.deletedAt === null) return false;
      this.documents.updateDeletedAt(id, null, this.clock());
      return true;
    });
  }

  listRevisions(documentId: string): RevisionSummary[] {
    this.requireSummary(documentId);
    return this.revisions.listForDocument(documentId);
  }

  getRevision(id: number): RevisionRecord {
    const revision = this.revisions.find(id);
    if (!revision) throw localizedError('not_found', 'errors:documents.revisionGone');
    return revision;
  }

  /**
   * Makes an earlier revision the current text. The current text is snapshotted first
   * ('before-restore'), so a restore can itself be undone by restoring that snapshot.
   * The title is kept: a revision brings back words, not an old name.
   */
  restoreRevision(input: RestoreRevisionInput): DocumentRecord {
    const record = this.write(() => {
      const current = this.requireRecord(input.documentId);
      assertNotInTrash(current);
      assertBaseVersion(current, input.baseVersion);
      const revision = this.revisions.find(input.revisionId);
      if (!revision || revision.documentId !== input.documentId) {
        throw localizedError('not_found', 'errors:documents.revisionGone');
      }
      const now = this.clock();
      this.snapshot(current, 'before-restore', now);
      this.documents.updateBody({
        id: current.id,
        content: revision.content,
        text: revision.text,
        wordCount: revision.wordCount,
        now,
      });
      return this.requireRecord(current.id);
    });
    this.announce(record, 'saved');
    return record;
  }

  /** Runs one user action as one transaction, taking the write lock up front (no upgrade deadlock). */
  private write<T>(action: () => T): T {
    return this.db.transaction(action).immediate();
  }

  /** Shared shape of rename/delete/restore: `apply` returns false when there is nothing to change. */
  private changeSummary(
    id: string,
    kind: ChangeKind,
    apply: (current: DocumentSummary) => boolean,
  ): DocumentSummary {
    const outcome = this.write(() => {
      const current = this.requireSummary(id);
      if (!apply(current)) return { summary: current, changed: false };
      return { summary: this.requireSummary(id), changed: true };
    });
    if (outcome.changed) this.announce(outcome.summary, kind);
    return outcome.summary;
  }

  private isSnapshotDue(documentId: string, now: number): boolean {
    const newest = this.revisions.newestCreatedAt(documentId);
    return newest === undefined || now - newest >= REVISION_INTERVAL_MS;
  }

  private snapshot(
    state: Pick<DocumentRecord, 'id' | 'title' | 'content' | 'text' | 'wordCount'>,
    reason: RevisionReason,
    now: number,
  ): void {
    this.revisions.insert({
      documentId: state.id,
      title: state.title,
      content: state.content,
      text: state.text,
      wordCount: state.wordCount,
      createdAt: now,
      reason,
    });
  }

  private requireRecord(id: string): DocumentRecord {
    const record = this.documents.findRecord(id);
    if (!record) throw documentNotFound();
    return record;
  }

  private requireSummary(id: string): DocumentSummary {
    const summary = this.documents.findSummary(id);
    if (!summary) throw documentNotFound();
    return summary;
  }

  private announce(document: DocumentSummary, kind: ChangeKind): void {
    this.events.emit('documents.changed', { id: document.id, kind, version: document.version });
  }
}

function normalizeTitle(title: string | undefined): string {
  const trimmed = title?.trim() ?? '';
  return trimmed === '' ? UNTITLED_TITLE : trimmed;
}

function documentNotFound(): ApiError {
  return localizedError('not_found', 'errors:documents.gone');
}

function resultOf(document: DocumentSummary, revisionCreated: boolean): SaveResult {
  return {
    id: document.id,
    version: document.version,
    updatedAt: document.updatedAt,
    revisionCreated,
  };
}
