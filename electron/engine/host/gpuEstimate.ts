/** The estimate on the host's GPU: only the host, with a GPU backend running, sees the device. */
import { estimateResources } from '../memoryEstimate.js';
import { backendOf } from './llamaBackend.js';
import type { LoadedModel } from './modelLoader.js';
import type { GpuEstimateRequest, ReplyData } from '../protocol.js';

export async function estimateOnGpu(
  loaded: LoadedModel | null,
  request: Omit<GpuEstimateRequest, 'type' | 'id'>,
): Promise<ReplyData<'gpuEstimate'>> {
  if (!loaded || loaded.llama.gpu === false) return null;
  const { llama } = loaded;
  const vram = await llama.getVramState();
  // Selecting another model unloads this one first: what it holds counts as free.
  const freeVramBytes = vram.free + (loaded.info.memory.vramBytes ?? 0);
  const estimate = await estimateResources(request, {
    llama,
    vram: { total: vram.total, free: freeVramBytes, unifiedSize: vram.unifiedSize },
  });
  return {
    backend: backendOf(llama),
    ...estimate,
    freeVramBytes,
    totalVramBytes: vram.total,
  };
}
