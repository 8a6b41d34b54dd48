/**
 * The lorebook: a document's own entries, the shared library's (switched on per document), the
 * budget, import and export, and which entries the next continue gets (activation.ts).
 */
import { randomBytes } from 'node:crypto';
import { localized, localizedError } from '../../../shared/i18n/localizedMessage.js';
import { englishText } from '../../../shared/i18n/localizedMessage.js';
import type { LocalizedMessage } from '../../../shared/errors.js';
import type { LorebookFormat } from '../../../shared/channels/lorebook.js';
import {
  DEFAULT_LORE_BUDGET_TOKENS,
  MAX_LORE_ENTRIES,
  type DocumentLorebook,
  type LoreEntry,
  type LoreEntryFields,
} from '../../../shared/schemas/lorebook.js';
import type { EventBus } from '../../core/eventBus.js';
import type { LorebookRepository } from '../../store/lorebookRepository.js';
import { activateEntries, type Activated } from './activation.js';
import { keyProblem, RegexRunner } from './keyMatching.js';
import { writeInkwellLorebook } from './files/inkwellLorebook.js';
import { readLorebookFile } from './files/lorebookFile.js';
import { writeNovelAiLorebook } from './files/novelAiLorebook.js';

export interface ActiveLore extends Activated {
  budgetTokens: number;
}

export class LorebookService {
  private readonly regexes = new RegexRunner();

  constructor(
    private readonly repository: LorebookRepository,
    private readonly documentExists: (documentId: string) => boolean,
    private readonly events: EventBus,
    private readonly clock: () => number = Date.now,
  ) {}

  get(documentId: string): DocumentLorebook {
    this.requireDocument(documentId);
    const switchedOn = this.repository.switchedOn(documentId);
    return {
      documentId,
      entries: this.repository.entriesOf(documentId),
      library: this.repository
        .library()
        .map((entry) => ({ ...entry, switchedOn: switchedOn.has(entry.id) })),
      budgetTokens: this.repository.budgetOf(documentId) ?? DEFAULT_LORE_BUDGET_TOKENS,
    };
  }

  saveEntry(request: {
    documentId: string | null;
    id?: string | undefined;
    fields: LoreEntryFields;
  }): LoreEntry {
    for (const key of request.fields.keys) {
      const problem = keyProblem(key);
      if (problem !== null)
        throw localizedError('invalid_request', 'errors:lorebook.badKey', { key, problem });
    }
    const updatedAt = this.clock();
    if (request.id !== undefined) {
      const existing = this.repository.find(request.id);
      if (!existing) throw localizedError('not_found', 'errors:lorebook.entryGone');
      const entry: LoreEntry = {
        ...request.fields,
        id: existing.id,
        documentId: existing.documentId,
        updatedAt,
      };
      this.repository.update(entry);
      this.changed(existing.documentId);
      return entry;
    }
    if (request.documentId !== null) this.requireDocument(request.documentId);
    this.requireRoom(request.documentId, 1);
    const entry: LoreEntry = {
      ...request.fields,
      id: newEntryId(),
      documentId: request.documentId,
      updatedAt,
    };
    this.repository.insert([entry]);
    this.changed(request.documentId);
    return entry;
  }

  deleteEntry(id: string): { deleted: boolean } {
    const existing = this.repository.find(id);
    const deleted = this.repository.delete(id);
    if (deleted && existing) this.changed(existing.documentId);
    return { deleted };
  }

  useLibraryEntry(documentId: string, entryId: string, on: boolean): DocumentLorebook {
    this.requireDocument(documentId);
    const entry = this.repository.find(entryId);
    if (!entry || entry.documentId !== null)
      throw localizedError('not_found', 'errors:lorebook.entryGone');
    this.repository.setSwitchedOn(documentId, entryId, on);
    this.changed(documentId);
    return this.get(documentId);
  }

  saveBudget(documentId: string, budgetTokens: number): DocumentLorebook {
    this.requireDocument(documentId);
    this.repository.saveBudget(documentId, budgetTokens);
    this.changed(documentId);
    return this.get(documentId);
  }

  /** Reads the file whole first: a file that cannot be read, or would overfill the lorebook, imports nothing. */
  import(
    documentId: string | null,
    text: string,
  ): {
    format: LorebookFormat;
    imported: number;
    notUnderstood: { message: string; localized?: LocalizedMessage }[];
  } {
    if (documentId !== null) this.requireDocument(documentId);
    const read = readLorebookFile(text);
    const notes = [...read.notUnderstood];
    const updatedAt = this.clock();
    const entries: LoreEntry[] = read.entries.map((fields, index) => ({
      ...fields,
      keys: fields.keys.filter((key) => {
        const problem = keyProblem(key);
        if (problem !== null)
          notes.push(
            localized('errors:lorebook.import.badEntry', { entry: index + 1, field: key, problem }),
          );
        return problem === null;
      }),
      id: newEntryId(),
      documentId,
      updatedAt,
    }));
    this.requireRoom(documentId, entries.length);
    this.repository.insert(entries);
    if (documentId !== null && read.budgetTokens !== undefined) {
      this.repository.saveBudget(documentId, read.budgetTokens);
    }
    this.changed(documentId);
    return {
      format: read.format,
      imported: entries.length,
      notUnderstood: notes.map((message) => ({
        message: englishText(message),
        localized: message,
      })),
    };
  }

  export(
    documentId: string,
    format: 'inkwell' | 'novelai',
  ): { fileName: string; text: string; count: number } {
    const lorebook = this.get(documentId);
    const entries = [
      ...lorebook.entries,
      ...lorebook.library.filter((entry) => entry.switchedOn),
    ].map(({ switchedOn: _switchedOn, ...entry }: LoreEntry & { switchedOn?: boolean }) => entry);
    const text =
      format === 'novelai'
        ? writeNovelAiLorebook(entries)
        : writeInkwellLorebook(entries, lorebook.budgetTokens);
    const fileName = format === 'novelai' ? 'lorebook.lorebook' : 'lorebook.inkwell-lorebook.json';
    return { fileName, text, count: entries.length };
  }

  /** The entries the next continue gets from this text, and why; the budget the engine applies. */
  activeFor(documentId: string, textBeforeCursor: string): ActiveLore {
    const lorebook = this.get(documentId);
    const entries = [...lorebook.entries, ...lorebook.library.filter((entry) => entry.switchedOn)];
    return {
      ...activateEntries(entries, textBeforeCursor, this.regexes),
      budgetTokens: lorebook.budgetTokens,
    };
  }

  private requireRoom(documentId: string | null, adding: number): void {
    const count =
      documentId === null
        ? this.repository.library().length
        : this.repository.entriesOf(documentId).length;
    if (count + adding > MAX_LORE_ENTRIES) {
      throw localizedError('invalid_request', 'errors:lorebook.tooManyEntries', {
        limit: MAX_LORE_ENTRIES,
      });
    }
  }

  private requireDocument(documentId: string): void {
    if (!this.documentExists(documentId))
      throw localizedError('not_found', 'errors:documents.purged');
  }

  private changed(documentId: string | null): void {
    this.events.emit('lorebook.changed', { documentId });
  }
}

function newEntryId(): string {
  return `lore-${randomBytes(9).toString('base64url')}`;
}
