/**
 * Choosing the compute backend. getLlama is always called with build: 'never': an explicit GPU
 * choice would otherwise start a cmake build on the writer's machine. When the requested GPU
 * cannot start, the CPU takes over and the reason is kept for the UI.
 */
import os from 'node:os';
import { getLlama, LlamaLogLevel, type Llama } from 'node-llama-cpp';
import type { LocalizedMessage } from '../../../shared/errors.js';
import { localized } from '../../../shared/i18n/localizedMessage.js';
import type { BackendChoice, BackendInUse } from '../../../shared/schemas/engine.js';

export interface BackendSelection {
  llama: Llama;
  backend: BackendInUse;
  /** Why the CPU runs the model although a GPU was asked for, by its i18n key; null if not. */
  fallbackReason: LocalizedMessage | null;
}

const llamaByGpu = new Map<string, Promise<Llama>>();

/** One Llama per GPU setting for the life of the host: the native bindings load once. */
function llamaFor(gpu: 'auto' | 'cuda' | 'vulkan' | 'metal' | false): Promise<Llama> {
  const key = String(gpu);
  let pending = llamaByGpu.get(key);
  if (!pending) {
    pending = getLlama({
      gpu,
      build: 'never',
      // Thread counts are set per phase by the engine; this is only the ceiling.
      maxThreads: Math.max(1, os.cpus().length),
      logLevel: LlamaLogLevel.warn,
      progressLogs: false,
    });
    // A failed start is not cached: a later load may try again (drivers can be installed).
    pending.catch(() => llamaByGpu.delete(key));
    llamaByGpu.set(key, pending);
  }
  return pending;
}

export function backendOf(llama: Llama): BackendInUse {
  return llama.gpu === false ? 'cpu' : llama.gpu;
}

export async function selectBackend(choice: BackendChoice): Promise<BackendSelection> {
  if (choice === 'cpu') {
    const llama = await llamaFor(false);
    return { llama, backend: 'cpu', fallbackReason: null };
  }
  try {
    const llama = await llamaFor(choice);
    return { llama, backend: backendOf(llama), fallbackReason: null };
  } catch (error) {
    const llama = await llamaFor(false);
    return {
      llama,
      backend: 'cpu',
      fallbackReason:
        choice === 'auto'
          ? localized('errors:engine.anyGpuDidNotStart', { detail: describe(error) })
          : localized('errors:engine.gpuDidNotStart', { backend: choice, detail: describe(error) }),
    };
  }
}

/** The CPU fallback after a GPU backend started but could not hold the model. */
export async function cpuAfterGpuFailure(
  gpuBackend: BackendInUse,
  error: unknown,
): Promise<BackendSelection> {
  const llama = await llamaFor(false);
  return {
    llama,
    backend: 'cpu',
    fallbackReason: localized('errors:engine.gpuCouldNotHold', {
      backend: gpuBackend,
      detail: describe(error),
    }),
  };
}

export async function gpuDeviceNames(llama: Llama): Promise<string[]> {
  if (llama.gpu === false) return [];
  try {
    return await llama.getGpuDeviceNames();
  } catch {
    return [];
  }
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n')[0] ?? message;
  return firstLine.length > 200 ? `${firstLine.slice(0, 200)}…` : firstLine;
}
