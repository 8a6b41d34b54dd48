/**
 * Continue writing through the router, as a renderer does it, with the real engine (a forked
 * model host) on the bundled demo model: events, the stored history row, stop at the end of a
 * sentence, alternatives at one spot, accept, the plan, and the failure answers.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { EventPayload } from '../../shared/contract.js';
import type { Reply } from '../../shared/errors.js';
import type { DocumentRecord } from '../../shared/schemas/documents.js';
import type {
  DocumentGenerationSettings,
  GenerationRecord,
  GenerationSummary,
  PromptPlan,
} from '../../shared/schemas/generations.js';
import { createBackend, type Backend } from '../../electron/backend.js';
import { forkModelHost } from '../../electron/engine/supervisor/forkModelHost.js';
import type { RequestContext } from '../../electron/core/requestContext.js';
import { hashFile } from '../../electron/models/modelFingerprint.js';
import { firstSentenceEnd } from '../../electron/generation/sentenceStop.js';
import { WINDOW_FILL } from '../../electron/engine/promptAssembly.js';

const demoModel = fileURLToPath(
  new URL('../../resources/models/gpt2-brown-mini.q8_0.gguf', import.meta.url),
);
const context: RequestContext = { transport: 'test', clientId: 'continue-test' };
const newId = (): string => randomUUID();
const text = 'The old man walked slowly into the village. He looked at the houses and';

interface Started {
  generationId: string;
  spotId: string;
  seed: number;
  plan: PromptPlan;
}
type Chunk = EventPayload<'generation.chunk'>;
type End = EventPayload<'generation.end'>;

describe('continue writing through the router', () => {
  let dir: string;
  let backend: Backend;
  let documentId: string;
  const chunks = new Map<string, Chunk[]>();
  const ends = new Map<string, End>();
  const waiting = new Map<string, (end: End) => void>();
  const historyChanges: string[] = [];

  async function call<T>(channel: string, payload: unknown): Promise<T> {
    const reply = await backend.router.dispatch(channel, payload, context);
    if (!reply.ok) assert.fail(`${channel} failed: ${JSON.stringify(reply.error)}`);
    return reply.data as T;
  }
  const callRaw = (channel: string, payload: unknown): Promise<Reply<unknown>> =>
    backend.router.dispatch(channel, payload, context);

  function endOf(generationId: string): Promise<End> {
    const ended = ends.get(generationId);
    if (ended) return Promise.resolve(ended);
    return new Promise((resolve) => waiting.set(generationId, resolve));
  }

  async function saveParams(overrides: Partial<DocumentGenerationSettings['params']>) {
    const current = await call<DocumentGenerationSettings>('settings.getDocument', { documentId });
    const { documentId: _id, ...rest } = current;
    await call('settings.saveDocument', {
      ...rest,
      documentId,
      params: { ...current.params, ...overrides },
    });
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'inkwell-continue-'));
    backend = createBackend({
      dataDir: dir,
      transport: 'test',
      appVersion: '0.0.0-test',
      spawnModelHost: () => forkModelHost({ quiet: true }),
      defaultModelPath: demoModel,
    });
    backend.events.subscribe((event, payload) => {
      if (event === 'generation.chunk') {
        chunks.set(payload.generationId, [...(chunks.get(payload.generationId) ?? []), payload]);
      } else if (event === 'generation.end') {
        ends.set(payload.generationId, payload);
        waiting.get(payload.generationId)?.(payload);
      } else if (event === 'history.changed') {
        historyChanges.push(`${payload.kind}:${payload.id}`);
      }
    });
    const document = await call<DocumentRecord>('documents.create', { title: 'Village' });
    documentId = document.id;
  });

  after(() => {
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('streams a continuation and records it with params, seed, model and prompt tokens', async () => {
    const started = await call<Started>('continue.start', {
      generationId: newId(),
      documentId,
      textBeforeCursor: text,
    });
    assert.equal(started.spotId, started.generationId, 'a first generation starts its own spot');
    assert.equal(started.plan.contextSize, 512);
    assert.equal(started.plan.maxNewTokens, 80);
    assert.ok(started.plan.promptTokens > 10);
    assert.equal(started.plan.droppedTokens, 0);

    const end = await endOf(started.generationId);
    const streamed = chunks.get(started.generationId) ?? [];
    assert.ok(streamed.length > 1, 'the text arrives in several chunks');
    assert.equal(streamed.map((chunk) => chunk.text).join(''), end.text);
    assert.ok(['stop', 'length'].includes(end.finishReason));
    assert.equal(end.seed, started.seed);
    assert.ok(end.timings.outputTokens > 0);
    assert.equal(end.timings.promptTokens, started.plan.promptTokens);
    assert.equal(end.timings.droppedPromptTokens, 0, 'the prompt already fits: nothing trimmed');

    const record = await call<GenerationRecord>('history.get', { id: started.generationId });
    assert.equal(record.kind, 'continue');
    assert.equal(record.documentId, documentId);
    assert.equal(record.documentTitle, 'Village');
    assert.equal(record.promptText, text);
    assert.equal(record.promptTokens, started.plan.promptTokens);
    assert.equal(record.output, end.text);
    assert.equal(record.finishReason, end.finishReason);
    assert.equal(record.seed, started.seed);
    assert.equal(record.params.seed, started.seed);
    assert.equal(record.params.temperature, 0.8, 'the Balanced preset by default');
    assert.equal(record.modelName, 'gpt2-brown-mini.q8_0.gguf');
    assert.equal(record.modelPath, demoModel);
    assert.equal(record.modelSha256, await hashFile(demoModel));
    assert.deepEqual(record.timings, end.timings);
    assert.deepEqual(
      historyChanges.filter((change) => change.endsWith(started.generationId)),
      [`started:${started.generationId}`, `finished:${started.generationId}`],
    );
  });

  it('stops after the first complete sentence with finish reason stop', async () => {
    await saveParams({ stopAt: 'sentence', maxTokens: 200, seed: 31 });
    const started = await call<Started>('continue.start', {
      generationId: newId(),
      documentId,
      textBeforeCursor: text,
    });
    const end = await endOf(started.generationId);
    assert.equal(end.finishReason, 'stop');
    assert.equal(end.error, undefined);
    assert.equal(firstSentenceEnd(`${end.text} `), end.text.length, `one sentence: ${end.text}`);
    const streamed = (chunks.get(started.generationId) ?? []).map((chunk) => chunk.text).join('');
    assert.equal(streamed, end.text, 'renderers never see text past the sentence');
    const record = await call<GenerationRecord>('history.get', { id: started.generationId });
    assert.equal(record.output, end.text);
    assert.equal(record.finishReason, 'stop');
    assert.equal(record.params.stopAt, 'sentence');
  });

  it('keeps alternatives at one spot, with different text for a fixed seed, and accepts one', async () => {
    await saveParams({ stopAt: 'none', maxTokens: 24, seed: 5 });
    const first = await call<Started>('continue.start', {
      generationId: newId(),
      documentId,
      textBeforeCursor: text,
      parentId: null,
    });
    const firstEnd = await endOf(first.generationId);
    const second = await call<Started>('continue.start', {
      generationId: newId(),
      documentId,
      textBeforeCursor: text,
      alternativeOf: first.generationId,
    });
    const secondEnd = await endOf(second.generationId);
    assert.equal(second.spotId, first.spotId);
    assert.notEqual(second.seed, first.seed, 'an alternative steps a fixed seed on');
    assert.notEqual(secondEnd.text, firstEnd.text);

    const alternatives = await call<GenerationSummary[]>('continue.alternatives', {
      spotId: first.spotId,
    });
    assert.deepEqual(
      alternatives.map((item) => item.id),
      [first.generationId, second.generationId],
    );

    const kept = secondEnd.text.slice(0, 10);
    const accepted = await call<GenerationSummary>('continue.accept', {
      generationId: second.generationId,
      acceptedText: kept,
    });
    assert.equal(accepted.accepted, true);
    const record = await call<GenerationRecord>('history.get', { id: second.generationId });
    assert.equal(record.accepted, true);
    assert.equal(record.acceptedText, kept);

    const listed = await call<GenerationSummary[]>('history.list', { documentId, limit: 2 });
    assert.deepEqual(
      listed.map((item) => item.id),
      [second.generationId, first.generationId],
    );
  });

  it('plans the prompt without generating, trimming a long text to fit', async () => {
    const long = Array.from({ length: 3000 }, (_, index) => `word${index % 50}`).join(' ');
    const plan = await call<PromptPlan>('continue.plan', { documentId, textBeforeCursor: long });
    assert.equal(plan.contextSize, 512);
    assert.ok(plan.promptTokens + plan.maxNewTokens <= plan.contextSize);
    // A new window fills half the room, leaving the rest for the continues that follow.
    const room = plan.contextSize - plan.maxNewTokens;
    assert.ok(plan.promptTokens <= room * WINDOW_FILL, `${plan.promptTokens} of ${room}`);
    assert.ok(plan.promptTokens > room * WINDOW_FILL - 10, 'fills its part of the room');
    assert.ok(plan.droppedTokens > 0);
  });

  it('answers clearly for a missing document and an empty prompt', async () => {
    const missing = await callRaw('continue.start', {
      generationId: newId(),
      documentId: 'no-such-document',
      textBeforeCursor: 'Hello',
    });
    assert.equal(missing.ok, false);
    assert.equal(!missing.ok && missing.error.code, 'not_found');

    const empty = await callRaw('continue.start', {
      generationId: newId(),
      documentId,
      textBeforeCursor: '   ',
    });
    assert.equal(empty.ok, false);
    assert.equal(!empty.ok && empty.error.code, 'invalid_request');
    assert.match(!empty.ok ? empty.error.message : '', /no text before the cursor/);
  });
});
