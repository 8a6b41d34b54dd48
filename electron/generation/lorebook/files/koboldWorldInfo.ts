/**
 * KoboldAI world info and Kobold Lite's (SillyTavern's is close): entries with key (a comma-
 * separated string, or a list), keysecondary, content, comment (the title), constant,
 * selective, and disabled flags. They come as a list (Kobold Lite's export), an object keyed by
 * index (KoboldAI's), { entries: { … } } (SillyTavern) or a Lite save file's { worldinfo: [ … ] }.
 */
import type { LoreEntryFields } from '../../../../shared/schemas/lorebook.js';
import type { ImportNotes, ReadLorebook } from './lorebookFile.js';
import { clampInt, isRecord } from './lorebookFile.js';

const KNOWN_FIELDS = new Set([
  'key',
  'keysecondary',
  'keyanti',
  'content',
  'comment',
  'folder',
  'num',
  'init',
  'selective',
  'constant',
  'uid',
  'wigroup',
  'widisabled',
  'disable',
  'probability',
  'order',
  'useProbability',
  'displayIndex',
  'addMemo',
  'excludeRecursion',
  'position',
  'depth',
  'caseSensitive',
]);

export function readKoboldWorldInfo(
  json: unknown,
  notes: ImportNotes,
): Omit<ReadLorebook, 'notUnderstood'> | null {
  const list = entryList(json);
  if (list === null || !list.some((raw) => isRecord(raw) && 'content' in raw && 'key' in raw)) {
    return null;
  }
  const entries: LoreEntryFields[] = [];
  list.forEach((raw, index) => {
    if (!isRecord(raw)) return notes.note('errors:lorebook.import.noText', { entry: index + 1 });
    const entry = index + 1;
    for (const field of Object.keys(raw)) {
      if (!KNOWN_FIELDS.has(field))
        notes.note('errors:lorebook.import.unknownField', { entry, field });
    }
    const secondary = keysOf(raw.keysecondary);
    if (secondary.length > 0)
      notes.note('errors:lorebook.import.ignored', { entry, field: 'keysecondary' });
    if (keysOf(raw.keyanti).length > 0)
      notes.note('errors:lorebook.import.ignored', { entry, field: 'keyanti' });
    if (
      typeof raw.probability === 'number' &&
      raw.probability < 100 &&
      raw.useProbability !== false
    ) {
      notes.note('errors:lorebook.import.ignored', { entry, field: 'probability' });
    }
    const depth =
      typeof raw.depth === 'number' && raw.position === 4 ? clampInt(raw.depth, 0, 200, 4) : null;
    const fields = notes.entry(index, {
      title: typeof raw.comment === 'string' ? raw.comment.slice(0, 200) : '',
      text: raw.content,
      keys: keysOf(raw.key).slice(0, 32),
      caseSensitive: raw.caseSensitive === true,
      priority: clampInt(raw.order, -1000, 1000, 0),
      position: depth === null ? 'afterMemory' : 'atDepth',
      depthLines: depth ?? 4,
      alwaysOn: raw.constant === true,
      enabled: raw.widisabled !== true && raw.disable !== true,
    });
    if (fields) entries.push(fields);
  });
  return { format: 'kobold', entries };
}

function entryList(json: unknown): unknown[] | null {
  if (Array.isArray(json)) return json;
  if (!isRecord(json)) return null;
  if (Array.isArray(json.worldinfo)) return json.worldinfo;
  const byIndex = isRecord(json.entries) ? json.entries : json;
  const values = Object.entries(byIndex)
    .filter(([index]) => /^\d+$/.test(index))
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, value]) => value);
  return values.length > 0 ? values : null;
}

function keysOf(value: unknown): string[] {
  const raw = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return raw
    .filter((key): key is string => typeof key === 'string')
    .map((key) => key.trim())
    .filter((key) => key !== '' && key.length <= 200);
}
