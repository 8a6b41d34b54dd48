import { z } from 'zod';
import {
  MAX_CONTEXT_SIZE,
  MAX_PATH_CHARS,
  MAX_PROMPT_CHARS,
  backendChoice,
  engineStatus,
  gpuLayersChoice,
  loadProgress,
  loadedModelInfo,
  tokenCount,
} from '../schemas/engine.js';

const modelPath = z.string().min(1).max(MAX_PATH_CHARS);
const empty = z.object({}).strict();

export const engineChannels = {
  'engine.load': {
    request: z
      .object({
        path: modelPath,
        backend: backendChoice.optional(),
        contextSize: z.number().int().min(16).max(MAX_CONTEXT_SIZE).optional(),
        /** Overrides the measured thread counts for both prompt and generation. */
        threads: z.number().int().min(1).max(256).optional(),
        gpuLayers: gpuLayersChoice.optional(),
      })
      .strict(),
    response: loadedModelInfo,
  },
  'engine.unload': {
    request: empty,
    response: engineStatus,
  },
  'engine.status': {
    request: empty,
    response: engineStatus,
  },
  /** The status with the loaded model's memory measured again now; loads nothing. */
  'engine.measureMemory': {
    request: empty,
    response: engineStatus,
  },
  'engine.countTokens': {
    request: z.object({ text: z.string().max(MAX_PROMPT_CHARS) }).strict(),
    response: tokenCount,
  },
} as const;

export const engineEvents = {
  'engine.status': engineStatus,
  'engine.loadProgress': loadProgress,
} as const;
