/**
 * node-llama-cpp's estimate of what a model needs with given GPU layers and context: the one
 * estimator, used in both processes. Main uses it from the GGUF header alone (CPU, or a GPU it
 * cannot see); the model host, when a GPU backend runs, passes the device's VRAM state so that
 * node-llama-cpp settles how many layers fit, as loadModel will. Main's node-llama-cpp has no GPU
 * bindings loaded, so only the host can speak for a GPU.
 */
import { GgufInsights, readGgufFileInfo, type Llama } from './nodeLlamaCpp.js';

export interface ResourceRequest {
  path: string;
  /** 'auto': as many as fit (on a GPU the host resolves it; without one, all of them). */
  gpuLayers: number | 'auto';
  contextSize: number;
}

export interface ResourceEstimate {
  gpuLayers: number;
  totalLayers: number;
  ramBytes: number;
  vramBytes: number;
}

/** A GPU backend that runs now and its VRAM, with what the loaded model holds counted as free. */
export interface GpuDevice {
  llama: Llama;
  vram: { total: number; free: number; unifiedSize: number };
}

export async function estimateResources(
  request: ResourceRequest,
  gpu: GpuDevice | null,
): Promise<ResourceEstimate> {
  const info = await readGgufFileInfo(request.path, { logWarnings: false });
  const insights = await GgufInsights.from(info, gpu?.llama);
  const totalLayers = insights.totalLayers;
  if (gpu) {
    const resolved = await insights.configurationResolver.resolveAndScoreConfig(
      {
        ...(request.gpuLayers === 'auto'
          ? {}
          : { targetGpuLayers: Math.min(request.gpuLayers, totalLayers) }),
        targetContextSize: request.contextSize,
      },
      { getVramState: () => Promise.resolve(gpu.vram) },
    );
    const values = resolved.resolvedValues;
    return {
      gpuLayers: values.gpuLayers,
      totalLayers,
      ramBytes: values.totalRamUsage,
      vramBytes: values.totalVramUsage,
    };
  }
  const gpuLayers =
    request.gpuLayers === 'auto' ? totalLayers : Math.min(request.gpuLayers, totalLayers);
  const weights = insights.estimateModelResourceRequirements({ gpuLayers });
  const context = insights.estimateContextResourceRequirements({
    contextSize: request.contextSize,
    modelGpuLayers: gpuLayers,
  });
  return {
    gpuLayers,
    totalLayers,
    ramBytes: weights.cpuRam + context.cpuRam,
    vramBytes: weights.gpuVram + context.gpuVram,
  };
}

/** The context length the model was trained with, read from its header (0 when not stated). */
export async function trainContextSize(path: string): Promise<number> {
  const info = await readGgufFileInfo(path, { logWarnings: false });
  return (await GgufInsights.from(info)).trainContextSize ?? 0;
}
