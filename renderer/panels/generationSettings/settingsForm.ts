/**
 * The generation settings form without React: which knobs there are, what they do in a
 * writer's words, and the small conversions between what is typed and what is saved.
 */
import { MAX_SEED } from '../../../shared/schemas/engine.js';
import type { ContinueParams, Preset } from '../../../shared/schemas/generations.js';

export type NumericParam =
  'temperature' | 'topK' | 'topP' | 'minP' | 'repeatPenalty' | 'repeatLastTokens' | 'maxTokens';

export interface NumericFieldSpec {
  param: NumericParam;
  label: string;
  help: string;
  testId: string;
  min: number;
  max: number;
  step: number;
  integer: boolean;
}

/** Limits match shared/schemas/engine.ts; the server checks them again and says what is wrong. */
export const NUMERIC_FIELDS: readonly NumericFieldSpec[] = [
  {
    param: 'temperature',
    label: 'Temperature',
    help: 'How adventurous the word choice is. Around 0.5 stays safe and predictable; above 1 surprises, and rambles. 0 always takes the likeliest word.',
    testId: 'param-temperature',
    min: 0,
    max: 2,
    step: 0.05,
    integer: false,
  },
  {
    param: 'topK',
    label: 'Top-k',
    help: 'Only the k likeliest next words are considered. Smaller is tamer. 0 turns this off.',
    testId: 'param-top-k',
    min: 0,
    max: 1000,
    step: 1,
    integer: true,
  },
  {
    param: 'topP',
    label: 'Top-p',
    help: 'Keeps only the likeliest words that together hold this share of the odds, cutting the long tail of odd ones. 1 turns this off.',
    testId: 'param-top-p',
    min: 0,
    max: 1,
    step: 0.01,
    integer: false,
  },
  {
    param: 'minP',
    label: 'Min-p',
    help: 'Drops words far less likely than the favourite (below this fraction of its odds). Keeps a high temperature from going off the rails. 0 turns this off.',
    testId: 'param-min-p',
    min: 0,
    max: 1,
    step: 0.01,
    integer: false,
  },
  {
    param: 'repeatPenalty',
    label: 'Repetition penalty',
    help: 'Makes recently used words less likely, so the model does not go round in circles. 1 is off; 1.1 to 1.2 is usually enough.',
    testId: 'param-repeat-penalty',
    min: 1,
    max: 3,
    step: 0.01,
    integer: false,
  },
  {
    param: 'repeatLastTokens',
    label: 'Penalty looks back over',
    help: 'How many of the latest tokens the repetition penalty watches (a token is about three quarters of a word).',
    testId: 'param-repeat-range',
    min: 0,
    max: 4096,
    step: 1,
    integer: true,
  },
  {
    param: 'maxTokens',
    label: 'Max new tokens',
    help: 'The longest a continuation can be, in tokens (about three quarters of a word each).',
    testId: 'param-max-tokens',
    min: 1,
    max: 4096,
    step: 1,
    integer: true,
  },
];

/** What was typed as a number, or null when it is not one (empty, "abc", 1.5 for a count). */
export function parseNumberInput(text: string, integer: boolean): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return null;
  if (integer && !Number.isInteger(value)) return null;
  return value;
}

export function parseSeedInput(text: string): number | null {
  const value = parseNumberInput(text, true);
  return value !== null && value >= 0 && value <= MAX_SEED ? value : null;
}

/** A seed for "fixed" when the writer has not typed one yet. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 1_000_000);
}

/**
 * A stop string as typed: \n and \t stand for a line break and a tab, since neither can be
 * typed into a one-line field; \\ is a backslash.
 */
export function parseStopStringInput(text: string): string {
  return text.replace(/\\(n|t|\\)/g, (_match, code: string) =>
    code === 'n' ? '\n' : code === 't' ? '\t' : '\\',
  );
}

/** The reverse of parseStopStringInput, for showing a stop string in a chip. */
export function displayStopString(stop: string): string {
  return stop.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}

/** Whether the params still are the preset's (the seed is the writer's own, so it is left out). */
export function matchesPreset(params: ContinueParams, preset: Preset): boolean {
  const { seed: _ownSeed, stop, ...rest } = params;
  const { seed: _presetSeed, stop: presetStop, ...presetRest } = preset.params;
  return (
    stop.length === presetStop.length &&
    stop.every((entry, index) => entry === presetStop[index]) &&
    (Object.keys(rest) as (keyof typeof rest)[]).every((key) => rest[key] === presetRest[key])
  );
}

/**
 * The params after picking a preset. The seed stays the document's unless the preset has its
 * own: a fixed seed is about being able to compare, not about style.
 */
export function applyPreset(params: ContinueParams, preset: Preset): ContinueParams {
  const seed = preset.params.seed ?? params.seed;
  const { seed: _presetSeed, ...presetParams } = preset.params;
  return seed === undefined ? presetParams : { ...presetParams, seed };
}

export interface FieldIssue {
  path: string;
  message: string;
}

/** The server's message for a field (path "params.temperature"), or for anything inside it. */
export function issueFor(issues: readonly FieldIssue[], path: string): string | null {
  const issue = issues.find((entry) => entry.path === path || entry.path.startsWith(`${path}.`));
  return issue ? issue.message : null;
}
