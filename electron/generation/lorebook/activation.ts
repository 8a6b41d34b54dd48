/**
 * Which lorebook entries the next continue gets, and why: an entry that is switched on is active
 * when it is always on, or when one of its keys appears in the last `scanDepthChars` characters of
 * the text before the cursor (its keys are tried in order; the first that matches is the reason).
 * What fits the lorebook's token budget is decided by the engine, where the tokenizer is
 * (engine/host/promptLayout.ts).
 */
import type { LoreActivation, LoreEntry } from '../../../shared/schemas/lorebook.js';
import type { LoreInsert } from '../../../shared/schemas/generations.js';
import {
  REGEX_SCAN_BUDGET_MS,
  REGEX_TIME_LIMIT_MS,
  matchPlain,
  parseKey,
  type RegexRunner,
} from './keyMatching.js';

export interface Activated {
  /** Active entries, as the engine places them. */
  inserts: LoreInsert[];
  /** Every active entry with its reason, and entries whose regex ran out of time. */
  activations: LoreActivation[];
}

export function activateEntries(
  entries: readonly LoreEntry[],
  textBeforeCursor: string,
  regexes: RegexRunner,
  now: () => number = () => performance.now(),
): Activated {
  const inserts: LoreInsert[] = [];
  const activations: LoreActivation[] = [];
  const deadline = now() + REGEX_SCAN_BUDGET_MS;
  for (const entry of entries) {
    if (!entry.enabled || entry.text.trim() === '') continue;
    const found = entry.alwaysOn
      ? ({ reason: 'alwaysOn' } as const)
      : findKey(entry, textBeforeCursor.slice(-entry.scanDepthChars), regexes, deadline, now);
    if (found === null) continue;
    activations.push({ entryId: entry.id, title: entry.title, ...found });
    if (found.reason === 'timedOut') continue;
    inserts.push({
      id: entry.id,
      text: entry.text,
      priority: entry.priority,
      position: entry.position,
      depthLines: entry.depthLines,
    });
  }
  return { inserts, activations };
}

type Found =
  { reason: 'key'; key: string; match: string } | { reason: 'timedOut'; key: string } | null;

function findKey(
  entry: LoreEntry,
  scanned: string,
  regexes: RegexRunner,
  deadline: number,
  now: () => number,
): Found {
  let timedOut: string | null = null;
  for (const key of entry.keys) {
    const parsed = parseKey(key);
    if (parsed.kind === 'plain') {
      const match = matchPlain(scanned, parsed.text, entry.caseSensitive);
      if (match !== null) return { reason: 'key', key, match };
      continue;
    }
    const flags = entry.caseSensitive ? parsed.flags : `${parsed.flags.replace('i', '')}i`;
    const limit = Math.min(REGEX_TIME_LIMIT_MS, deadline - now());
    const result = regexes.run(parsed.source, flags, scanned, limit);
    if (result.matched) return { reason: 'key', key, match: result.text };
    if (result.timedOut) timedOut ??= key;
  }
  return timedOut === null ? null : { reason: 'timedOut', key: timedOut };
}
