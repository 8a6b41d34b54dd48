/**
 * The lorebook through the router, as a renderer uses it, on a real SQLite file and the real
 * engine (a forked model host on the bundled demo model): entries, the library, import and
 * export, and what a continue is given — an entry whose key appears is in the prompt the model
 * reads, one whose key does not is not.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { EventPayload, ResponseOf } from '../../shared/contract.js';
import type { Reply } from '../../shared/errors.js';
import type { DocumentRecord } from '../../shared/schemas/documents.js';
import type { GenerationRecord } from '../../shared/schemas/generations.js';
import type { DocumentLorebook, LoreEntry } from '../../shared/schemas/lorebook.js';
import { createBackend, type Backend } from '../../electron/backend.js';
import { forkModelHost } from '../../electron/engine/supervisor/forkModelHost.js';
import type { RequestContext } from '../../electron/core/requestContext.js';

const demoModel = fileURLToPath(
  new URL('../../resources/models/gpt2-brown-mini.q8_0.gguf', import.meta.url),
);
const sample = (name: string): string =>
  readFileSync(new URL(`../unit/fixtures/lorebooks/${name}`, import.meta.url), 'utf8');
const context: RequestContext = { transport: 'test', clientId: 'lorebook-test' };

describe('the lorebook through the router', () => {
  let dir: string;
  let backend: Backend;
  let documentId: string;
  const ends = new Map<string, EventPayload<'generation.end'>>();
  const waiting = new Map<string, () => void>();
  const changes: (string | null)[] = [];

  async function call<T>(channel: string, payload: unknown): Promise<T> {
    const reply = await backend.router.dispatch(channel, payload, context);
    if (!reply.ok) assert.fail(`${channel} failed: ${JSON.stringify(reply.error)}`);
    return reply.data as T;
  }
  const callRaw = (channel: string, payload: unknown): Promise<Reply<unknown>> =>
    backend.router.dispatch(channel, payload, context);
  const ended = (id: string): Promise<void> =>
    ends.has(id) ? Promise.resolve() : new Promise((resolve) => waiting.set(id, resolve));

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'inkwell-lorebook-'));
    backend = createBackend({
      dataDir: dir,
      transport: 'test',
      appVersion: '0.0.0-test',
      spawnModelHost: () => forkModelHost({ quiet: true }),
      defaultModelPath: demoModel,
    });
    backend.events.subscribe((event, payload) => {
      if (event === 'generation.end') {
        ends.set(payload.generationId, payload);
        waiting.get(payload.generationId)?.();
      } else if (event === 'lorebook.changed') changes.push(payload.documentId);
    });
    documentId = (await call<DocumentRecord>('documents.create', { title: 'Marsh' })).id;
  });

  after(() => {
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a document’s entries and the library’s apart, and switches library entries on per document', async () => {
    const own = await call<LoreEntry>('lorebook.saveEntry', {
      documentId,
      fields: { title: 'Everard', text: 'Everard keeps bees.', keys: ['Everard'] },
    });
    const shared = await call<LoreEntry>('lorebook.saveEntry', {
      documentId: null,
      fields: { title: 'Rules', text: 'Magic costs blood.', alwaysOn: true },
    });
    let lorebook = await call<DocumentLorebook>('lorebook.get', { documentId });
    assert.deepEqual(
      lorebook.entries.map((entry) => entry.id),
      [own.id],
    );
    assert.deepEqual(
      lorebook.library.map((entry) => [entry.id, entry.switchedOn]),
      [[shared.id, false]],
    );
    lorebook = await call('lorebook.useLibraryEntry', { documentId, entryId: shared.id, on: true });
    assert.deepEqual(
      lorebook.library.map((entry) => entry.switchedOn),
      [true],
    );
    assert.equal(lorebook.budgetTokens, 256);
    lorebook = await call('lorebook.saveBudget', { documentId, budgetTokens: 120 });
    assert.equal(lorebook.budgetTokens, 120);
    assert.ok(changes.includes(documentId) && changes.includes(null));

    const edited = await call<LoreEntry>('lorebook.saveEntry', {
      documentId,
      id: own.id,
      fields: {
        title: 'Everard',
        text: 'Everard keeps bees behind the chapel.',
        keys: ['Everard', '/sir\\s+ever/i'],
      },
    });
    assert.equal(edited.documentId, documentId);
  });

  it('refuses a key that is not a usable regex, and saves nothing', async () => {
    const before = await call<DocumentLorebook>('lorebook.get', { documentId });
    const reply = await callRaw('lorebook.saveEntry', {
      documentId,
      fields: { text: 'x', keys: ['/(unclosed/'] },
    });
    assert.equal(reply.ok, false);
    if (!reply.ok) assert.match(reply.error.message, /^The key "\/\(unclosed\/" cannot be used: /);
    assert.deepEqual(await call('lorebook.get', { documentId }), before);
  });

  it('imports a NovelAI lorebook with its report, and refuses a broken file importing nothing', async () => {
    const other = (await call<DocumentRecord>('documents.create', { title: 'Imports' })).id;
    const broken = await callRaw('lorebook.import', {
      documentId: other,
      fileName: 'broken.lorebook',
      text: sample('broken-truncated.lorebook'),
    });
    assert.equal(broken.ok, false);
    if (!broken.ok) assert.match(broken.error.message, /Nothing was imported\.$/);
    assert.equal(
      (await call<DocumentLorebook>('lorebook.get', { documentId: other })).entries.length,
      0,
    );

    const imported = await call<ResponseOf<'lorebook.import'>>('lorebook.import', {
      documentId: other,
      fileName: 'marsh.lorebook',
      text: sample('novelai-v5.lorebook'),
    });
    assert.equal(imported.format, 'novelai');
    assert.equal(imported.imported, 2);
    assert.equal(imported.notUnderstood.length, 2);
    const titles = (
      await call<DocumentLorebook>('lorebook.get', { documentId: other })
    ).entries.map((e) => e.title);
    assert.deepEqual(titles, ['Everard', 'Marsh of Lanterns']);

    const exported = await call<ResponseOf<'lorebook.export'>>('lorebook.export', {
      documentId: other,
      format: 'novelai',
    });
    assert.equal(exported.count, 2);
    const again = await call<ResponseOf<'lorebook.import'>>('lorebook.import', {
      documentId: null,
      fileName: exported.fileName,
      text: exported.text,
    });
    assert.equal(again.imported, 2);
  });

  it('shows the active entries without loading a model when the viewer only follows the text', async () => {
    const before = await call<ResponseOf<'engine.status'>>('engine.status', {});
    assert.equal(before.state, 'idle', 'nothing has loaded the model yet');
    const view = await call<ResponseOf<'lorebook.context'>>('lorebook.context', {
      documentId,
      textBeforeCursor: 'At dawn Everard walked down to the chapel.',
      loadModel: false,
    });
    assert.equal(view.fit, null, 'no counts without a model');
    assert.ok(view.activations.some((activation) => activation.title === 'Everard'));
    const after = await call<ResponseOf<'engine.status'>>('engine.status', {});
    assert.equal(after.state, 'idle', 'and no model was loaded for it');
  });

  it('gives a continue the entry whose key appears and not the one whose key does not', async () => {
    await call('lorebook.saveEntry', {
      documentId,
      fields: { title: 'Sea', text: 'The grey sea swallows ships.', keys: ['harbour'] },
    });
    const text = 'At dawn Everard walked down to the chapel and looked at the hives.';
    const { fit, activations } = await call<ResponseOf<'lorebook.context'>>('lorebook.context', {
      documentId,
      textBeforeCursor: text,
    });
    assert.ok(fit, 'asked with the model: the counts');
    const view = { fit, activations };
    assert.deepEqual(
      view.activations.map((activation) => [
        activation.title,
        activation.reason,
        activation.match ?? null,
      ]),
      [
        ['Everard', 'key', 'Everard'],
        ['Rules', 'alwaysOn', null],
      ],
    );
    assert.ok(view.fit.promptText.includes('Everard keeps bees behind the chapel.'));
    assert.ok(!view.fit.promptText.includes('grey sea'));
    const loreSegments = view.fit.segments?.filter((segment) => segment.part === 'lore') ?? [];
    assert.equal(loreSegments.length, 2);
    assert.ok((view.fit.plan.parts?.lore ?? 0) > 0);
    assert.ok(view.fit.plan.lore?.every((entry) => entry.included));

    const generationId = randomUUID();
    const started = await call<ResponseOf<'continue.start'>>('continue.start', {
      generationId,
      documentId,
      textBeforeCursor: text,
    });
    assert.equal(started.plan.promptTokens, view.fit.plan.promptTokens);
    await ended(generationId);
    const record = await call<GenerationRecord>('history.get', { id: generationId });
    assert.equal(record.promptText, view.fit.promptText);
    assert.equal(ends.get(generationId)?.timings.promptTokens, started.plan.promptTokens);
    const withoutLore = await call<{ tokens: number }>('engine.countTokens', { text });
    assert.ok(
      record.promptTokens > withoutLore.tokens + 10,
      'the entries are in the tokens the model read',
    );

    const elsewhere = await call<ResponseOf<'lorebook.context'>>('lorebook.context', {
      documentId,
      textBeforeCursor: 'Nobody came to the harbour that night.',
    });
    assert.ok(elsewhere.fit?.promptText.includes('The grey sea swallows ships.'));
    assert.ok(!elsewhere.fit?.promptText.includes('Everard keeps bees'));
  });

  it('keeps the prompt with its entries reusable: the next continue a few words on reads only what differs', async () => {
    // Long enough for whole 64-token chunks to be reused (promptCache.ts).
    const text = `${'The bees hummed in the hives behind the chapel wall. '.repeat(12)}Everard smiled.`;
    const first = randomUUID();
    await call('continue.start', { generationId: first, documentId, textBeforeCursor: text });
    await ended(first);
    const second = randomUUID();
    await call('continue.start', {
      generationId: second,
      documentId,
      textBeforeCursor: `${text} Then he went home`,
    });
    await ended(second);
    const record = await call<GenerationRecord>('history.get', { id: second });
    assert.ok(record.promptText.includes('Everard keeps bees behind the chapel.'));
    const reused = record.timings?.reusedPromptTokens ?? 0;
    assert.ok(reused >= 128, `the prompt with its entries was reused (${reused} tokens)`);
  });
});
