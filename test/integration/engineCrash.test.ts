/**
 * Supervision of the model host: when the host process dies (here: SIGKILL, as after a llama.cpp
 * abort or the OOM killer) or starts saying nonsense, requests in flight end with a clear
 * 'unavailable' error, main keeps running, and the next request gets a fresh host with the model
 * loaded again. A file llama.cpp would abort on is refused before it sees it; one it refuses ends
 * the load with its reason. Real forked hosts, a real (tiny, random-weight) GPT-2 GGUF.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EngineClient } from '../../electron/engine/supervisor/engineClient.js';
import { forkModelHost } from '../../electron/engine/supervisor/forkModelHost.js';
import type { ModelHostProcess } from '../../electron/engine/supervisor/hostTransport.js';
import { GgufValueType } from '../../electron/gguf/ggufConstants.js';
import type { ApiError } from '../../shared/errors.js';
import type { ResolvedGenerationParams } from '../../shared/schemas/engine.js';
import { writeEditedGguf } from '../fixtures/brokenGgufCorpus.js';
import { makeTinyGpt2Gguf } from '../fixtures/tinyGpt2.js';
import { chineseText } from '../unit/support/chineseText.js';

const params: ResolvedGenerationParams = {
  seed: 5,
  temperature: 0.8,
  topK: 40,
  topP: 0.95,
  minP: 0.05,
  repeatPenalty: 1.1,
  repeatLastTokens: 64,
  maxTokens: 900,
  stop: [],
};

const crashMessage =
  /^The model engine stopped unexpectedly \(.+\)\. Your text is safe; press Continue to try again\.$/;

describe('model host supervision', () => {
  let dir: string;
  let model: string;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'inkwell-engine-crash-'));
    // 1024 positions so a generation lasts long enough to be interrupted.
    model = await makeTinyGpt2Gguf(dir, { nLayer: 2, nEmbd: 64, nHead: 2, nPositions: 1024 });
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('ends a generation with unavailable when the host is killed, then restarts with the model', async () => {
    const engine = new EngineClient({ spawnHost: () => forkModelHost({ quiet: true }) });
    try {
      await engine.load({ path: model, backend: 'cpu', threads: 1 });
      const firstPid = engine.hostPid;
      assert.ok(firstPid);
      let killed = false;
      const outcome = await engine.complete({ kind: 'text', text: 'Once upon a time' }, params, {
        fitted: () => {},
        chunk: () => {
          if (!killed) process.kill(firstPid, 'SIGKILL');
          killed = true;
        },
      }).done;
      assert.equal(outcome.finishReason, 'error');
      assert.equal(outcome.error?.code, 'unavailable');
      assert.match(outcome.error?.message ?? '', crashMessage);
      assert.match(outcome.error?.message ?? '', /SIGKILL/);
      assert.equal(
        chineseText(outcome.error?.localized),
        '模型引擎意外停止（被 SIGKILL 信号终止）。你的文字是安全的；请按“续写”重试。',
      );
      assert.ok(outcome.text.length > 0, 'the text that arrived before the crash is kept');
      assert.equal(engine.status.state, 'crashed');
      assert.equal(engine.hostPid, undefined);

      const next = await engine.complete(
        { kind: 'text', text: 'Once upon a time' },
        { ...params, maxTokens: 8 },
        { fitted: () => {}, chunk: () => {} },
      ).done;
      assert.equal(next.finishReason, 'length', JSON.stringify(next.error));
      assert.notEqual(engine.hostPid, firstPid, 'a fresh host serves the next request');
      assert.equal(engine.status.state, 'ready');
      assert.equal(engine.status.model?.path, model, 'the last model was loaded again');
    } finally {
      await engine.dispose();
    }
  });

  it('fails a load in flight when the host dies, and does not load that model again', async () => {
    let spawned = 0;
    const engine = new EngineClient({
      spawnHost: () => {
        spawned += 1;
        return forkModelHost({ quiet: true });
      },
    });
    try {
      let killed = false;
      const load = engine.load({ path: model, backend: 'cpu', threads: 1 }, (step) => {
        if (step === 'validating' && !killed && engine.hostPid) {
          killed = true;
          process.kill(engine.hostPid, 'SIGKILL');
        }
      });
      await assert.rejects(load, (error) => {
        assert.equal((error as { code?: string }).code, 'unavailable');
        assert.match((error as Error).message, crashMessage);
        return true;
      });
      assert.equal(engine.status.state, 'crashed');
      assert.match(engine.status.message ?? '', /stopped while loading/);
      assert.equal(engine.status.messageLocalized?.key, 'errors:engine.stoppedWhileLoading');
      assert.match(
        chineseText(engine.status.messageLocalized),
        /^模型引擎在加载 .+ 时停止（被 SIGKILL/,
      );
      // The next request starts a fresh host but does not load the model that was loading.
      await assert.rejects(engine.countTokens('hello'), /No model is loaded/);
      assert.equal(spawned, 2);
    } finally {
      await engine.dispose();
    }
  });

  it('treats a malformed message from the host as a crash', async () => {
    let corruptNextChunk = true;
    // A real host whose first chunk is damaged on the way, as a corrupted host might send it.
    const corruptingHost = (): ModelHostProcess => {
      const host = forkModelHost({ quiet: true });
      return {
        get pid() {
          return host.pid;
        },
        postMessage: (message) => host.postMessage(message),
        onExit: (listener) => host.onExit(listener),
        kill: () => host.kill(),
        onMessage: (listener) =>
          host.onMessage((message) => {
            const isChunk = (message as { type?: unknown }).type === 'chunk';
            if (isChunk && corruptNextChunk) {
              corruptNextChunk = false;
              listener({ ...(message as object), text: { not: 'text' } });
            } else listener(message);
          }),
      };
    };
    const engine = new EngineClient({ spawnHost: corruptingHost });
    try {
      await engine.load({ path: model, backend: 'cpu', threads: 1 });
      const outcome = await engine.complete({ kind: 'text', text: 'Hello' }, params, {
        fitted: () => {},
        chunk: () => {},
      }).done;
      assert.equal(outcome.finishReason, 'error');
      assert.equal(outcome.error?.code, 'unavailable');
      assert.match(outcome.error?.message ?? '', /could not understand/);
      const next = await engine.complete(
        { kind: 'text', text: 'Hello' },
        { ...params, maxTokens: 4 },
        { fitted: () => {}, chunk: () => {} },
      ).done;
      assert.equal(next.finishReason, 'length');
    } finally {
      await engine.dispose();
    }
  });

  it('refuses a file llama.cpp would abort on (a token twice) before llama.cpp sees it; the host stays up', async () => {
    const duplicate = path.join(dir, 'duplicate-token.gguf');
    await writeEditedGguf(model, duplicate, {
      metadata: (metadata) => {
        const tokens = metadata.get('tokenizer.ggml.tokens');
        if (tokens?.type === GgufValueType.Array) {
          const items = [...tokens.items];
          items[1] = items[0] ?? '';
          metadata.set('tokenizer.ggml.tokens', { ...tokens, items });
        }
      },
    });
    const engine = new EngineClient({ spawnHost: () => forkModelHost({ quiet: true }) });
    try {
      await assert.rejects(
        engine.load({ path: duplicate, backend: 'cpu', threads: 1 }),
        (error) => {
          assert.equal((error as { code?: string }).code, 'invalid_request');
          assert.equal(
            (error as Error).message,
            'This model file cannot be used: tokenizer.ggml.tokens has the token "!" twice (ids 0 and 1); llama.cpp stops on such a vocabulary.',
          );
          return true;
        },
      );
      assert.equal(engine.status.state, 'idle', 'not crashed: the check refused it first');
      assert.ok(engine.hostPid);
    } finally {
      await engine.dispose();
    }
  });

  it('a file llama.cpp refuses ends the load with llama.cpp’s reason, in the writer’s language', async () => {
    // Everything Inkwell checks is right; llama.cpp knows no such pre-tokenizer.
    const refused = path.join(dir, 'unknown-pre-tokenizer.gguf');
    await writeEditedGguf(model, refused, {
      metadata: (metadata) =>
        metadata.set('tokenizer.ggml.pre', { type: GgufValueType.String, value: 'no-such-pre' }),
    });
    const engine = new EngineClient({ spawnHost: () => forkModelHost({ quiet: true }) });
    try {
      await engine.load({ path: model, backend: 'cpu', threads: 1 });
      const pid = engine.hostPid;
      await assert.rejects(engine.load({ path: refused, backend: 'cpu', threads: 1 }), (error) => {
        const shape = error as ApiError;
        assert.equal(shape.code, 'invalid_request');
        assert.equal(
          shape.message,
          "The model engine could not load this model file: error loading model vocabulary: unknown pre-tokenizer type: 'no-such-pre'.",
        );
        assert.equal(shape.localized?.key, 'errors:engine.loadFailed');
        assert.equal(
          chineseText(shape.localized),
          "模型引擎无法加载此模型文件：error loading model vocabulary: unknown pre-tokenizer type: 'no-such-pre'。",
        );
        return true;
      });
      // The status says so too, and the same host loads the next model.
      assert.equal(engine.status.messageLocalized?.key, 'errors:engine.loadFailed');
      assert.equal(engine.hostPid, pid);
      await engine.load({ path: model, backend: 'cpu', threads: 1 });
      assert.equal(engine.status.state, 'ready');
    } finally {
      await engine.dispose();
    }
  });

  it('shuts the host down gracefully on dispose', async () => {
    const engine = new EngineClient({ spawnHost: () => forkModelHost({ quiet: true }) });
    await engine.load({ path: model, backend: 'cpu', threads: 1 });
    const pid = engine.hostPid;
    assert.ok(pid);
    await engine.dispose();
    assert.throws(() => process.kill(pid, 0), /ESRCH/, 'the host process is gone');
    await assert.rejects(engine.countTokens('x'), /shut down/);
  });
});
