import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createBackend } from '../../electron/backend.js';
import type { RequestContext } from '../../electron/core/requestContext.js';
import type { EventArgs } from '../../electron/core/eventBus.js';
import { BUNDLED_MODEL_ID } from '../../electron/models/modelsService.js';
import { DEFAULT_PREFERENCES } from '../../shared/channels/preferences.js';

const tempRoot = mkdtempSync(join(tmpdir(), 'inkwell-preferences-'));
after(() => rmSync(tempRoot, { recursive: true, force: true }));
const context: RequestContext = { transport: 'test', clientId: 'preferences-test' };

const demoModel = join(
  import.meta.dirname,
  '..',
  '..',
  'resources',
  'models',
  'gpt2-brown-mini.q8_0.gguf',
);

function open(dataDir: string, withDemoModel = false) {
  return createBackend({
    dataDir,
    transport: 'test',
    appVersion: '0.0.0-test',
    logError: () => {},
    ...(withDemoModel ? { defaultModelPath: demoModel } : {}),
  });
}

describe('app preferences', () => {
  it('the language follows the system until the writer chooses one, and the choice is kept', async () => {
    const dataDir = join(tempRoot, 'kept');
    const first = open(dataDir);
    const announced: EventArgs[] = [];
    first.events.subscribe((...args) => announced.push(args));
    assert.deepEqual(await first.router.dispatch('preferences.get', {}, context), {
      ok: true,
      data: { language: 'system', theme: 'system', startupModelId: null },
    });
    assert.deepEqual(
      await first.router.dispatch('preferences.update', { language: 'zh-CN' }, context),
      { ok: true, data: { ...DEFAULT_PREFERENCES, language: 'zh-CN' } },
    );
    // Every window and the desktop menu hear of it; choosing the same again says nothing.
    await first.router.dispatch('preferences.update', { language: 'zh-CN' }, context);
    assert.deepEqual(announced, [
      ['preferences.changed', { ...DEFAULT_PREFERENCES, language: 'zh-CN' }],
    ]);
    first.close();

    const second = open(dataDir);
    assert.deepEqual(second.preferences.get(), { ...DEFAULT_PREFERENCES, language: 'zh-CN' });
    second.close();
  });

  it('refuses a language Inkwell does not have, and keeps the current one', async () => {
    const backend = open(join(tempRoot, 'refused'));
    const reply = await backend.router.dispatch('preferences.update', { language: 'fr' }, context);
    assert.equal(reply.ok, false);
    if (!reply.ok) assert.equal(reply.error.code, 'invalid_request');
    assert.deepEqual(backend.preferences.get(), DEFAULT_PREFERENCES);
    backend.close();
  });

  it('a damaged stored value falls back to following the system', () => {
    const backend = open(join(tempRoot, 'damaged'));
    backend.database
      .prepare(`INSERT INTO preferences (key, value) VALUES ('language', 'not json')`)
      .run();
    assert.deepEqual(backend.preferences.get(), DEFAULT_PREFERENCES);
    backend.database.prepare(`UPDATE preferences SET value = '"klingon"'`).run();
    assert.deepEqual(backend.preferences.get(), DEFAULT_PREFERENCES);
    // One damaged value leaves the others as they were stored.
    backend.database
      .prepare(`INSERT INTO preferences (key, value) VALUES ('theme', '"dark"')`)
      .run();
    assert.deepEqual(backend.preferences.get(), { ...DEFAULT_PREFERENCES, theme: 'dark' });
    backend.close();
  });

  it('keeps the theme and the start-up model, and refuses a theme or a model it does not know', async () => {
    const dataDir = join(tempRoot, 'settings');
    const backend = open(dataDir, true);
    await backend.router.dispatch('models.list', {}, context); // the demo model is registered
    const update = (change: Record<string, unknown>) =>
      backend.router.dispatch('preferences.update', change, context);
    assert.deepEqual(await update({ theme: 'dark' }), {
      ok: true,
      data: { ...DEFAULT_PREFERENCES, theme: 'dark' },
    });
    const sepia = await update({ theme: 'sepia' });
    assert.equal(sepia.ok ? 'ok' : sepia.error.code, 'invalid_request');
    const unknown = await update({ startupModelId: 'no-such-model' });
    assert.equal(unknown.ok ? 'ok' : unknown.error.code, 'not_found');
    assert.deepEqual(await update({ startupModelId: BUNDLED_MODEL_ID }), {
      ok: true,
      data: { ...DEFAULT_PREFERENCES, theme: 'dark', startupModelId: BUNDLED_MODEL_ID },
    });
    assert.deepEqual((await update({ startupModelId: null })).ok, true);
    backend.close();
    const again = open(dataDir, true);
    await again.router.dispatch('models.list', {}, context);
    assert.deepEqual(again.preferences.get(), { ...DEFAULT_PREFERENCES, theme: 'dark' });
    again.close();
  });
});
