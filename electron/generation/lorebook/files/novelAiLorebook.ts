/**
 * NovelAI's .lorebook (lorebookVersion 1–6): { lorebookVersion, entries: [{ displayName, text,
 * keys, searchRange, enabled, forceActivation, contextConfig: { budgetPriority,
 * insertionPosition, insertionType, prefix, suffix, ... } }], settings, categories }.
 *
 * NovelAI builds its context by insertion order: memory first, lore entries at position -1
 * (after what is already there, so before the story), the author's note 4 lines from the end.
 * So position -1 (or any position ≥ 0) reads as "after memory", -n (n ≥ 2) as n-1 lines before the
 * end; budgetPriority (default 400) becomes priority (400 → 0).
 */
import type {
  LoreEntry,
  LoreEntryFields,
  LorePosition,
} from '../../../../shared/schemas/lorebook.js';
import {
  DEFAULT_LORE_SCAN_CHARS,
  MAX_LORE_DEPTH_LINES,
  MAX_LORE_SCAN_CHARS,
} from '../../../../shared/schemas/lorebook.js';
import type { ImportNotes, ReadLorebook } from './lorebookFile.js';
import { clampInt, isRecord } from './lorebookFile.js';

const NOVELAI_DEFAULT_PRIORITY = 400;
/** Entry fields read here, or known to make no difference to the prompt. */
const KNOWN_FIELDS = new Set([
  'text',
  'contextConfig',
  'lastUpdatedAt',
  'displayName',
  'id',
  'keys',
  'searchRange',
  'enabled',
  'forceActivation',
  'keyRelative',
  'nonStoryActivatable',
  'category',
  'loreBiasGroups',
]);

export function readNovelAiLorebook(
  json: unknown,
  notes: ImportNotes,
): Omit<ReadLorebook, 'notUnderstood'> | null {
  if (!isRecord(json) || typeof json.lorebookVersion !== 'number' || !Array.isArray(json.entries)) {
    return null;
  }
  const entries: LoreEntryFields[] = [];
  json.entries.forEach((raw, index) => {
    if (!isRecord(raw)) return notes.note('errors:lorebook.import.noText', { entry: index + 1 });
    const entry = index + 1;
    const config = isRecord(raw.contextConfig) ? raw.contextConfig : {};
    for (const field of Object.keys(raw)) {
      if (!KNOWN_FIELDS.has(field))
        notes.note('errors:lorebook.import.unknownField', { entry, field });
    }
    if (raw.keyRelative === true)
      notes.note('errors:lorebook.import.ignored', { entry, field: 'keyRelative' });
    if (Array.isArray(raw.loreBiasGroups) && raw.loreBiasGroups.some(hasPhrases)) {
      notes.note('errors:lorebook.import.ignored', { entry, field: 'loreBiasGroups' });
    }
    if (typeof config.prefix === 'string' && config.prefix !== '')
      notes.note('errors:lorebook.import.ignored', { entry, field: 'contextConfig.prefix' });
    if (typeof config.suffix === 'string' && config.suffix !== '\n' && config.suffix !== '')
      notes.note('errors:lorebook.import.ignored', { entry, field: 'contextConfig.suffix' });
    if (typeof config.reservedTokens === 'number' && config.reservedTokens > 0)
      notes.note('errors:lorebook.import.ignored', {
        entry,
        field: 'contextConfig.reservedTokens',
      });
    const insertion = clampInt(config.insertionPosition, -10_000, 10_000, -1);
    let position: LorePosition = 'afterMemory';
    let depthLines = 0;
    if (insertion <= -2) {
      position = 'atDepth';
      depthLines = Math.min(MAX_LORE_DEPTH_LINES, -insertion - 1);
      if (config.insertionType !== undefined && config.insertionType !== 'newline') {
        notes.note('errors:lorebook.import.insertionType', {
          entry,
          type: String(config.insertionType),
        });
      }
    }
    const keys = Array.isArray(raw.keys)
      ? raw.keys.filter((key): key is string => typeof key === 'string' && key.trim() !== '')
      : [];
    const fields = notes.entry(index, {
      title: typeof raw.displayName === 'string' ? raw.displayName.slice(0, 200) : '',
      text: raw.text,
      keys,
      caseSensitive: false,
      scanDepthChars: clampInt(raw.searchRange, 1, MAX_LORE_SCAN_CHARS, DEFAULT_LORE_SCAN_CHARS),
      priority: clampInt(
        typeof config.budgetPriority === 'number'
          ? config.budgetPriority - NOVELAI_DEFAULT_PRIORITY
          : 0,
        -1000,
        1000,
        0,
      ),
      position,
      depthLines,
      alwaysOn: raw.forceActivation === true,
      enabled: raw.enabled !== false,
    });
    if (fields) entries.push(fields);
  });
  if (isRecord(json.settings) && json.settings.orderByKeyLocations === true) {
    notes.note('errors:lorebook.import.ignored', {
      entry: 0,
      field: 'settings.orderByKeyLocations',
    });
  }
  return { format: 'novelai', entries };
}

function hasPhrases(group: unknown): boolean {
  return isRecord(group) && Array.isArray(group.phrases) && group.phrases.length > 0;
}

/** NovelAI's shape, as its lorebook loader expects it (version 5, the one most tools write). */
export function writeNovelAiLorebook(entries: readonly LoreEntry[]): string {
  const written = entries.map((entry) => ({
    text: entry.text,
    contextConfig: {
      prefix: '',
      suffix: '\n',
      tokenBudget: 1,
      reservedTokens: 0,
      budgetPriority: entry.priority + NOVELAI_DEFAULT_PRIORITY,
      trimDirection: 'trimBottom',
      insertionType: 'newline',
      maximumTrimType: 'sentence',
      insertionPosition: entry.position === 'atDepth' ? -(entry.depthLines + 1) : -1,
    },
    lastUpdatedAt: entry.updatedAt,
    displayName: entry.title,
    id: entry.id,
    keys: entry.keys,
    searchRange: entry.scanDepthChars,
    enabled: entry.enabled,
    forceActivation: entry.alwaysOn,
    keyRelative: false,
    nonStoryActivatable: false,
    category: '',
    loreBiasGroups: [],
  }));
  return `${JSON.stringify({ lorebookVersion: 5, entries: written, settings: { orderByKeyLocations: false }, categories: [] }, null, 2)}\n`;
}
