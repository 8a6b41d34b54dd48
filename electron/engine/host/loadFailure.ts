/**
 * Why a model did not load, in words the writer is shown. node-llama-cpp rejects a load that
 * llama.cpp refused with only "Failed to load model"; llama.cpp's reason ("key
 * gpt2.context_length has wrong type f32 but expected type u32") goes to its log. So while a load
 * runs, the Llama's logger is wrapped to keep the error lines (everything still reaches the
 * logger it had, so the server log is unchanged), and the failure carries that reason.
 */
import { LlamaLogLevel, type Llama } from 'node-llama-cpp';
import { ApiError } from '../../../shared/errors.js';
import { localizedError } from '../../../shared/i18n/localizedMessage.js';

/** A load llama.cpp refused; `message` is llama.cpp's reason (or node-llama-cpp's message). */
export class ModelLoadFailure extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ModelLoadFailure';
  }
}

const MAX_REASON_CHARS = 300;

/** Runs `load` on `llama`; a failure is rethrown as a ModelLoadFailure with llama.cpp's reason. */
export async function withLoadFailureReason<T>(llama: Llama, load: () => Promise<T>): Promise<T> {
  const errorLines: string[] = [];
  const previous = llama.logger;
  llama.logger = (level, message) => {
    if (level === LlamaLogLevel.error || level === LlamaLogLevel.fatal) errorLines.push(message);
    previous(level, message);
  };
  try {
    return await load();
  } catch (error) {
    // llama.cpp's log lines come through the event loop from its own thread: one turn of the
    // loop delivers those written before the load failed.
    await new Promise((resolve) => setImmediate(resolve));
    throw new ModelLoadFailure(llamaReason(errorLines) ?? firstLine(error));
  } finally {
    llama.logger = previous;
  }
}

/** The error the host answers a failed load with: code, English text and key for the writer. */
export function loadFailedError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const reason = error instanceof ModelLoadFailure ? error.message : firstLine(error);
  return localizedError('invalid_request', 'errors:engine.loadFailed', { reason });
}

/**
 * llama.cpp says "llama_model_load: error loading model: <why>", then a generic "failed to load
 * model"; a file its GGUF reader refused has the why on an earlier line of its own.
 */
export function llamaReason(messages: readonly string[]): string | null {
  const lines = messages.flatMap((message) => message.split('\n')).map((line) => line.trim());
  const generic = /failed to load model/i;
  for (let index = lines.length - 1; index >= 0; index--) {
    const why = /error loading model: (.+)$/.exec(lines[index] ?? '')?.[1];
    if (why !== undefined && !generic.test(why)) return clip(why);
  }
  const specific = lines.filter((line) => line !== '' && !generic.test(line)).at(-1);
  // Without the name of the llama.cpp function that logged it ("gguf_init_from_file_impl: ").
  return specific === undefined ? null : clip(specific.replace(/^\w+: /, ''));
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return clip(message.split('\n')[0] ?? message);
}

function clip(text: string): string {
  return text.length > MAX_REASON_CHARS ? `${text.slice(0, MAX_REASON_CHARS)}…` : text;
}
