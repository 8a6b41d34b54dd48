import { z } from 'zod';
import {
  MAX_CONTEXT_SIZE,
  backendChoice,
  backendInUse,
  localizedMessage,
  modelFileSummary,
} from './engine.js';

/** Model ids are minted by main (UUIDs, or 'bundled' for the demo model). */
export const modelId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a model id');
export const jobId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'not a job id');

export const modelSource = z.enum(['bundled', 'file', 'download', 'converted']);
export type ModelSource = z.infer<typeof modelSource>;

export const modelRecord = z.object({
  id: z.string(),
  name: z.string(),
  source: modelSource,
  path: z.string(),
  sha256: z.string(),
  architecture: z.string(),
  parameterCount: z.number().int().nonnegative(),
  contextLength: z.number().int().nonnegative(),
  /** Readable weight type, e.g. "Q8_0 (mostly)". */
  quantization: z.string(),
  fileSize: z.number().nonnegative(),
  addedAt: z.number().int(),
  lastUsedAt: z.number().int().nullable(),
  /** The engine has this file loaded now. */
  active: z.boolean(),
  /** The file is gone from disk (moved or deleted outside Inkwell). */
  missing: z.boolean(),
});
export type ModelRecord = z.infer<typeof modelRecord>;

export const modelDetails = z.object({
  model: modelRecord,
  /** What the GGUF check reads from the file now; null when the file is missing. */
  file: modelFileSummary.nullable(),
  /** general.* metadata strings worth showing (author, license, description...). */
  metadata: z.array(z.object({ key: z.string(), value: z.string() })),
  /** A Markdown file beside the model (same base name, or README.md), as text; null if none. */
  modelCard: z.string().nullable(),
});
export type ModelDetails = z.infer<typeof modelDetails>;

/** How the writer wants models to run; applied on every select. */
export const runSettings = z
  .object({
    backend: backendChoice.default('auto'),
    gpuLayers: z.union([z.literal('auto'), z.number().int().min(0).max(10_000)]).default('auto'),
    /** null: the model's own context length. */
    contextSize: z.number().int().min(16).max(MAX_CONTEXT_SIZE).nullable().default(null),
    threads: z.union([z.literal('auto'), z.number().int().min(1).max(256)]).default('auto'),
  })
  .strict();
export type RunSettings = z.output<typeof runSettings>;
export type RunSettingsInput = z.input<typeof runSettings>;

export const memoryEstimate = z.object({
  modelId: z.string(),
  gpuLayers: z.number().int().nonnegative(),
  contextSize: z.number().int().positive(),
  /** node-llama-cpp's estimate (GgufInsights), model plus context. */
  ramBytes: z.number().nonnegative(),
  vramBytes: z.number().nonnegative(),
  freeRamBytes: z.number().nonnegative(),
  totalRamBytes: z.number().nonnegative(),
  /**
   * Free VRAM on the GPU the engine runs now (plus what the loaded model holds, since a select
   * frees it); null: not known before the engine runs on that GPU.
   */
  freeVramBytes: z.number().nonnegative().nullable(),
  totalVramBytes: z.number().nonnegative().nullable(),
  /** Where the estimate assumes it runs: 'cpu', the GPU backend running now, or null (a GPU not started yet). */
  backend: backendInUse.nullable(),
  fits: z.boolean(),
  /** Why it may not fit, in English (logs, older clients); null when it fits. */
  warning: z.string().nullable(),
  /** The same warnings by i18n key, for the writer's language. */
  warnings: z.array(localizedMessage()).max(8).optional(),
});
export type MemoryEstimate = z.infer<typeof memoryEstimate>;

export const jobKind = z.enum(['download', 'import']);
export type JobKind = z.infer<typeof jobKind>;
export const jobPhase = z.enum(['checking', 'downloading', 'verifying', 'converting', 'adding']);
export type JobPhase = z.infer<typeof jobPhase>;

export const jobProgress = z.object({
  jobId: z.string(),
  kind: jobKind,
  phase: jobPhase,
  /** Bytes downloaded, or source bytes converted. */
  receivedBytes: z.number().nonnegative(),
  /** 0 when not known yet. */
  totalBytes: z.number().nonnegative(),
  bytesPerSecond: z.number().nonnegative(),
  /** null until a speed is known. */
  etaSeconds: z.number().nonnegative().nullable(),
});
export type JobProgress = z.infer<typeof jobProgress>;

export const jobEnd = z.object({
  jobId: z.string(),
  ok: z.boolean(),
  /** Why it failed or that it was cancelled, in words for the writer. */
  error: z.string().optional(),
  /** The error by its i18n key, for the UI to show in the writer's language. */
  errorLocalized: localizedMessage(),
  cancelled: z.boolean().optional(),
  modelId: z.string().optional(),
});
export type JobEnd = z.infer<typeof jobEnd>;

export const jobSummary = jobProgress.extend({
  /** What the job is fetching or converting, e.g. "gpt2-medium" or a file name. */
  label: z.string(),
  startedAt: z.number().int(),
});
export type JobSummary = z.infer<typeof jobSummary>;

export const curatedModel = z.object({
  id: z.string(),
  name: z.string(),
  /** Hugging Face repository of the official checkpoint. */
  repo: z.string(),
  parameters: z.number().int().positive(),
  /** Approximate bytes downloaded (the float32 safetensors checkpoint). */
  downloadBytes: z.number().int().positive(),
  /** Approximate size of the converted q8_0 GGUF kept on disk. */
  diskBytes: z.number().int().positive(),
  /** Approximate memory to run it with a 1024-token context. */
  ramBytes: z.number().int().positive(),
  description: z.string(),
});
export type CuratedModel = z.infer<typeof curatedModel>;
