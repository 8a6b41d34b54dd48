/**
 * Hostile templates through the router, with a real database, the real render process and the
 * real engine on the bundled demo model: each one gets a message naming the limit it hit, main
 * keeps answering other requests (while such a template renders, too) without growing, and a
 * template's document never exceeds what the editor can save again.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { EventPayload, ResponseOf } from '../../shared/contract.js';
import type { ApiErrorShape, Reply } from '../../shared/errors.js';
import { MAX_DOCUMENT_JSON_CHARS } from '../../shared/schemas/documents.js';
import type { TemplateDefinitionInput } from '../../shared/schemas/templates.js';
import { createBackend, type Backend } from '../../electron/backend.js';
import { forkModelHost } from '../../electron/engine/supervisor/forkModelHost.js';
import type { RequestContext } from '../../electron/core/requestContext.js';
import { RENDER_LIMITS } from '../../electron/templates/renderLimits.js';
import { chineseText } from '../unit/support/chineseText.js';
import { editorJsonOf } from '../unit/support/editorJson.js';

const demoModel = fileURLToPath(
  new URL('../../resources/models/gpt2-brown-mini.q8_0.gguf', import.meta.url),
);
const context: RequestContext = { transport: 'test', clientId: 'hostile-templates-test' };
type End = EventPayload<'generation.end'>;

/** 73,728 characters (under the character limit) in a few steps, kept in ns.s. */
const LONG =
  '{% set ns = namespace(s="xxxxxxx\\n ") %}{% for i in range(13) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}';
/** Few steps, each a replace over ns.s: far past the time limit on any machine. */
const SLOW = `${LONG}{% for i in range(5000) %}{{ (ns.s|replace("x", "y"))|length }}{% endfor %}`;

function definition(body: string, extra: Partial<TemplateDefinitionInput> = {}) {
  return { name: 'Hostile', kind: 'other', body, ...extra } as const;
}

function templateFile(body: string): string {
  return JSON.stringify({ format: 'inkwell-template', version: 1, ...definition(body) });
}

describe('hostile templates', () => {
  let dir: string;
  let backend: Backend;
  const ends = new Map<string, End>();
  const waiting = new Map<string, () => void>();

  const callRaw = (channel: string, payload: unknown): Promise<Reply<unknown>> =>
    backend.router.dispatch(channel, payload, context);
  async function call<T>(channel: string, payload: unknown): Promise<T> {
    const reply = await callRaw(channel, payload);
    if (!reply.ok) assert.fail(`${channel} failed: ${JSON.stringify(reply.error)}`);
    return reply.data as T;
  }
  async function refused(channel: string, payload: unknown): Promise<ApiErrorShape> {
    const reply = await callRaw(channel, payload);
    if (reply.ok) return assert.fail(`${channel} should have been refused`);
    return reply.error;
  }
  const preview = (body: string, fields: Record<string, string> = {}) =>
    callRaw('templates.preview', { template: definition(body), fields });
  async function ended(id: string): Promise<End> {
    if (!ends.has(id)) await new Promise<void>((resolve) => waiting.set(id, resolve));
    return ends.get(id)!;
  }
  /** The server still does its ordinary work: a list and a built-in's preview. */
  async function stillAnswers(): Promise<void> {
    await call('documents.list', {});
    const haiku = await call<ResponseOf<'templates.preview'>>('templates.preview', {
      templateId: 'haiku',
    });
    assert.ok(haiku.promptTokens > 0);
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'inkwell-hostile-templates-'));
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
    // The model and the render process are started, so what follows measures only the template.
    await stillAnswers();
  });
  after(() => {
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a range(1e9) loop with the step limit, by counting, and keeps answering', async () => {
    // Before: the library built the list in main, and V8 killed the server ("invalid size").
    const reply = await preview('{% for i in range(1000000000) %}{% endfor %}x');
    assert.equal(reply.ok, false);
    if (reply.ok) return;
    assert.equal(reply.error.code, 'invalid_request');
    assert.equal(reply.error.localized?.key, 'errors:templates.limits.steps');
    assert.match(reply.error.message, /The body stopped after 100,000 steps/);
    assert.match(chineseText(reply.error.localized), /100,000 步/);
    await stillAnswers();
  });

  it("leaves main's memory as it was for range(1e8)|length", async () => {
    const before = process.memoryUsage();
    const error = await refused('templates.preview', {
      template: definition('{{ range(100000000)|length }}'),
    });
    assert.equal(error.localized?.key, 'errors:templates.limits.steps');
    // The list alone would be 800 MB in main; main grows by nothing like it.
    const grown = process.memoryUsage().rss - before.rss;
    assert.ok(grown < 64 * 2 ** 20, `main grew by ${grown} bytes`);
  });

  it('ends only the render process when a template exhausts its memory; the next preview works', async () => {
    const before = process.memoryUsage();
    const hungry = `${LONG}{% set ns.a = [ns.s] %}{% for i in range(12) %}{% set ns.a = ns.a + ns.a %}{% endfor %}{{ ns.a|tojson|length }}`;
    const error = await refused('templates.preview', { template: definition(hungry) });
    assert.equal(error.localized?.key, 'errors:templates.limits.memory');
    assert.match(error.message, new RegExp(`more than ${RENDER_LIMITS.memoryMb} MB`));
    assert.ok(process.memoryUsage().rss - before.rss < 64 * 2 ** 20);
    await stillAnswers();
  });

  it('stops nested loops at the step limit with a short answer', async () => {
    // Before: over a minute of main's time and a reply of tens of MB.
    const reply = await preview(
      '{% for i in range(3000) %}{% for j in range(3000) %}{{ i }},{{ j }} {% endfor %}{% endfor %}',
    );
    assert.equal(reply.ok, false);
    if (reply.ok) return;
    // On a very busy machine the time limit may come first; either way it is a limit's message.
    assert.ok(
      ['errors:templates.limits.steps', 'errors:templates.limits.time'].includes(
        reply.error.localized?.key ?? '',
      ),
      reply.error.message,
    );
    assert.ok(JSON.stringify(reply).length < 2_000);
  });

  it('answers other requests while a template renders, then stops it at the time limit', async () => {
    const events: string[] = [];
    const slow = preview(SLOW).then((reply) => {
      events.push('preview answered');
      return reply;
    });
    await call<ResponseOf<'documents.list'>>('documents.list', {});
    events.push('list answered');
    const reply = await slow;
    // The list did not wait for the render, and the deadline fired in main while it ran, which
    // only an event loop that kept turning can do.
    assert.deepEqual(events, ['list answered', 'preview answered']);
    assert.equal(reply.ok, false);
    if (reply.ok) return;
    assert.equal(reply.error.localized?.key, 'errors:templates.limits.time');
    assert.match(reply.error.message, /longer than 2 seconds/);
    await stillAnswers();
  });

  it('caps the output at the character limit, and renders what stays under it', async () => {
    const field = { name: 'text', label: 'Text', type: 'longText' } as const;
    const chunk = 'y'.repeat(8_000);
    const repeated = (times: number) => ({
      template: definition(`{% for i in range(${times}) %}{{ text }}{% endfor %}`, {
        fields: [field],
      }),
      fields: { text: chunk },
    });
    const under = await call<ResponseOf<'templates.preview'>>('templates.preview', repeated(12));
    assert.equal(under.prompt.length, 96_000);
    const over = await refused('templates.preview', repeated(13));
    assert.equal(over.localized?.key, 'errors:templates.limits.chars');
    assert.match(over.message, /longer than 100,000 characters/);
  });

  it('never creates a document the editor could not save again', async () => {
    // 65,536 line breaks: 64 KB of text, but over 7 MB of the editor's JSON.
    const breaks = await call<ResponseOf<'templates.save'>>('templates.save', {
      template: definition(
        'Lines{% set ns = namespace(s="\\n") %}{% for i in range(16) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}',
      ),
    });
    assert.ok(editorJsonOf('\n'.repeat(65_536)).length > MAX_DOCUMENT_JSON_CHARS);
    const documentsBefore = (await call<ResponseOf<'documents.list'>>('documents.list', {})).length;
    const error = await refused('templates.generate', {
      generationId: randomUUID(),
      templateId: breaks.id,
      params: { maxTokens: 8 },
    });
    assert.equal(error.localized?.key, 'errors:templates.limits.documentTooLarge');
    assert.match(error.message, /larger than a document may be \(6 MB/);
    const documentsAfter = (await call<ResponseOf<'documents.list'>>('documents.list', {})).length;
    assert.equal(documentsAfter, documentsBefore);

    // 40,960 line breaks fit, near the cap: the document, output and all, saves as the editor
    // saves it.
    const near = await call<ResponseOf<'templates.save'>>('templates.save', {
      template: definition(
        'Start{% set ns = namespace(s="\n\n\n\n\n") %}{% for i in range(13) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}End',
      ),
    });
    const started = await call<ResponseOf<'templates.generate'>>('templates.generate', {
      generationId: randomUUID(),
      templateId: near.id,
      params: { maxTokens: 8, seed: 1 },
    });
    await ended(started.generationId);
    const document = await call<ResponseOf<'documents.get'>>('documents.get', {
      id: started.documentId,
    });
    assert.ok(document.text.startsWith(started.opening));
    const content = editorJsonOf(document.text);
    assert.ok(content.length > MAX_DOCUMENT_JSON_CHARS / 2, `${content.length}`);
    assert.ok(content.length <= MAX_DOCUMENT_JSON_CHARS);
    await call('documents.save', {
      id: document.id,
      content,
      text: document.text,
      baseVersion: document.version,
    });
  });

  it('lets fields be called toString, constructor and hasOwnProperty; refuses __proto__', async () => {
    // Before: "internal: Something went wrong" (Object's own toString was read as the value).
    const names = ['toString', 'constructor', 'hasOwnProperty'];
    const saved = await call<ResponseOf<'templates.save'>>('templates.save', {
      template: definition(names.map((name) => `{{ ${name} }}`).join(' / '), {
        fields: names.map((name) => ({ name, label: name, type: 'text', default: `<${name}>` })),
      }),
    });
    const defaults = await call<ResponseOf<'templates.preview'>>('templates.preview', {
      templateId: saved.id,
    });
    assert.equal(defaults.opening, '<toString> / <constructor> / <hasOwnProperty>');
    const given = await call<ResponseOf<'templates.preview'>>('templates.preview', {
      templateId: saved.id,
      fields: { toString: 'a', constructor: 'b', hasOwnProperty: 'c' },
    });
    assert.equal(given.opening, 'a / b / c');
    assert.deepEqual(given.fields, { toString: 'a', constructor: 'b', hasOwnProperty: 'c' });

    const proto = await refused('templates.save', {
      template: definition('{{ __proto__ }}', {
        fields: [{ name: '__proto__', label: 'Proto', type: 'text' }],
      }),
    });
    assert.equal(proto.code, 'invalid_request');
    assert.match(proto.message, /A field cannot be called "__proto__"/);
  });

  it("refuses to import a hostile template, with the limit's message, and stores nothing", async () => {
    const userTemplates = async () =>
      (await call<ResponseOf<'templates.list'>>('templates.list', {})).filter((t) => !t.builtIn)
        .length;
    const before = await userTemplates();
    const loop = await refused('templates.import', {
      json: templateFile('{% for i in range(1000000000) %}{% endfor %}x'),
    });
    assert.equal(loop.code, 'invalid_request');
    assert.match(
      loop.message,
      /^The template file cannot be used\. body: The body stopped after 100,000 steps/,
    );
    assert.equal(loop.issues?.[0]?.localized?.key, 'errors:templates.limits.steps');
    const slow = await refused('templates.import', { json: templateFile(SLOW) });
    assert.match(slow.message, /The template file cannot be used\..*longer than 2 seconds/);
    assert.equal(await userTemplates(), before);
  });
});
