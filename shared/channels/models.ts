import { z } from 'zod';
import { MAX_PATH_CHARS, modelFileSummary } from '../schemas/engine.js';
import {
  curatedModel,
  jobEnd,
  jobId,
  jobProgress,
  jobSummary,
  memoryEstimate,
  modelDetails,
  modelId,
  modelRecord,
  runSettings,
} from '../schemas/models.js';

const empty = z.object({}).strict();
const filePath = z.string().min(1).max(MAX_PATH_CHARS);
const sha256 = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, 'not a sha256 (64 hex digits)')
  .transform((value) => value.toLowerCase());
/** Only the network: a local path here would make the downloader copy any file the renderer names. */
const downloadUrl = z
  .string()
  .max(2048)
  .regex(/^https?:\/\/\S+$/i, 'only http:// and https:// addresses can be downloaded');
const hfReference = z
  .string()
  .max(1024)
  .regex(
    /^hf:[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/[^\s#]+\.gguf(#[A-Za-z0-9_./-]+)?$/,
    'write a Hugging Face file as hf:owner/repo/file.gguf',
  );

export const modelsChannels = {
  'models.validate': {
    request: z.object({ path: filePath }).strict(),
    response: modelFileSummary,
  },
  'models.list': { request: empty, response: z.array(modelRecord) },
  /**
   * Adds a GGUF by its path: the browser's path field, or a file dropped on the desktop window
   * (its path from the preload's pathForFile). Only .gguf names are read; see modelsHandlers.ts.
   */
  'models.add': {
    request: z.object({ path: filePath, name: z.string().min(1).max(200).optional() }).strict(),
    response: modelRecord,
  },
  /**
   * Desktop: main shows its own open dialog (GGUF files) and adds the chosen file as models.add
   * does; no path comes from the renderer. Headless mode has no dialog: 'unavailable'.
   */
  'models.addFromDialog': {
    request: empty,
    response: z.union([
      z.object({ status: z.literal('unavailable') }),
      z.object({ status: z.literal('cancelled') }),
      z.object({ status: z.literal('added'), model: modelRecord }),
    ]),
  },
  'models.remove': {
    request: z
      .object({
        id: modelId,
        /** Also delete the file; only for files Inkwell downloaded or converted into its folder. */
        deleteFile: z.boolean().optional(),
      })
      .strict(),
    response: z.object({ removed: z.boolean(), fileDeleted: z.boolean() }),
  },
  'models.details': { request: z.object({ id: modelId }).strict(), response: modelDetails },
  'models.select': {
    request: z.object({ id: modelId }).strict(),
    response: modelRecord,
  },
  'models.importCheckpoint': {
    request: z
      .object({
        folder: filePath,
        type: z.enum(['f16', 'q8_0']),
        name: z.string().min(1).max(200).optional(),
      })
      .strict(),
    response: z.object({ jobId: z.string() }),
  },
  'models.download': {
    request: z.union([
      z.object({ curatedId: z.string().regex(/^[a-z0-9-]{1,40}$/) }).strict(),
      z.object({ url: downloadUrl, sha256: sha256.optional() }).strict(),
      z.object({ hf: hfReference, sha256: sha256.optional() }).strict(),
    ]),
    response: z.object({ jobId: z.string() }),
  },
  'models.cancelJob': {
    request: z.object({ jobId }).strict(),
    response: z.object({ cancelled: z.boolean() }),
  },
  'models.jobs': { request: empty, response: z.array(jobSummary) },
  'models.catalog': { request: empty, response: z.array(curatedModel) },
  'models.runSettings.get': { request: empty, response: runSettings },
  'models.runSettings.save': { request: runSettings, response: runSettings },
  'models.estimate': {
    request: z.object({ id: modelId, settings: runSettings.optional() }).strict(),
    response: memoryEstimate,
  },
} as const;

export const modelsEvents = {
  'models.jobProgress': jobProgress,
  'models.jobEnd': jobEnd,
  /** The library changed (added, removed, selected); the renderer lists it again. */
  'models.changed': z.object({
    kind: z.enum(['added', 'removed', 'selected', 'updated']),
    id: z.string(),
  }),
} as const;
