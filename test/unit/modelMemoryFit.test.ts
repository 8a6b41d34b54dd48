/**
 * Whether a model fits, decided from figures alone: free RAM on the CPU, free VRAM on a GPU (no
 * GPU exists on the build machines, so the GPU cases are figures a host would report), the
 * memory the loaded model gives back on a select, and which model starts with the app.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  judgeFit,
  reclaimableRam,
  wantsGpu,
  type FitInput,
} from '../../electron/models/modelMemoryEstimate.js';
import { lastUsed } from '../../electron/models/modelsService.js';
import type { LoadedModelInfo } from '../../shared/schemas/engine.js';
import type { RunSettings } from '../../shared/schemas/models.js';
import type { StoredModel } from '../../electron/store/modelsRepository.js';
import { createI18n } from '../../shared/i18n/createI18n.js';
import { englishText, translateMessage } from '../../shared/i18n/localizedMessage.js';

const MB = 1_000_000;
const cpuOnly: FitInput = {
  ramBytes: 300 * MB,
  freeRamBytes: 1000 * MB,
  reclaimableRamBytes: 0,
  vramBytes: 0,
  freeVramBytes: null,
  gpuLayers: 0,
  totalLayers: 12,
};

const settings = (backend: RunSettings['backend']): RunSettings => ({
  backend,
  gpuLayers: 'auto',
  contextSize: null,
  threads: 'auto',
});

/** The warnings as the writer reads them in English. */
const said = (decision: ReturnType<typeof judgeFit>): string =>
  decision.warnings.map((warning) => englishText(warning)).join(' ');

describe('judging whether a model fits', () => {
  it('on the CPU: fits in free RAM, says nothing', () => {
    assert.deepEqual(judgeFit(cpuOnly), { fits: true, warnings: [] });
  });

  it('on the CPU: more than free RAM does not fit and says how much is needed and free', () => {
    const decision = judgeFit({ ...cpuOnly, ramBytes: 1500 * MB });
    assert.equal(decision.fits, false);
    assert.match(said(decision), /about 1\.5 GB of memory and 1\.0 GB is free/);
  });

  it('counts the memory the loaded model gives back when another is selected', () => {
    const decision = judgeFit({ ...cpuOnly, ramBytes: 1500 * MB, reclaimableRamBytes: 600 * MB });
    assert.deepEqual(decision, { fits: true, warnings: [] });
  });

  it('on a GPU with free VRAM known: fits when the VRAM needed is free', () => {
    const decision = judgeFit({
      ...cpuOnly,
      ramBytes: 50 * MB,
      vramBytes: 2000 * MB,
      freeVramBytes: 4000 * MB,
      gpuLayers: 12,
    });
    assert.deepEqual(decision, { fits: true, warnings: [] });
  });

  it('on a GPU: more VRAM than free does not fit, and says it would run on the CPU', () => {
    const decision = judgeFit({
      ...cpuOnly,
      ramBytes: 50 * MB,
      vramBytes: 6000 * MB,
      freeVramBytes: 4000 * MB,
      gpuLayers: 12,
    });
    assert.equal(decision.fits, false);
    assert.match(said(decision), /6\.0 GB of GPU memory and 4\.0 GB is free/);
    assert.match(said(decision), /fewer GPU layers/);
  });

  it('on a GPU taking only some layers: fits, and says the rest runs slower on the CPU', () => {
    const decision = judgeFit({
      ...cpuOnly,
      vramBytes: 3000 * MB,
      freeVramBytes: 3500 * MB,
      gpuLayers: 7,
    });
    assert.equal(decision.fits, true);
    assert.match(said(decision), /7 of 12 layers run on the GPU/);
  });

  it('on a GPU not started yet: free VRAM is unknown, which it says without failing', () => {
    const decision = judgeFit({ ...cpuOnly, vramBytes: 500 * MB, gpuLayers: 12 });
    assert.equal(decision.fits, true);
    assert.match(said(decision), /only known once the engine runs on the GPU/);
  });

  it('RAM and VRAM both short: both are said', () => {
    const decision = judgeFit({
      ...cpuOnly,
      ramBytes: 2000 * MB,
      vramBytes: 6000 * MB,
      freeVramBytes: 1000 * MB,
      gpuLayers: 12,
    });
    assert.equal(decision.fits, false);
    assert.equal(decision.warnings.length, 2);
  });

  it('says it in Chinese too: each warning is a keyed message with every value filled', () => {
    const decision = judgeFit({
      ...cpuOnly,
      ramBytes: 1500 * MB,
      vramBytes: 6000 * MB,
      gpuLayers: 7,
      freeVramBytes: 4000 * MB,
    });
    const chinese = createI18n('zh-CN');
    const text = decision.warnings.map((warning) => translateMessage(chinese, warning)).join('');
    assert.match(text, /大约需要 1\.5 GB 内存，而可用的只有 1\.0 GB/);
    assert.match(text, /大约需要 6\.0 GB 显存/);
    assert.doesNotMatch(text, /\{\{|[A-Za-z]{4,}/);
  });
});

describe('which backend the settings mean', () => {
  it('CPU is the CPU, a named GPU is a GPU, auto follows what the engine runs', () => {
    assert.equal(wantsGpu(settings('cpu'), 'cuda'), false);
    assert.equal(wantsGpu(settings('vulkan'), null), true);
    assert.equal(wantsGpu(settings('auto'), null), false);
    assert.equal(wantsGpu(settings('auto'), 'cpu'), false);
    assert.equal(wantsGpu(settings('auto'), 'metal'), true);
  });
});

describe('memory the loaded model gives back', () => {
  const memory = {
    modelBytes: 200 * MB,
    contextBytes: 20 * MB,
    hostRssBytes: 400 * MB,
    vramBytes: null,
    freeVramBytes: null,
    totalVramBytes: null,
    measuredAt: 0,
  };
  const loaded = { gpuLayers: 0, memory } as Pick<LoadedModelInfo, 'gpuLayers' | 'memory'>;

  it('is its weights and context on the CPU, nothing when none is loaded or it is on a GPU', () => {
    assert.equal(reclaimableRam(loaded as LoadedModelInfo), 220 * MB);
    assert.equal(reclaimableRam(null), 0);
    assert.equal(reclaimableRam({ ...loaded, gpuLayers: 12 } as LoadedModelInfo), 0);
  });
});

describe('the model the app starts with', () => {
  const model = (id: string, lastUsedAt: number | null): StoredModel => ({
    id,
    name: id,
    source: 'file',
    path: `/models/${id}.gguf`,
    sha256: '0'.repeat(64),
    architecture: 'gpt2',
    parameterCount: 1,
    contextLength: 1024,
    quantization: 'F32',
    fileSize: 1,
    addedAt: 0,
    lastUsedAt,
  });

  it('is the one used most recently; none when nothing was ever used', () => {
    assert.equal(lastUsed([model('a', 5), model('b', 9), model('c', null)])?.id, 'b');
    assert.equal(lastUsed([model('a', null), model('bundled', null)]), null);
    assert.equal(lastUsed([]), null);
  });
});
