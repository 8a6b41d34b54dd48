/**
 * The message protocol between main (engineClient) and the model host process (modelHost).
 * Requests carry an id; the host answers each with one `reply`, except `complete`, which says
 * first how it fitted the prompt (`fitted`), then streams `chunk`s and ends with one `done` (a
 * prompt that cannot be fitted ends at once with `done` and an error). The host speaks first
 * with `ready`.
 *
 * Main validates everything the host sends: the host runs native code that can be corrupted, and
 * a message that does not parse is treated as a crash of the host, never trusted.
 */
import { z } from 'zod';
import {
  apiErrorShape,
  backendInUse,
  finishReason,
  generationTimings,
  loadStep,
  loadedModelInfo,
  type BackendChoice,
  type GenerationTimings,
  type GpuLayersChoice,
  type ResolvedGenerationParams,
} from '../../shared/schemas/engine.js';
import type { ApiErrorShape } from '../../shared/errors.js';
import { promptFit, type EnginePrompt } from '../../shared/schemas/generations.js';
import { tokenStep } from '../../shared/schemas/tokenSteps.js';

/** A chunk holds the steps of its text; at the end, the last few; never thousands. */
const MAX_STEPS_PER_CHUNK = 4096;

export interface LoadRequest {
  type: 'load';
  id: string;
  path: string;
  backend: BackendChoice;
  contextSize?: number;
  threads?: number;
  gpuLayers?: GpuLayersChoice;
  /** Where measured thread counts are remembered (JSON); absent: measure, remember nothing. */
  threadTuningFile?: string;
}

/** node-llama-cpp's estimate for a model on the host's GPU, with the VRAM free there now. */
export interface GpuEstimateRequest {
  type: 'gpuEstimate';
  id: string;
  path: string;
  gpuLayers: number | 'auto';
  contextSize: number;
}

export type HostRequest =
  | LoadRequest
  | GpuEstimateRequest
  | { type: 'unload'; id: string }
  | { type: 'info'; id: string }
  | { type: 'tokenize'; id: string; text: string }
  | { type: 'countTokens'; id: string; text: string }
  /** How a prompt would be fitted into the context (continue.plan): one request, one reply. */
  | { type: 'fit'; id: string; prompt: EnginePrompt; maxTokens: number }
  | {
      type: 'complete';
      id: string;
      prompt: EnginePrompt;
      params: ResolvedGenerationParams;
      /** Each chunk carries its token steps (probability and top alternatives). */
      probabilities?: boolean;
    }
  | { type: 'cancel'; id: string; targetId: string }
  /** The writer typed through the target's text: its next token waits for a pause. */
  | { type: 'typing'; id: string; targetId: string }
  /** Graceful exit: the host frees the model and leaves; main kills it if it does not. */
  | { type: 'exit' };

export type HostRequestType = HostRequest['type'];

/** Every request type, once: a type added to HostRequest and not here does not compile. */
const requestTypes: Record<HostRequestType, true> = {
  load: true,
  gpuEstimate: true,
  unload: true,
  info: true,
  tokenize: true,
  countTokens: true,
  fit: true,
  complete: true,
  cancel: true,
  typing: true,
  exit: true,
};

export function isHostRequestType(type: unknown): type is HostRequestType {
  return typeof type === 'string' && Object.hasOwn(requestTypes, type);
}

export const readyMessage = z.object({
  type: z.literal('ready'),
  pid: z.number().int(),
});

export const replyMessage = z.discriminatedUnion('ok', [
  z.object({ type: z.literal('reply'), id: z.string(), ok: z.literal(true), data: z.unknown() }),
  z.object({
    type: z.literal('reply'),
    id: z.string(),
    ok: z.literal(false),
    error: apiErrorShape,
  }),
]);

/** The prompt of a completion as fitted, before the first token is computed. */
export const fittedMessage = z.object({
  type: z.literal('fitted'),
  id: z.string(),
  fit: promptFit,
});

export const chunkMessage = z.object({
  type: z.literal('chunk'),
  id: z.string(),
  text: z.string(),
  /** How many generated tokens this chunk holds. */
  tokens: z.number().int().nonnegative(),
  /** With probabilities asked for: the token steps whose text is now out (tokenStepTrail.ts). */
  steps: z.array(tokenStep).max(MAX_STEPS_PER_CHUNK).optional(),
});

export const doneMessage = z.object({
  type: z.literal('done'),
  id: z.string(),
  finishReason,
  text: z.string(),
  error: apiErrorShape.optional(),
  timings: generationTimings,
});

export const progressMessage = z.object({
  type: z.literal('progress'),
  id: z.string(),
  step: loadStep,
  progress: z.number().min(0).max(1).nullable(),
});

export const hostMessage = z.union([
  readyMessage,
  replyMessage,
  fittedMessage,
  chunkMessage,
  doneMessage,
  progressMessage,
]);

export type HostMessage = z.infer<typeof hostMessage>;
export type ReadyMessage = z.infer<typeof readyMessage>;
export type ReplyMessage = z.infer<typeof replyMessage>;
export type FittedMessage = z.infer<typeof fittedMessage>;
export type ChunkMessage = z.infer<typeof chunkMessage>;
export type DoneMessage = z.infer<typeof doneMessage>;
export type ProgressMessage = z.infer<typeof progressMessage>;

/** The timings of a generation that produced nothing (failed or cancelled before it ran). */
export const emptyTimings: GenerationTimings = {
  timeToFirstTokenMs: null,
  promptTokens: 0,
  droppedPromptTokens: 0,
  outputTokens: 0,
  tokensPerSecond: 0,
  promptTokensPerSecond: 0,
  totalMs: 0,
};

/** What each request's successful reply carries, checked when the reply arrives. */
export const replyDataSchemas = {
  load: loadedModelInfo,
  unload: z.object({}),
  info: loadedModelInfo.nullable(),
  tokenize: z.object({ tokens: z.array(z.number().int().nonnegative()) }),
  countTokens: z.object({ tokens: z.number().int().nonnegative(), contextSize: z.number().int() }),
  fit: promptFit,
  /** null: the host runs no GPU backend (or nothing is loaded), so it has nothing to add. */
  gpuEstimate: z
    .object({
      backend: backendInUse,
      gpuLayers: z.number().int().nonnegative(),
      totalLayers: z.number().int().nonnegative(),
      ramBytes: z.number().nonnegative(),
      vramBytes: z.number().nonnegative(),
      /** Free now, plus what the loaded model holds (a select unloads it first). */
      freeVramBytes: z.number().nonnegative(),
      totalVramBytes: z.number().nonnegative(),
    })
    .nullable(),
} as const;
export type RepliedRequestType = keyof typeof replyDataSchemas;
export type ReplyData<T extends RepliedRequestType> = z.output<(typeof replyDataSchemas)[T]>;

export type ParsedHostMessage = { ok: true; message: HostMessage } | { ok: false; problem: string };

const messageSchemas = {
  ready: readyMessage,
  reply: replyMessage,
  fitted: fittedMessage,
  chunk: chunkMessage,
  done: doneMessage,
  progress: progressMessage,
} as const;

/** Parses one message from the host; says what is wrong instead of throwing. */
export function parseHostMessage(raw: unknown): ParsedHostMessage {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : raw;
  if (typeof type !== 'string' || !Object.hasOwn(messageSchemas, type)) {
    const shown = JSON.stringify(type ?? null)?.slice(0, 40) ?? typeof type;
    return { ok: false, problem: `malformed message from the model host (unknown type ${shown})` };
  }
  const parsed = messageSchemas[type as keyof typeof messageSchemas].safeParse(raw);
  if (parsed.success) return { ok: true, message: parsed.data };
  const first = parsed.error.issues[0];
  const where = first ? `${first.path.map(String).join('.') || '(message)'}: ${first.message}` : '';
  return { ok: false, problem: `malformed "${type}" message from the model host (${where})` };
}

export function errorShape(code: ApiErrorShape['code'], message: string): ApiErrorShape {
  return { code, message };
}
