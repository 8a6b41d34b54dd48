/**
 * node-llama-cpp's estimate for running a model on the host's GPU. Main cannot make it: its
 * node-llama-cpp has no GPU bindings loaded, so it sees neither the device nor its free memory.
 * The host, with a GPU backend running, can ask the driver.
 */
import { GgufInsights, readGgufFileInfo } from 'node-llama-cpp';
import { backendOf } from './llamaBackend.js';
import type { LoadedModel } from './modelLoader.js';
import type { GpuEstimateRequest, ReplyData } from './protocol.js';

export async function estimateOnGpu(
  loaded: LoadedModel | null,
  request: Omit<GpuEstimateRequest, 'type' | 'id'>,
): Promise<ReplyData<'gpuEstimate'>> {
  if (!loaded || loaded.llama.gpu === false) return null;
  const { llama } = loaded;
  const vram = await llama.getVramState();
  // Selecting another model unloads this one first: what it holds counts as free.
  const freeVramBytes = vram.free + (loaded.info.memory.vramBytes ?? 0);
  const info = await readGgufFileInfo(request.path, { logWarnings: false });
  const insights = await GgufInsights.from(info, llama);
  const totalLayers = insights.totalLayers;
  const resolved = await insights.configurationResolver.resolveAndScoreConfig(
    {
      // 'auto' lets node-llama-cpp offload as many layers as fit, as loadModel will do.
      ...(request.gpuLayers === 'auto'
        ? {}
        : { targetGpuLayers: Math.min(request.gpuLayers, totalLayers) }),
      targetContextSize: request.contextSize,
    },
    {
      getVramState: () =>
        Promise.resolve({ total: vram.total, free: freeVramBytes, unifiedSize: vram.unifiedSize }),
    },
  );
  const values = resolved.resolvedValues;
  return {
    backend: backendOf(llama),
    gpuLayers: values.gpuLayers,
    totalLayers,
    ramBytes: values.totalRamUsage,
    vramBytes: values.totalVramUsage,
    freeVramBytes,
    totalVramBytes: vram.total,
  };
}
