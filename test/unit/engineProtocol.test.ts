import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHostMessage, replyDataSchemas } from '../../electron/engine/protocol.js';
import { continueChannels } from '../../shared/channels/continue.js';
import { settingsChannels } from '../../shared/channels/settings.js';
import { generationParams } from '../../shared/schemas/engine.js';

const timings = {
  timeToFirstTokenMs: 12.5,
  promptTokens: 7,
  droppedPromptTokens: 0,
  outputTokens: 3,
  tokensPerSecond: 80,
  promptTokensPerSecond: 560,
  totalMs: 40,
};

describe('messages from the model host', () => {
  it('accepts every well-formed message kind', () => {
    const messages = [
      { type: 'ready', pid: 4242 },
      { type: 'reply', id: '1', ok: true, data: { anything: 1 } },
      {
        type: 'reply',
        id: '2',
        ok: false,
        error: { code: 'invalid_request', message: 'bad file' },
      },
      { type: 'chunk', id: '3', text: ' the', tokens: 1 },
      { type: 'done', id: '3', finishReason: 'length', text: ' the end', timings },
      {
        type: 'done',
        id: '4',
        finishReason: 'error',
        text: '',
        error: { code: 'internal', message: 'x' },
        timings: { ...timings, timeToFirstTokenMs: null },
      },
      { type: 'progress', id: '5', step: 'loading model', progress: 0.5 },
    ];
    for (const message of messages) {
      const parsed = parseHostMessage(message);
      assert.equal(parsed.ok, true, JSON.stringify(message));
    }
  });

  it('rejects malformed messages with a description instead of throwing', () => {
    const malformed: unknown[] = [
      null,
      'ready',
      42,
      {},
      { type: 'hello' },
      { type: 'ready' },
      { type: 'chunk', id: '1', text: 42, tokens: 1 },
      { type: 'chunk', id: '1', text: 'a', tokens: -1 },
      { type: 'reply', id: '1', ok: false, error: { code: 'not-a-code', message: 'x' } },
      { type: 'reply', id: 1, ok: true, data: {} },
      { type: 'done', id: '1', finishReason: 'exploded', text: '', timings },
      { type: 'done', id: '1', finishReason: 'stop', text: '', timings: { totalMs: 1 } },
      { type: 'progress', id: '1', step: 'loading model', progress: 7 },
    ];
    for (const message of malformed) {
      const parsed = parseHostMessage(message);
      assert.equal(parsed.ok, false, JSON.stringify(message));
      if (!parsed.ok) assert.match(parsed.problem, /malformed .*message from the model host/);
    }
  });

  it('checks reply data against the request it answers', () => {
    assert.equal(
      replyDataSchemas.countTokens.safeParse({ tokens: 3, contextSize: 1024 }).success,
      true,
    );
    assert.equal(replyDataSchemas.countTokens.safeParse({ tokens: '3' }).success, false);
    assert.equal(replyDataSchemas.tokenize.safeParse({ tokens: [1, -2] }).success, false);
    assert.equal(replyDataSchemas.info.safeParse(null).success, true);
    assert.equal(replyDataSchemas.load.safeParse({ path: 'x' }).success, false);
  });
});

describe('generation parameters and ids', () => {
  it('fills in generation defaults so a stored generation has every parameter', () => {
    const parsed = generationParams.parse({});
    assert.equal(parsed.maxTokens, 80);
    assert.equal(parsed.temperature, 0.8);
    assert.deepEqual(parsed.stop, []);
    assert.equal(parsed.seed, undefined);
  });

  it('refuses out-of-range sampling parameters and unknown fields', () => {
    const request = settingsChannels['settings.saveDocument'].request;
    const valid = {
      documentId: '0b5e6f1c-8a47-4d5e-9f5e-1f2a3b4c5d6e',
      memory: '',
      authorsNote: '',
      presetId: null,
      params: {},
    };
    assert.equal(request.safeParse(valid).success, true);
    for (const params of [{ temperature: -1 }, { seed: 2 ** 32 }, { stop: [''] }, { topK: 1.5 }]) {
      assert.equal(request.safeParse({ ...valid, params }).success, false, JSON.stringify(params));
    }
    assert.equal(request.safeParse({ ...valid, extra: true }).success, false);
  });

  it('accepts only generation ids of the expected shape, chosen by the caller', () => {
    const request = continueChannels['continue.stop'].request;
    assert.equal(
      request.safeParse({ generationId: '0b5e6f1c-8a47-4d5e-9f5e-1f2a3b4c5d6e' }).success,
      true,
    );
    assert.equal(request.safeParse({ generationId: '../../etc' }).success, false);
    assert.equal(request.safeParse({ generationId: 'x'.repeat(65) }).success, false);
    const start = continueChannels['continue.start'].request;
    assert.equal(
      start.safeParse({ documentId: '0b5e6f1c-8a47-4d5e-9f5e-1f2a3b4c5d6e', textBeforeCursor: 'a' })
        .success,
      false,
      'a start without its generation id is refused',
    );
  });
});
