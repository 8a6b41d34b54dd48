/**
 * Loading a model in the host: pick the backend (falling back to the CPU with a reason), load the
 * weights, create a one-sequence context, and settle the thread counts (the user's, remembered,
 * or a starting guess that the host measures later, when it is idle: idleThreadTuning.ts).
 */
import os from 'node:os';
import path from 'node:path';
import type { Llama, LlamaContext, LlamaContextSequence, LlamaModel } from 'node-llama-cpp';
import type {
  LoadStep,
  LoadedModelInfo,
  ModelMemory,
  ThreadSettings,
} from '../../../shared/schemas/engine.js';
import { englishText } from '../../../shared/i18n/localizedMessage.js';
import {
  cpuAfterGpuFailure,
  gpuDeviceNames,
  selectBackend,
  type BackendSelection,
} from './llamaBackend.js';
import { loadFailedError, withLoadFailureReason } from './loadFailure.js';
import type { LoadRequest } from '../protocol.js';
import { PROMPT_CHUNK_TOKENS, PromptCache } from './promptCache.js';
import { startingThreads } from './threadTuning.js';
import { recallThreads, tuningKey } from './threadTuningCache.js';

export interface LoadedModel {
  llama: Llama;
  model: LlamaModel;
  context: LlamaContext;
  sequence: LlamaContextSequence;
  /** The evaluated prefix kept between completions. */
  cache: PromptCache;
  info: LoadedModelInfo;
  /** GPU memory in use before this model was loaded; null on the CPU. */
  vramBaseline: number | null;
  /** The thread counts are a starting guess, still to be measured (and remembered under key). */
  pendingTuning: PendingTuning | null;
}

export interface PendingTuning {
  key: string;
  file: string | undefined;
}

export type ProgressReporter = (step: LoadStep, progress: number | null) => void;

async function loadWeights(
  request: LoadRequest,
  selection: BackendSelection,
  report: ProgressReporter,
): Promise<{ selection: BackendSelection; model: LlamaModel }> {
  let reported = -1;
  const load = (chosen: BackendSelection): Promise<LlamaModel> =>
    chosen.llama.loadModel({
      modelPath: request.path,
      gpuLayers: chosen.backend === 'cpu' ? 0 : (request.gpuLayers ?? 'auto'),
      onLoadProgress: (progress) => {
        // llama.cpp reports every few tensors; whole percents are plenty for a progress bar.
        const percent = Math.floor(Math.min(1, Math.max(0, progress)) * 100);
        if (percent === reported) return;
        reported = percent;
        report('loading model', percent / 100);
      },
    });
  // A refusal carries llama.cpp's reason, which node-llama-cpp's error leaves in the log.
  const loadExplained = (chosen: BackendSelection) =>
    withLoadFailureReason(chosen.llama, () => load(chosen));
  try {
    return { selection, model: await loadExplained(selection) };
  } catch (error) {
    if (selection.backend === 'cpu') throw error;
    // The GPU started but could not hold this model (memory, unsupported type): use the CPU.
    const cpu = await cpuAfterGpuFailure(selection.backend, error);
    return { selection: cpu, model: await loadExplained(cpu) };
  }
}

async function settleThreads(
  request: LoadRequest,
  loaded: Omit<LoadedModel, 'info' | 'completion' | 'cache' | 'vramBaseline' | 'pendingTuning'>,
  backend: string,
): Promise<{ threads: ThreadSettings; pendingTuning: PendingTuning | null }> {
  if (request.threads !== undefined) {
    const threads = request.threads;
    return {
      threads: { generation: threads, prompt: threads, source: 'user' },
      pendingTuning: null,
    };
  }
  if (loaded.model.gpuLayers > 0) {
    // On a GPU the CPU threads only feed it; measuring them would tell us little.
    const threads = Math.max(1, loaded.llama.cpuMathCores);
    return {
      threads: { generation: threads, prompt: threads, source: 'default' },
      pendingTuning: null,
    };
  }
  const key = tuningKey({
    backend,
    architecture: String(loaded.model.fileInfo.metadata.general.architecture),
    layers: blockCount(loaded.model),
    embeddingSize: loaded.model.embeddingVectorSize,
    sizeBytes: loaded.model.size,
    description: loaded.model.typeDescription,
  });
  if (request.threadTuningFile) {
    const remembered = await recallThreads(request.threadTuningFile, key);
    if (remembered)
      return { threads: { ...remembered, source: 'remembered' }, pendingTuning: null };
  }
  // Measuring takes seconds on a busy machine, and would stand between a new writer and their
  // first continue: the model starts with a guess, and the host measures once it is idle. The
  // text does not depend on the thread count (see promptCache.ts), so switching is safe.
  return {
    threads: { ...startingThreads(), source: 'default' },
    pendingTuning: { key, file: request.threadTuningFile },
  };
}

function blockCount(model: LlamaModel): number {
  const count = (model.fileInfo.architectureMetadata as { block_count?: unknown }).block_count;
  return typeof count === 'number' ? count : 0;
}

function vocabularySize(model: LlamaModel): number {
  const tokenizer = model.fileInfo.metadata.tokenizer as
    { ggml?: { tokens?: readonly unknown[] } } | undefined;
  return tokenizer?.ggml?.tokens?.length ?? 0;
}

/** GPU memory in use now, or null on the CPU or when the driver cannot say. */
async function vramState(
  llama: Llama,
): Promise<{ used: number; free: number; total: number } | null> {
  if (llama.gpu === false) return null;
  try {
    return await llama.getVramState();
  } catch {
    return null;
  }
}

/**
 * What the loaded model costs now. llama.cpp knows the weights and the context state; the host's
 * resident set adds the runtime (and, with mmap, counts only the pages touched so far). VRAM is
 * what the process uses beyond the baseline taken before the load, since the driver only reports
 * the device's total use.
 */
export async function measureMemory(
  loaded: Pick<LoadedModel, 'llama' | 'model' | 'context' | 'vramBaseline'>,
): Promise<ModelMemory> {
  const vram = await vramState(loaded.llama);
  return {
    modelBytes: loaded.model.size,
    contextBytes: loaded.context.stateSize,
    hostRssBytes: process.memoryUsage().rss,
    vramBytes: vram ? Math.max(0, vram.used - (loaded.vramBaseline ?? 0)) : null,
    freeVramBytes: vram?.free ?? null,
    totalVramBytes: vram?.total ?? null,
    measuredAt: Date.now(),
  };
}

export async function loadModel(
  request: LoadRequest,
  report: ProgressReporter,
): Promise<LoadedModel> {
  const startedAt = performance.now();
  const backend = await selectBackend(request.backend);
  const vramBaseline = (await vramState(backend.llama))?.used ?? null;
  const { selection, model } = await loadWeights(request, backend, report).catch(
    (error: unknown) => {
      // The writer is told why, in their language (the reason itself is llama.cpp's words).
      throw loadFailedError(error);
    },
  );
  const { llama } = selection;
  try {
    report('creating context', null);
    const trainContextSize = model.trainContextSize;
    const wanted = request.contextSize ?? (trainContextSize || 1024);
    // GPT-2 has learned absolute positions: a context longer than it was trained on is useless.
    const contextSize = trainContextSize > 0 ? Math.min(wanted, trainContextSize) : wanted;
    // The context may use up to this many threads; llama.maxThreads picks the count per phase.
    const ceiling = Math.max(os.cpus().length, request.threads ?? 1);
    llama.maxThreads = ceiling;
    const context = await model.createContext({
      contextSize,
      sequences: 1,
      threads: { ideal: ceiling, min: 1 },
      // Pinned, so that a prompt is evaluated the same way every time (see promptCache.ts).
      batchSize: PROMPT_CHUNK_TOKENS,
      flashAttention: false,
    });
    const sequence = context.getSequence();
    const parts = { llama, model, context, sequence };
    const { threads, pendingTuning } = await settleThreads(request, parts, selection.backend);
    const loadMs = Math.round(performance.now() - startedAt);
    // After a GPU failure the CPU took over: no VRAM of ours is in use.
    const baseline = llama === backend.llama ? vramBaseline : null;
    const memory = await measureMemory({ ...parts, vramBaseline: baseline });
    const info: LoadedModelInfo = {
      path: request.path,
      fileName: path.basename(request.path),
      architecture: String(model.fileInfo.metadata.general.architecture),
      description: model.typeDescription,
      sizeBytes: model.size,
      contextSize: context.contextSize,
      trainContextSize,
      layers: blockCount(model),
      embeddingSize: model.embeddingVectorSize,
      vocabularySize: vocabularySize(model),
      backend: selection.backend,
      devices: await gpuDeviceNames(llama),
      gpuLayers: model.gpuLayers,
      fallbackReason: selection.fallbackReason && englishText(selection.fallbackReason),
      ...(selection.fallbackReason ? { fallbackReasonLocalized: selection.fallbackReason } : {}),
      threads,
      engineBuild: llama.buildType === 'localBuild' ? 'local' : 'prebuilt',
      loadMs,
      memory,
    };
    return {
      ...parts,
      cache: new PromptCache(sequence),
      info,
      vramBaseline: baseline,
      pendingTuning,
    };
  } catch (error) {
    await model.dispose();
    throw error;
  }
}

export async function disposeLoadedModel(loaded: LoadedModel): Promise<void> {
  await loaded.context.dispose();
  await loaded.model.dispose();
}
