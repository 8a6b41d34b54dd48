/**
 * The generation settings form without React: which knobs there are (their words are in the
 * generation translations), and the small conversions between what is typed and what is saved.
 */
import type { ErrorIssue } from '../../../shared/errors.js';
import { MAX_SEED } from '../../../shared/schemas/engine.js';
import type { ContinueParams, Preset } from '../../../shared/schemas/generations.js';
import { describeIssue } from '../../ui/describeError.js';
import { i18n } from '../../i18n/i18n.js';

export type NumericParam =
  | 'temperature'
  | 'topK'
  | 'topP'
  | 'minP'
  | 'repeatPenalty'
  | 'repeatLastTokens'
  | 'frequencyPenalty'
  | 'presencePenalty'
  | 'dryStrength'
  | 'dryAllowedLength'
  | 'maxTokens';

export interface NumericFieldSpec {
  /** Its label and help are the translations `generation:params.<param>.label` and `.help`. */
  param: NumericParam;
  testId: string;
  min: number;
  max: number;
  step: number;
  integer: boolean;
  /** What an optional setting that was never set means (absent: 0, off). */
  whenAbsent?: number;
}

/** Limits match shared/schemas/engine.ts; the server checks them again and says what is wrong. */
export const NUMERIC_FIELDS: readonly NumericFieldSpec[] = [
  {
    param: 'temperature',
    testId: 'param-temperature',
    min: 0,
    max: 2,
    step: 0.05,
    integer: false,
  },
  {
    param: 'topK',
    testId: 'param-top-k',
    min: 0,
    max: 1000,
    step: 1,
    integer: true,
  },
  {
    param: 'topP',
    testId: 'param-top-p',
    min: 0,
    max: 1,
    step: 0.01,
    integer: false,
  },
  {
    param: 'minP',
    testId: 'param-min-p',
    min: 0,
    max: 1,
    step: 0.01,
    integer: false,
  },
  {
    param: 'repeatPenalty',
    testId: 'param-repeat-penalty',
    min: 1,
    max: 3,
    step: 0.01,
    integer: false,
  },
  {
    param: 'repeatLastTokens',
    testId: 'param-repeat-range',
    min: 0,
    max: 4096,
    step: 1,
    integer: true,
  },
  {
    param: 'frequencyPenalty',
    testId: 'param-frequency-penalty',
    min: 0,
    max: 1,
    step: 0.05,
    integer: false,
  },
  {
    param: 'presencePenalty',
    testId: 'param-presence-penalty',
    min: 0,
    max: 1,
    step: 0.05,
    integer: false,
  },
  {
    param: 'dryStrength',
    testId: 'param-dry-strength',
    min: 0,
    max: 5,
    step: 0.05,
    integer: false,
  },
  {
    param: 'dryAllowedLength',
    testId: 'param-dry-allowed-length',
    min: 1,
    max: 20,
    step: 1,
    integer: true,
    whenAbsent: 2,
  },
  {
    param: 'maxTokens',
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

/** The ids of the presets every library has (electron/generation/builtInPresets.ts). */
const BUILT_IN_PRESET_IDS = ['balanced', 'creative', 'precise'] as const;
type BuiltInPresetId = (typeof BUILT_IN_PRESET_IDS)[number];

function isBuiltInPresetId(id: string): id is BuiltInPresetId {
  return (BUILT_IN_PRESET_IDS as readonly string[]).includes(id);
}

/**
 * A preset's name in the UI language: a built-in one by its id, a writer's own (or a built-in
 * one this renderer does not know yet) as it was named.
 */
export function presetName(preset: Preset): string {
  return preset.builtIn && isBuiltInPresetId(preset.id)
    ? i18n.t(`generation:presets.builtIn.${preset.id}`)
    : preset.name;
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

/** A field-level problem as main sent it (English message and i18n key). */
export type FieldIssue = ErrorIssue;

/**
 * The server's message for a field (path "params.temperature"), or for anything inside it, in
 * the writer's language.
 */
export function issueFor(issues: readonly FieldIssue[], path: string): string | null {
  const issue = issues.find((entry) => entry.path === path || entry.path.startsWith(`${path}.`));
  return issue ? describeIssue(issue) : null;
}
