import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { EventPayload } from '../../shared/contract.js';
import { compareReplay } from '../../renderer/panels/history/compareReplay.js';
import type { Channel, EventName, RequestOf, ResponseOf } from '../../shared/contract.js';
import type { InkwellClient } from '../../renderer/api/client.js';
import { createObservable, type ConnectionState } from '../../renderer/api/connectionState.js';
import { EventListeners } from './support/eventListeners.js';
import {
  followNewGeneration,
  type GenerationProgress,
} from '../../renderer/ui/generationFollower.js';
import {
  finishLabel,
  firstLine,
  kindLabel,
  paramRows,
  shortSha,
  timingRows,
} from '../../renderer/panels/history/historyFormat.js';
import { i18n } from '../../renderer/i18n/i18n.js';
import { continueParams } from '../../shared/schemas/generations.js';

const timings = {
  timeToFirstTokenMs: 5,
  promptTokens: 3,
  droppedPromptTokens: 0,
  outputTokens: 2,
  tokensPerSecond: 10,
  promptTokensPerSecond: 100,
  totalMs: 20,
};

function endEvent(generationId: string, text: string): EventPayload<'generation.end'> {
  return { generationId, finishReason: 'length', timings, text, seed: 7 };
}

/** Enough of the client for following one generation: its events, and the calls made. */
class FakeClient implements InkwellClient {
  readonly connection = createObservable<ConnectionState>('connected');
  readonly calls: { channel: string; request: unknown }[] = [];
  private readonly events = new EventListeners();

  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    this.calls.push({ channel, request });
    return Promise.resolve({ stopped: true } as ResponseOf<C>);
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.events.on(event, listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    this.events.emit(event, payload);
  }
}

describe('following a replay', () => {
  it('follows the generation it named, from before the request, and ignores others', async () => {
    const client = new FakeClient();
    const seen: GenerationProgress[] = [];
    const replay = followNewGeneration(client, (progress) => seen.push(progress));
    const { generationId } = replay;
    let askedWith = '';
    await replay.begin((id) => {
      askedWith = id;
      return Promise.resolve();
    });
    assert.equal(askedWith, generationId, 'the request names the followed generation');
    client.emit('generation.chunk', { generationId, text: 'The sea' });
    client.emit('generation.chunk', { generationId: 'other-gen', text: 'noise' });
    client.emit('generation.chunk', { generationId, text: ' was calm' });
    assert.equal(seen.at(-1)?.text, 'The sea was calm');
    client.emit('generation.end', endEvent(generationId, 'The sea was calm.'));
    assert.equal(seen.at(-1)?.text, 'The sea was calm.', 'the end event has the whole text');
    assert.equal(seen.at(-1)?.end?.finishReason, 'length');
    client.emit('generation.chunk', { generationId, text: 'late' });
    assert.equal(seen.at(-1)?.text, 'The sea was calm.', 'nothing changes after the end');
  });

  it('asks again to stop once main has answered, when stop came before its answer', async () => {
    const client = new FakeClient();
    const replay = followNewGeneration(client, () => undefined);
    let answer: () => void = () => undefined;
    const begun = replay.begin(
      () =>
        new Promise<void>((resolve) => {
          answer = resolve;
        }),
    );
    replay.close();
    assert.deepEqual(client.calls, [], 'main does not know the generation yet');
    answer();
    await begun;
    assert.deepEqual(client.calls, [
      { channel: 'continue.stop', request: { generationId: replay.generationId } },
    ]);
  });
});

describe('comparing a replay with its original', () => {
  it('says exact when the text is the same', () => {
    const result = compareReplay(
      { output: 'and then', finishReason: 'length' },
      { text: 'and then', finishReason: 'length' },
    );
    assert.equal(result.verdict, 'exact');
  });

  it('points at the first differing character', () => {
    const result = compareReplay(
      { output: 'and then', finishReason: 'length' },
      { text: 'and than', finishReason: 'length' },
    );
    assert.equal(result.verdict, 'different');
    assert.match(result.message, /character 7/);
  });

  it('accepts a longer replay of an original that was stopped early', () => {
    const result = compareReplay(
      { output: 'and', finishReason: 'cancelled' },
      { text: 'and then', finishReason: 'length' },
    );
    assert.equal(result.verdict, 'prefix');
  });

  it('does not compare a replay that failed', () => {
    const result = compareReplay(
      { output: 'and', finishReason: 'length' },
      { text: '', finishReason: 'error' },
    );
    assert.equal(result.verdict, 'failed');
  });
});

describe('history wording', () => {
  it('shows the first non-empty line, shortened', () => {
    assert.equal(firstLine('\n  \nThe gulls came back.\nMore'), 'The gulls came back.');
    assert.equal(firstLine(''), '(no text)');
    assert.equal(firstLine('x'.repeat(100), 10), `${'x'.repeat(9)}…`);
  });

  it('names how a generation ended, and a running one', () => {
    assert.equal(finishLabel(null), 'Running…');
    assert.equal(finishLabel('cancelled'), 'Stopped early');
  });

  it('lists params with the seed and visible stop strings', () => {
    const params = continueParams.parse({ stop: ['\n'], topK: 0, stopAt: 'sentence' });
    const rows = paramRows(params, 42);
    const byLabel = new Map(rows.map((row) => [row.label, row.value]));
    assert.equal(byLabel.get('Seed'), '42');
    assert.equal(byLabel.get('Top-k'), 'off');
    assert.equal(byLabel.get('Stop strings'), '"\\n"');
    assert.equal(byLabel.get('Stop at'), 'end of sentence');
  });

  it('shortens a sha256', () => {
    assert.equal(shortSha('a'.repeat(64)), 'a'.repeat(12));
  });
});

describe('history wording in Chinese', () => {
  before(() => i18n.changeLanguage('zh-CN'));
  after(() => i18n.changeLanguage('en'));

  it('names kinds, endings and params in Chinese', () => {
    assert.equal(kindLabel('continue'), '续写');
    assert.equal(finishLabel('length'), '达到长度上限');
    assert.equal(finishLabel(null), '正在生成…');
    assert.equal(firstLine(''), '（无文本）');
    const params = continueParams.parse({ topK: 0, repeatPenalty: 1.1, repeatLastTokens: 64 });
    const byLabel = new Map(paramRows(params, 42).map((row) => [row.label, row.value]));
    assert.equal(byLabel.get('种子'), '42');
    assert.equal(byLabel.get('Top-k 采样'), '关闭');
    assert.equal(byLabel.get('重复惩罚'), '1.1，作用于最近 64 个词元');
  });

  it('formats timings and the replay verdict in Chinese', () => {
    const byLabel = new Map(
      timingRows({ ...timings, tokensPerSecond: 12.34, totalMs: 1500 }).map((row) => [
        row.label,
        row.value,
      ]),
    );
    assert.equal(byLabel.get('速度'), '每秒 12.3 个词元');
    assert.equal(byLabel.get('总用时'), '1.50 秒');
    const result = compareReplay(
      { output: 'and then', finishReason: 'length' },
      { text: 'and than', finishReason: 'length' },
    );
    assert.equal(result.message, '从第 7 个字符起与原始生成不同。');
  });
});
