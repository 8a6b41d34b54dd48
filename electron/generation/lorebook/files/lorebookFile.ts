/**
 * Reading a lorebook file: Inkwell's own JSON, NovelAI's .lorebook, or KoboldAI / Kobold Lite
 * (and SillyTavern) world info. Pure: text in, entries out, or an error that says why nothing can
 * be imported. What a file holds that Inkwell has no place for is reported, never silently lost.
 */
import {
  localizedError,
  localized,
  type LocalizedValues,
} from '../../../../shared/i18n/localizedMessage.js';
import type { LocalizedMessage } from '../../../../shared/errors.js';
import type { LorebookFormat } from '../../../../shared/channels/lorebook.js';
import {
  MAX_LORE_ENTRIES,
  loreEntryFields,
  type LoreEntryFields,
} from '../../../../shared/schemas/lorebook.js';
import { readInkwellLorebook } from './inkwellLorebook.js';
import { readKoboldWorldInfo } from './koboldWorldInfo.js';
import { readNovelAiLorebook } from './novelAiLorebook.js';

export interface ReadLorebook {
  format: LorebookFormat;
  entries: LoreEntryFields[];
  budgetTokens?: number;
  notUnderstood: LocalizedMessage[];
}

/** Collects what a reader could not take in, and checks each entry against the contract. */
export class ImportNotes {
  readonly messages: LocalizedMessage[] = [];

  note(key: Parameters<typeof localized>[0], values?: LocalizedValues): void {
    if (this.messages.length < 200) this.messages.push(localized(key, values));
  }

  /** The entry if it passes the contract's checks; else it is noted and left out. */
  entry(index: number, candidate: Record<string, unknown>): LoreEntryFields | null {
    if (typeof candidate.text !== 'string' || candidate.text.trim() === '') {
      this.note('errors:lorebook.import.noText', { entry: index + 1 });
      return null;
    }
    const parsed = loreEntryFields.safeParse(candidate);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    this.note('errors:lorebook.import.badEntry', {
      entry: index + 1,
      field: issue?.path.join('.') ?? '',
      problem: issue?.message ?? '',
    });
    return null;
  }
}

export function readLorebookFile(text: string): ReadLorebook {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw unreadable('errors:lorebook.import.notJson', {
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  const notes = new ImportNotes();
  const read =
    readInkwellLorebook(json, notes) ??
    readNovelAiLorebook(json, notes) ??
    readKoboldWorldInfo(json, notes);
  if (read === null) throw unreadable('errors:lorebook.import.unknownShape');
  if (read.entries.length === 0) throw unreadable('errors:lorebook.import.noEntries');
  if (read.entries.length > MAX_LORE_ENTRIES) {
    throw unreadable('errors:lorebook.import.tooMany', {
      count: read.entries.length,
      limit: MAX_LORE_ENTRIES,
    });
  }
  return { ...read, notUnderstood: notes.messages };
}

function unreadable(key: Parameters<typeof localized>[0], values?: LocalizedValues) {
  return localizedError('invalid_request', 'errors:lorebook.import.refused', {
    reason: localized(key, values),
  });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Clamps a number into a range, or gives the fallback when it is not a number. */
export function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.round(value)));
}
