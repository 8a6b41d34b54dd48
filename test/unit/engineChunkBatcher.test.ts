/**
 * Streamed chunks on their way out of the model host: a fast model's tokens are joined into at
 * most one message a frame, the first one is never held back, and nothing is lost or reordered.
 */
import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { CHUNK_INTERVAL_MS, ChunkBatcher } from '../../electron/engine/chunkBatcher.js';

function batcherWithClock(): {
  batcher: ChunkBatcher;
  sent: { text: string; tokens: number }[];
  advance: (ms: number) => void;
} {
  mock.timers.enable({ apis: ['setTimeout'] });
  let now = 1_000;
  const sent: { text: string; tokens: number }[] = [];
  const batcher = new ChunkBatcher(
    (text, tokens) => sent.push({ text, tokens }),
    () => now,
  );
  const advance = (ms: number): void => {
    now += ms;
    mock.timers.tick(ms);
  };
  return { batcher, sent, advance };
}

describe('streamed chunk batching', () => {
  it('sends the first chunk at once and joins the ones that follow within a frame', (t) => {
    t.after(() => mock.timers.reset());
    const { batcher, sent, advance } = batcherWithClock();
    batcher.push('The', 1);
    assert.deepEqual(sent, [{ text: 'The', tokens: 1 }], 'no wait for the first token');

    advance(3);
    batcher.push(' keeper', 1);
    advance(3);
    batcher.push(' climbed', 2);
    assert.equal(sent.length, 1, 'held until the frame is over');

    advance(CHUNK_INTERVAL_MS);
    assert.deepEqual(sent, [
      { text: 'The', tokens: 1 },
      { text: ' keeper climbed', tokens: 3 },
    ]);
  });

  it('sends a chunk after a quiet spell at once', (t) => {
    t.after(() => mock.timers.reset());
    const { batcher, sent, advance } = batcherWithClock();
    batcher.push('A', 1);
    advance(CHUNK_INTERVAL_MS * 3);
    batcher.push(' slow', 1);
    assert.deepEqual(
      sent.map((chunk) => chunk.text),
      ['A', ' slow'],
    );
  });

  it('hands over what it holds on flush, once, before the end is sent', (t) => {
    t.after(() => mock.timers.reset());
    const { batcher, sent, advance } = batcherWithClock();
    batcher.push('Night', 1);
    batcher.push(' fell', 1);
    batcher.push('.', 1);
    batcher.flush();
    assert.deepEqual(sent, [
      { text: 'Night', tokens: 1 },
      { text: ' fell.', tokens: 2 },
    ]);
    advance(CHUNK_INTERVAL_MS * 2);
    batcher.flush();
    assert.equal(sent.length, 2, 'nothing sent twice, no empty message');
  });

  it('keeps the text whole and in order however the tokens are spaced', (t) => {
    t.after(() => mock.timers.reset());
    const { batcher, sent, advance } = batcherWithClock();
    const words = 'the lamp burned on through the long night while the sea rose'.split(' ');
    words.forEach((word, index) => {
      batcher.push(`${word} `, 1);
      advance([1, 7, 20, 2, 16][index % 5] ?? 1);
    });
    batcher.flush();
    assert.equal(sent.map((chunk) => chunk.text).join(''), words.map((w) => `${w} `).join(''));
    assert.equal(
      sent.reduce((sum, chunk) => sum + chunk.tokens, 0),
      words.length,
    );
    assert.ok(sent.length < words.length, 'some tokens were joined');
  });
});
