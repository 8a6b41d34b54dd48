import { continueParams, type Preset } from '../../shared/schemas/generations.js';

/**
 * The presets every library has, tuned for GPT-2-sized models: GPT-2 loops easily, so even the
 * hottest preset keeps min-p and a repeat penalty. They live in code (not in the presets table),
 * so an update can improve them; they cannot be changed or deleted.
 */
export const BUILT_IN_PRESETS: readonly Preset[] = [
  {
    id: 'balanced',
    name: 'Balanced',
    builtIn: true,
    params: continueParams.parse({
      temperature: 0.8,
      topK: 40,
      topP: 0.95,
      minP: 0.05,
      repeatPenalty: 1.1,
      repeatLastTokens: 64,
      maxTokens: 80,
    }),
  },
  {
    id: 'creative',
    name: 'Creative',
    builtIn: true,
    params: continueParams.parse({
      temperature: 1.05,
      topK: 100,
      topP: 0.98,
      minP: 0.02,
      repeatPenalty: 1.08,
      repeatLastTokens: 64,
      maxTokens: 160,
    }),
  },
  {
    id: 'precise',
    name: 'Precise',
    builtIn: true,
    params: continueParams.parse({
      temperature: 0.5,
      topK: 20,
      topP: 0.9,
      minP: 0.1,
      repeatPenalty: 1.2,
      repeatLastTokens: 128,
      maxTokens: 60,
    }),
  },
];

export const DEFAULT_PRESET_ID = 'balanced';

export function builtInPreset(id: string): Preset | undefined {
  return BUILT_IN_PRESETS.find((preset) => preset.id === id);
}

export function defaultPreset(): Preset {
  return builtInPreset(DEFAULT_PRESET_ID) as Preset;
}
