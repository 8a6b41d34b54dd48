/**
 * The remote engine: an OpenAI-compatible server the writer points Inkwell at (llama.cpp's
 * server, vLLM, KoboldCpp, Ollama…). Main makes every call to it; the page never does. The API
 * key goes in (remote.save) and never comes back out: the view says only whether one is kept.
 */
import { z } from 'zod';
import { MAX_CONTEXT_SIZE, engineStatus } from '../schemas/engine.js';

export const MAX_BASE_URL_CHARS = 2048;
export const MAX_API_KEY_CHARS = 4096;
export const MAX_REMOTE_MODEL_CHARS = 512;

const baseUrl = z.string().trim().min(1).max(MAX_BASE_URL_CHARS);
const apiKey = z.string().max(MAX_API_KEY_CHARS);

export const remoteEngineView = z.object({
  /** Which engine continues text now. */
  engine: z.enum(['local', 'remote']),
  /** The server's root ('' until one is saved). */
  baseUrl: z.string(),
  /** The model's name on the server; '' means the first it lists. */
  model: z.string(),
  /** The context the writer set; null: the server's own (llama.cpp's /props), else 2,048. */
  contextSize: z.number().int().positive().nullable(),
  hasApiKey: z.boolean(),
  /** How the key is kept: encrypted by the system keychain, or in a file only this user reads. */
  keyStorage: z.enum(['encrypted', 'file']),
  /** The engine's status when the remote one is in use; null otherwise. */
  status: engineStatus.nullable(),
});
export type RemoteEngineView = z.infer<typeof remoteEngineView>;

export const remoteChannels = {
  'remote.get': {
    request: z.object({}).strict(),
    response: remoteEngineView,
  },
  /**
   * Saves the server and switches to it. Plain http:// to another computer is refused with
   * `conflict` (remote.insecureHost) until the writer confirms it once (allowInsecure).
   */
  'remote.save': {
    request: z
      .object({
        baseUrl,
        model: z.string().trim().max(MAX_REMOTE_MODEL_CHARS).default(''),
        contextSize: z.number().int().min(16).max(MAX_CONTEXT_SIZE).nullable().default(null),
        /** A new key; null removes the stored one; absent keeps it. */
        apiKey: apiKey.nullable().optional(),
        allowInsecure: z.boolean().optional(),
      })
      .strict(),
    response: remoteEngineView,
  },
  /** The models a server lists (/v1/models), before or after saving it. */
  'remote.listModels': {
    request: z
      .object({
        baseUrl,
        /** Absent: the stored key, when the address is the stored one. */
        apiKey: apiKey.optional(),
        allowInsecure: z.boolean().optional(),
      })
      .strict(),
    response: z.object({ models: z.array(z.string()), contextSize: z.number().int().nullable() }),
  },
  /** Switches between the local engine and the saved server. */
  'remote.use': {
    request: z.object({ engine: z.enum(['local', 'remote']) }).strict(),
    response: remoteEngineView,
  },
} as const;
