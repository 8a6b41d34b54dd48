/**
 * Templates through the router with a real database and the real engine on the bundled demo
 * model: every built-in generates into a new document (fixed seed), history records the
 * template and fields, import/export round trip, and bad input saves nothing.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { EventPayload, ResponseOf } from '../../shared/contract.js';
import type { Reply } from '../../shared/errors.js';
import { createBackend, type Backend } from '../../electron/backend.js';
import { forkModelHost } from '../../electron/engine/supervisor/forkModelHost.js';
import type { RequestContext } from '../../electron/core/requestContext.js';

const demoModel = fileURLToPath(
  new URL('../../resources/models/gpt2-brown-mini.q8_0.gguf', import.meta.url),
);
const context: RequestContext = { transport: 'test', clientId: 'templates-test' };
type End = EventPayload<'generation.end'>;

describe('templates through the router', () => {
  let dir: string;
  let backend: Backend;
  const ends = new Map<string, End>();
  const waiting = new Map<string, () => void>();

  async function call<T>(channel: string, payload: unknown): Promise<T> {
    const reply = await backend.router.dispatch(channel, payload, context);
    if (!reply.ok) assert.fail(`${channel} failed: ${JSON.stringify(reply.error)}`);
    return reply.data as T;
  }
  const callRaw = (channel: string, payload: unknown): Promise<Reply<unknown>> =>
    backend.router.dispatch(channel, payload, context);
  async function ended(id: string): Promise<End> {
    if (!ends.has(id)) await new Promise<void>((resolve) => waiting.set(id, resolve));
    return ends.get(id)!;
  }
  const userCount = async (): Promise<number> =>
    (await call<ResponseOf<'templates.list'>>('templates.list', {})).filter((t) => !t.builtIn)
      .length;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'inkwell-templates-'));
    backend = createBackend({
      dataDir: dir,
      transport: 'test',
      appVersion: 'test',
      spawnModelHost: () => forkModelHost({ quiet: true }),
      defaultModelPath: demoModel,
    });
    backend.events.subscribe((event, payload) => {
      if (event !== 'generation.end') return;
      ends.set(payload.generationId, payload);
      waiting.get(payload.generationId)?.();
    });
  });
  after(() => {
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the built-ins by kind and previews with a token count', async () => {
    const all = await call<ResponseOf<'templates.list'>>('templates.list', {});
    assert.equal(all.length, 14);
    const poems = await call<ResponseOf<'templates.list'>>('templates.list', { kind: 'poem' });
    assert.deepEqual(poems.map((t) => t.id).sort(), ['free-verse', 'haiku', 'limerick', 'sonnet']);
    const preview = await call<ResponseOf<'templates.preview'>>('templates.preview', {
      templateId: 'sonnet',
      fields: { title: 'Ünïcode 🦊' },
    });
    assert.ok(preview.promptTokens > 100);
    assert.equal(preview.roomForOutput, preview.contextSize - preview.promptTokens);
    assert.equal(preview.title, 'Ünïcode 🦊');
  });

  it('generates every built-in into a new document, recorded in history', async () => {
    const all = await call<ResponseOf<'templates.list'>>('templates.list', {});
    for (const { id } of all) {
      const started = await call<ResponseOf<'templates.generate'>>('templates.generate', {
        generationId: randomUUID(),
        templateId: id,
        params: { seed: 42, maxTokens: 24 },
      });
      const end = await ended(started.generationId);
      assert.ok(['stop', 'length'].includes(end.finishReason), `${id}: ${end.finishReason}`);
      assert.ok(end.text.trim().length > 0, `${id} produced text`);
      const document = await call<ResponseOf<'documents.get'>>('documents.get', {
        id: started.documentId,
      });
      assert.equal(document.text, started.opening + end.text, id);
      const record = await call<ResponseOf<'history.get'>>('history.get', {
        id: started.generationId,
      });
      assert.equal(record.kind, 'template');
      assert.equal(record.templateId, id);
      assert.equal(record.seed, 42);
      assert.ok(record.templateFields && Object.keys(record.templateFields).length > 0);
      assert.equal(record.output, end.text);
    }
  });

  it('fills the new document even after an open editor re-saved the same opening', async () => {
    const started = await call<ResponseOf<'templates.generate'>>('templates.generate', {
      generationId: randomUUID(),
      templateId: 'letter',
      params: { seed: 42, maxTokens: 24 },
    });
    // What the editor does on opening the document: the same words, in its own JSON.
    const opened = await call<ResponseOf<'documents.get'>>('documents.get', {
      id: started.documentId,
    });
    await call('documents.save', {
      id: opened.id,
      content: '{"root":{"children":[],"type":"root","version":1}}',
      text: `${started.opening.trim()}\n\n`,
      baseVersion: opened.version,
    });
    const end = await ended(started.generationId);
    const document = await call<ResponseOf<'documents.get'>>('documents.get', {
      id: started.documentId,
    });
    assert.equal(document.text, started.opening + end.text);
  });

  it('keeps what the writer typed while the template was generating', async () => {
    const started = await call<ResponseOf<'templates.generate'>>('templates.generate', {
      generationId: randomUUID(),
      templateId: 'letter',
      params: { seed: 43, maxTokens: 24 },
    });
    const opened = await call<ResponseOf<'documents.get'>>('documents.get', {
      id: started.documentId,
    });
    const typed = `${started.opening}My own first line.`;
    await call('documents.save', {
      id: opened.id,
      content: '',
      text: typed,
      baseVersion: opened.version,
    });
    const end = await ended(started.generationId);
    assert.ok(end.text.length > 0);
    const document = await call<ResponseOf<'documents.get'>>('documents.get', {
      id: started.documentId,
    });
    assert.equal(document.text, typed);
    const record = await call<ResponseOf<'history.get'>>('history.get', {
      id: started.generationId,
    });
    assert.equal(record.output, end.text);
  });

  it('stops a poem at its shape and regenerates into the same document', async () => {
    const first = await call<ResponseOf<'templates.generate'>>('templates.generate', {
      generationId: randomUUID(),
      templateId: 'haiku',
      params: { seed: 7, maxTokens: 60 },
    });
    const end = await ended(first.generationId);
    assert.ok(end.text.split('\n').filter((l) => l.trim()).length <= 3);
    const again = await call<ResponseOf<'templates.generate'>>('templates.generate', {
      generationId: randomUUID(),
      templateId: 'haiku',
      params: { seed: 7, maxTokens: 20 },
      regenerateOf: first.generationId,
    });
    assert.equal(again.documentId, first.documentId);
    assert.equal(again.spotId, first.generationId);
    assert.equal(again.seed, 8);
    const second = await ended(again.generationId);
    const document = await call<ResponseOf<'documents.get'>>('documents.get', {
      id: first.documentId,
    });
    assert.equal(document.text, again.opening + second.text);
  });

  it('round-trips import and export, duplicates and deletes user templates only', async () => {
    const exported = await call<ResponseOf<'templates.export'>>('templates.export', {
      id: 'limerick',
    });
    const imported = await call<ResponseOf<'templates.import'>>('templates.import', {
      json: exported.json,
    });
    assert.equal(imported.builtIn, false);
    const again = await call<ResponseOf<'templates.export'>>('templates.export', {
      id: imported.id,
    });
    assert.equal(again.json, exported.json);
    const copy = await call<ResponseOf<'templates.duplicate'>>('templates.duplicate', {
      id: imported.id,
    });
    assert.equal(copy.name, 'Limerick (copy)');
    // The UI names the copy in the writer's language.
    const named = await call<ResponseOf<'templates.duplicate'>>('templates.duplicate', {
      id: imported.id,
      name: '打油诗（副本）',
    });
    assert.equal(named.name, '打油诗（副本）');
    assert.deepEqual(await call('templates.delete', { id: named.id }), { deleted: true });
    const refused = await callRaw('templates.delete', { id: 'limerick' });
    assert.equal(refused.ok, false);
    assert.deepEqual(await call('templates.delete', { id: copy.id }), { deleted: true });
    assert.deepEqual(await call('templates.delete', { id: imported.id }), { deleted: true });
  });

  it('refuses bad input with a message pointing at it, and saves nothing', async () => {
    const before = await userCount();
    const base = {
      name: 'Bad',
      kind: 'poem',
      fields: [{ name: 'title', label: 'T', type: 'text' }],
    };
    const cases: [string, unknown, RegExp][] = [
      [
        'templates.save',
        { template: { ...base, body: '{{ title }}\n{% for %}' } },
        /line 2, column 1/,
      ],
      ['templates.save', { template: { ...base, body: '{{ hero }}' } }, /"hero" is not one of/],
      ['templates.save', { template: { ...base, body: 'a'.repeat(20_001) } }, /body/],
      ['templates.import', { json: '{ "format": ' }, /not valid JSON/],
      [
        'templates.import',
        {
          json: JSON.stringify({
            format: 'inkwell-template',
            version: 1,
            ...base,
            body: 'x'.repeat(20_001),
          }),
        },
        /at most 20,000/,
      ],
      [
        'templates.generate',
        { generationId: randomUUID(), templateId: 'haiku', fields: { nope: 'x' } },
        /no field "nope"/,
      ],
      [
        'templates.generate',
        { generationId: randomUUID(), templateId: 'sonnet', fields: { first_line: '' } },
        /is required/,
      ],
    ];
    for (const [channel, payload, pattern] of cases) {
      const reply = await callRaw(channel, payload);
      assert.equal(reply.ok, false, channel);
      if (!reply.ok) {
        assert.equal(reply.error.code, 'invalid_request');
        assert.match(`${reply.error.message} ${JSON.stringify(reply.error.issues)}`, pattern);
      }
    }
    assert.equal(await userCount(), before);
  });
});
