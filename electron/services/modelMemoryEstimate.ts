/**
 * node-llama-cpp's memory estimate for running a library model with given run settings.
 */
import { freemem, totalmem } from 'node:os';
import type { MemoryEstimate, RunSettings } from '../../shared/schemas/models.js';
import type { StoredModel } from '../store/modelsRepository.js';
import { formatBytes } from './modelDownloads.js';

/**
 * node-llama-cpp's GgufInsights estimate for these settings. It runs here in main, reading only
 * the header (no weights are loaded), with node-llama-cpp's backend-less bindings, so it cannot
 * see free VRAM: that is reported as unknown and a GPU estimate carries a warning.
 */
export async function estimateMemory(
  model: StoredModel,
  settings: RunSettings,
  engineBackend: string | null,
): Promise<MemoryEstimate> {
  const { readGgufFileInfo, GgufInsights } = await import('node-llama-cpp');
  const info = await readGgufFileInfo(model.path, { logWarnings: false });
  const insights = await GgufInsights.from(info);
  const layers = insights.totalLayers;
  const onGpu =
    settings.backend !== 'cpu' &&
    (settings.backend !== 'auto' || (engineBackend ?? 'cpu') !== 'cpu');
  const gpuLayers = !onGpu
    ? 0
    : settings.gpuLayers === 'auto'
      ? layers
      : Math.min(settings.gpuLayers, layers);
  const contextSize =
    settings.contextSize ?? (model.contextLength || insights.trainContextSize || 1024);
  const weights = insights.estimateModelResourceRequirements({ gpuLayers });
  const context = insights.estimateContextResourceRequirements({
    contextSize,
    modelGpuLayers: gpuLayers,
  });
  const ramBytes = weights.cpuRam + context.cpuRam;
  const vramBytes = weights.gpuVram + context.gpuVram;
  const freeRamBytes = freemem();
  const ramFits = ramBytes <= freeRamBytes;
  const warnings: string[] = [];
  if (!ramFits) {
    warnings.push(
      `It needs about ${formatBytes(ramBytes)} of memory and ${formatBytes(freeRamBytes)} is free: close other programs, use a smaller context, or pick a smaller model.`,
    );
  }
  if (vramBytes > 0) {
    warnings.push(
      `About ${formatBytes(vramBytes)} of GPU memory is needed; free GPU memory is only known once the engine loads on the GPU (it falls back to the CPU if it does not fit).`,
    );
  }
  return {
    modelId: model.id,
    gpuLayers,
    contextSize,
    ramBytes,
    vramBytes,
    freeRamBytes,
    totalRamBytes: totalmem(),
    freeVramBytes: null,
    fits: ramFits,
    warning: warnings.length > 0 ? warnings.join(' ') : null,
  };
}
