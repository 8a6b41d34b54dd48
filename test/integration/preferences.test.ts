import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createBackend } from '../../electron/backend.js';
import type { RequestContext } from '../../electron/core/requestContext.js';
import type { EventArgs } from '../../electron/core/eventBus.js';

const tempRoot = mkdtempSync(join(tmpdir(), 'inkwell-preferences-'));
after(() => rmSync(tempRoot, { recursive: true, force: true }));
const context: RequestContext = { transport: 'test', clientId: 'preferences-test' };

function open(dataDir: string) {
  return createBackend({
    dataDir,
    transport: 'test',
    appVersion: '0.0.0-test',
    logError: () => {},
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
      data: { language: 'system' },
    });
    assert.deepEqual(
      await first.router.dispatch('preferences.update', { language: 'zh-CN' }, context),
      { ok: true, data: { language: 'zh-CN' } },
    );
    // Every window and the desktop menu hear of it; choosing the same again says nothing.
    await first.router.dispatch('preferences.update', { language: 'zh-CN' }, context);
    assert.deepEqual(announced, [['preferences.changed', { language: 'zh-CN' }]]);
    first.close();

    const second = open(dataDir);
    assert.deepEqual(second.preferences.get(), { language: 'zh-CN' });
    second.close();
  });

  it('refuses a language Inkwell does not have, and keeps the current one', async () => {
    const backend = open(join(tempRoot, 'refused'));
    const reply = await backend.router.dispatch('preferences.update', { language: 'fr' }, context);
    assert.equal(reply.ok, false);
    if (!reply.ok) assert.equal(reply.error.code, 'invalid_request');
    assert.deepEqual(backend.preferences.get(), { language: 'system' });
    backend.close();
  });

  it('a damaged stored value falls back to following the system', () => {
    const backend = open(join(tempRoot, 'damaged'));
    backend.database
      .prepare(`INSERT INTO preferences (key, value) VALUES ('language', 'not json')`)
      .run();
    assert.deepEqual(backend.preferences.get(), { language: 'system' });
    backend.database.prepare(`UPDATE preferences SET value = '"klingon"'`).run();
    assert.deepEqual(backend.preferences.get(), { language: 'system' });
    backend.close();
  });
});
