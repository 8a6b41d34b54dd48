/**
 * The Models panel's sizes, speeds, durations, dates and memory sentence, in the UI language at
 * the time of the call.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { i18n } from '../../renderer/i18n/i18n.js';
import type { ModelMemory } from '../../shared/schemas/engine.js';
import {
  describeMemory,
  formatBytes,
  formatBytesPerSecond,
  formatDate,
  formatDuration,
  formatParameters,
  formatSeconds,
} from '../../renderer/panels/models/format.js';

afterEach(() => i18n.changeLanguage('en'));

const memory: ModelMemory = {
  hostRssBytes: 620e6,
  modelBytes: 140e6,
  contextBytes: 38e6,
  vramBytes: 210e6,
  freeVramBytes: 7.5e9,
  totalVramBytes: 8e9,
  measuredAt: 0,
};

describe('Models panel formatting', () => {
  it('in English', () => {
    assert.equal(formatBytes(512), '512 B');
    assert.equal(formatBytes(95_400), '95 kB');
    assert.equal(formatBytes(548e6), '548 MB');
    assert.equal(formatBytes(1_558e6), '1.6 GB');
    assert.equal(formatBytesPerSecond(12.3e6), '12 MB/s');
    assert.equal(formatParameters(124e6), '124M');
    assert.equal(formatParameters(1_558e6), '1.6B');
    assert.equal(formatSeconds(null), '—');
    assert.equal(formatSeconds(41.2), '42 s');
    assert.equal(formatSeconds(125), '2 min 5 s');
    assert.equal(formatDuration(412.4), '412 ms');
    assert.equal(formatDuration(2_345), '2.3 s');
    assert.equal(formatDate(null), 'never');
    assert.match(formatDate(Date.UTC(2024, 2, 5, 12)), /2024/);
    assert.equal(
      describeMemory(memory),
      'the engine uses 620 MB of memory (weights 140 MB, context 38 MB, GPU memory 210 MB, 7.5 GB free)',
    );
    assert.equal(
      describeMemory({ ...memory, vramBytes: null, freeVramBytes: null }),
      'the engine uses 620 MB of memory (weights 140 MB, context 38 MB)',
    );
  });

  it('in Chinese when the UI is in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    assert.equal(formatBytes(512), '512 字节');
    assert.equal(formatBytes(95_400), '95 KB');
    assert.equal(formatBytesPerSecond(12.3e6), '12 MB/秒');
    assert.equal(formatSeconds(41.2), '42 秒');
    assert.equal(formatSeconds(125), '2 分 5 秒');
    assert.equal(formatDuration(412.4), '412 毫秒');
    assert.equal(formatDuration(2_345), '2.3 秒');
    assert.equal(formatDate(null), '从未');
    assert.match(formatDate(Date.UTC(2024, 2, 5, 12)), /2024年3月5日/);
    assert.equal(
      describeMemory(memory),
      '引擎占用 620 MB 内存（权重 140 MB，上下文 38 MB，显存 210 MB，可用 7.5 GB）',
    );
  });
});
