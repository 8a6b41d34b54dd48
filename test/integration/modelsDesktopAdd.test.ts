/**
 * Adding a local GGUF in the desktop app, through the real backend and database with real GGUF
 * files: "Choose file…" (models.addFromDialog) with a stand-in for Electron's dialog, and a drop
 * (the renderer's addDroppedModels sending models.add with the path, as the preload does).
 * A bad file is refused with the validator's words; a renderer-named path that is not a .gguf
 * is refused before anything reads the disk.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { createBackend, type Backend } from '../../electron/backend.js';
import type { DesktopShell } from '../../electron/desktop/desktopHandlers.js';
import type { RequestContext } from '../../electron/core/requestContext.js';
import { addDroppedModels } from '../../renderer/panels/models/droppedModels.js';
import type { Reply } from '../../shared/errors.js';
import type { ModelRecord } from '../../shared/schemas/models.js';
import { makeTinyGpt2Gguf } from '../fixtures/tinyGpt2.js';

const context: RequestContext = { transport: 'test', clientId: 'webcontents-1' };

let root: string;
let goodGguf: string;
let badGguf: string;
let backend: Backend | undefined;
let runs = 0;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'inkwell-desktop-add-'));
  goodGguf = await makeTinyGpt2Gguf(join(root, 'good'), { seed: 11 });
  badGguf = join(root, 'broken.gguf');
  await writeFile(badGguf, Buffer.from('GGUF this is not a model at all'));
});
after(() => rm(root, { recursive: true, force: true }));
afterEach(() => {
  backend?.close();
  backend = undefined;
});

/** Electron's dialog, answered by the test; every other desktop action is out of scope here. */
function shellChoosing(answers: (string | null)[]): DesktopShell & { asked: string[] } {
  const asked: string[] = [];
  const notHere = () => Promise.reject(new Error('not used by this test'));
  return {
    asked,
    openForImport: notHere,
    save: notHere,
    exportPdf: notHere,
    acknowledge: () => false,
    chooseModelFile: (clientId) => {
      asked.push(clientId);
      return Promise.resolve(answers.shift() ?? null);
    },
  };
}

function open(desktopShell?: DesktopShell): Backend {
  runs += 1;
  backend = createBackend({
    dataDir: join(root, `data-${runs}`),
    transport: 'test',
    appVersion: '0.0.0-test',
    ...(desktopShell ? { desktopShell } : {}),
  });
  return backend;
}

function dispatch<T>(channel: string, payload: unknown): Promise<Reply<T>> {
  assert.ok(backend);
  return backend.router.dispatch(channel, payload, context) as Promise<Reply<T>>;
}

type DialogAnswer =
  { status: 'unavailable' } | { status: 'cancelled' } | { status: 'added'; model: ModelRecord };

describe('adding a model from the desktop dialog', () => {
  it('adds the chosen file, asked for by the requesting window', async () => {
    const shell = shellChoosing([goodGguf]);
    open(shell);
    const reply = await dispatch<DialogAnswer>('models.addFromDialog', {});
    assert.ok(reply.ok);
    assert.equal(reply.data.status, 'added');
    assert.ok(reply.data.status === 'added');
    assert.equal(reply.data.model.path, goodGguf);
    assert.equal(reply.data.model.source, 'file');
    assert.equal(reply.data.model.architecture, 'gpt2');
    assert.deepEqual(shell.asked, ['webcontents-1']);
    const listed = await dispatch<ModelRecord[]>('models.list', {});
    assert.ok(listed.ok);
    assert.deepEqual(
      listed.data.map((model) => model.path),
      [goodGguf],
    );
  });

  it('refuses a bad file with the validator’s message and adds nothing', async () => {
    open(shellChoosing([badGguf]));
    const reply = await dispatch('models.addFromDialog', {});
    assert.ok(!reply.ok);
    assert.equal(reply.error.code, 'invalid_request');
    assert.match(reply.error.message, /This model file cannot be used/);
    const listed = await dispatch<ModelRecord[]>('models.list', {});
    assert.deepEqual(listed.ok && listed.data, []);
  });

  it('answers cancelled when the writer cancels, unavailable without a desktop shell', async () => {
    open(shellChoosing([null]));
    assert.deepEqual(await dispatch('models.addFromDialog', {}), {
      ok: true,
      data: { status: 'cancelled' },
    });
    backend?.close();
    open();
    assert.deepEqual(await dispatch('models.addFromDialog', {}), {
      ok: true,
      data: { status: 'unavailable' },
    });
    const extra = await dispatch('models.addFromDialog', { path: goodGguf });
    assert.ok(!extra.ok, 'the dialog channel takes no path from the renderer');
    assert.equal(extra.error.code, 'invalid_request');
  });
});

describe('adding a dropped model', () => {
  /** What the preload sends for a dropped file: models.add with the path webUtils gave. */
  const sendLikeThePreload = (file: { name: string; path: string }) =>
    dispatch<ModelRecord>('models.add', { path: file.path });

  it('adds a good .gguf and reports a bad one by name with the validator’s message', async () => {
    open();
    const result = await addDroppedModels(
      [
        { name: basename(goodGguf), path: goodGguf },
        { name: 'broken.gguf', path: badGguf },
      ],
      sendLikeThePreload,
    );
    assert.deepEqual(
      result.added.map((model) => model.path),
      [goodGguf],
    );
    assert.equal(result.problems.length, 1);
    assert.match(
      result.problems[0] ?? '',
      /^broken\.gguf was not added: This model file cannot be used/,
    );
  });

  it('refuses a path that is not a .gguf without reading it, existing or not', async () => {
    open();
    const secret = join(root, 'id_ed25519');
    await writeFile(secret, 'not for the renderer');
    const existing = await dispatch('models.add', { path: secret });
    const missing = await dispatch('models.add', { path: join(root, 'nothing-here') });
    assert.ok(!existing.ok && !missing.ok);
    // The same kind of answer either way: the channel cannot tell whether such a file exists.
    assert.equal(existing.error.code, 'invalid_request');
    assert.equal(missing.error.code, 'invalid_request');
    assert.match(existing.error.message, /adds models from \.gguf files/);
  });
});
