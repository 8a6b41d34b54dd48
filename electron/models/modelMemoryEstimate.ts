/**
 * node-llama-cpp's memory estimate for running a library model with given run settings, and the
 * decision whether it fits: in free RAM on the CPU, and in free VRAM on a GPU when the engine runs
 * one (only the model host can ask the GPU; main's node-llama-cpp has no GPU bindings loaded).
 */
import { freemem, totalmem } from 'node:os';
import type { BackendInUse, LoadedModelInfo } from '../../shared/schemas/engine.js';
import type { MemoryEstimate, RunSettings } from '../../shared/schemas/models.js';
import { estimateResources, trainContextSize } from '../engine/memoryEstimate.js';
import type { GpuEstimate } from '../engine/supervisor/engineClient.js';
import type { StoredModel } from '../store/modelsRepository.js';
import { formatBytes } from './modelDownloads.js';
import type { LocalizedMessage } from '../../shared/errors.js';
import { englishText, localized } from '../../shared/i18n/localizedMessage.js';

/** What the engine can tell the estimate; every part is optional (no host runs yet). */
export interface EngineFacts {
  /** The backend the engine runs now; null when nothing is loaded. */
  backend: BackendInUse | null;
  /** The model loaded now: selecting another frees what it holds. */
  loaded: LoadedModelInfo | null;
  /** Asks the host for node-llama-cpp's estimate on its GPU; null when it runs none. */
  gpuEstimate: (request: {
    gpuLayers: number | 'auto';
    contextSize: number;
  }) => Promise<GpuEstimate | null>;
}

/** Whether the run settings put layers on a GPU, given what the engine runs now. */
export function wantsGpu(settings: RunSettings, engineBackend: BackendInUse | null): boolean {
  if (settings.backend === 'cpu') return false;
  // 'auto' becomes whatever getLlama finds; until the engine has run, we assume the CPU.
  if (settings.backend === 'auto') return (engineBackend ?? 'cpu') !== 'cpu';
  return true;
}

export interface FitInput {
  ramBytes: number;
  freeRamBytes: number;
  /** RAM the loaded model holds, freed when another is selected. */
  reclaimableRamBytes: number;
  vramBytes: number;
  /** Free VRAM (with what the loaded model holds); null: not known (no GPU backend running). */
  freeVramBytes: number | null;
  gpuLayers: number;
  totalLayers: number;
}

export interface FitDecision {
  fits: boolean;
  warnings: LocalizedMessage[];
}

/**
 * The decision, kept pure so it can be checked for a GPU this machine does not have. RAM that
 * does not fit means it will not run well (swapping) or not at all; VRAM that does not fit makes
 * the load fall back to the CPU; a GPU that takes only some layers is slower, not a failure.
 */
export function judgeFit(input: FitInput): FitDecision {
  const warnings: LocalizedMessage[] = [];
  const availableRam = input.freeRamBytes + input.reclaimableRamBytes;
  const ramFits = input.ramBytes <= availableRam;
  if (!ramFits) {
    warnings.push(
      localized('errors:models.estimate.ramShort', {
        needed: formatBytes(input.ramBytes),
        free: formatBytes(availableRam),
      }),
    );
  }
  let vramFits = true;
  if (input.vramBytes > 0) {
    if (input.freeVramBytes === null) {
      warnings.push(
        localized('errors:models.estimate.vramUnknown', { needed: formatBytes(input.vramBytes) }),
      );
    } else if (input.vramBytes > input.freeVramBytes) {
      vramFits = false;
      warnings.push(
        localized('errors:models.estimate.vramShort', {
          needed: formatBytes(input.vramBytes),
          free: formatBytes(input.freeVramBytes),
        }),
      );
    }
  }
  if (vramFits && input.gpuLayers > 0 && input.gpuLayers < input.totalLayers) {
    warnings.push(
      localized('errors:models.estimate.partialOffload', {
        gpuLayers: input.gpuLayers,
        totalLayers: input.totalLayers,
      }),
    );
  }
  return { fits: ramFits && vramFits, warnings };
}

/** RAM the loaded model would give back on a select: on the CPU its weights and context. */
export function reclaimableRam(loaded: LoadedModelInfo | null): number {
  if (!loaded || loaded.gpuLayers > 0) return 0;
  return loaded.memory.modelBytes + loaded.memory.contextBytes;
}

/**
 * The estimate for these settings (engine/memoryEstimate.ts): from the header alone here on the
 * CPU (or before the engine ran on a GPU); with a GPU backend running, the host's, which knows the
 * device and its free VRAM.
 */
export async function estimateMemory(
  model: StoredModel,
  settings: RunSettings,
  engine: EngineFacts,
): Promise<MemoryEstimate> {
  const onGpu = wantsGpu(settings, engine.backend);
  const contextSize =
    settings.contextSize ?? (model.contextLength || (await trainContextSize(model.path)) || 1024);
  // The host can only speak for the GPU backend it runs: another one asked for is a guess.
  const hostSpeaksFor =
    onGpu && (settings.backend === 'auto' || settings.backend === engine.backend);
  const gpu = hostSpeaksFor
    ? await engine.gpuEstimate({ gpuLayers: settings.gpuLayers, contextSize })
    : null;
  const { gpuLayers, totalLayers, ramBytes, vramBytes } =
    gpu ??
    (await estimateResources(
      { path: model.path, gpuLayers: onGpu ? settings.gpuLayers : 0, contextSize },
      null,
    ));
  const freeRamBytes = freemem();
  const decision = judgeFit({
    ramBytes,
    freeRamBytes,
    reclaimableRamBytes: reclaimableRam(engine.loaded),
    vramBytes,
    freeVramBytes: gpu?.freeVramBytes ?? null,
    gpuLayers,
    totalLayers,
  });
  return {
    modelId: model.id,
    gpuLayers,
    contextSize,
    ramBytes,
    vramBytes,
    freeRamBytes,
    totalRamBytes: totalmem(),
    freeVramBytes: gpu?.freeVramBytes ?? null,
    totalVramBytes: gpu?.totalVramBytes ?? null,
    backend: gpu?.backend ?? (onGpu ? null : 'cpu'),
    fits: decision.fits,
    warning:
      decision.warnings.length > 0 ? decision.warnings.map((w) => englishText(w)).join(' ') : null,
    warnings: decision.warnings,
  };
}
