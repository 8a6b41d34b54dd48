/**
 * Builds the real preload bundle and runs it in a fresh V8 context with a recording stand-in
 * for `require('electron')`: the page must get exactly one object, `inkwell`, whose keys are the
 * contract's channels plus `on` and `addDroppedModel`, and nothing of ipcRenderer itself.
 * webUtils is a stand-in too: like Electron's, it throws for a non-File and answers '' for a File
 * not backed by a file on disk.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import vm from 'node:vm';
import { channelNames, eventNames } from '../../shared/contract.js';
import type { LocalizedMessage } from '../../shared/errors.js';
import { englishText } from '../../shared/i18n/localizedMessage.js';
import { chineseText } from './support/chineseText.js';

interface Exposure {
  key: string;
  api: Record<string, unknown>;
}
interface Invocation {
  channel: string;
  args: unknown[];
}
type IpcListener = (event: unknown, ...args: unknown[]) => void;

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

function loadPreload(bundle: string) {
  const exposures: Exposure[] = [];
  const invocations: Invocation[] = [];
  const listeners = new Map<string, Set<IpcListener>>();
  const ipcRenderer = {
    invoke(channel: string, ...args: unknown[]) {
      invocations.push({ channel, args });
      return Promise.resolve({ ok: true, data: null });
    },
    on(channel: string, listener: IpcListener) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return ipcRenderer;
    },
    removeListener(channel: string, listener: IpcListener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
    send() {
      throw new Error('the preload must not use ipcRenderer.send');
    },
  };
  /** What the stand-in webUtils knows of "disk-backed" files: a real drop's File has a path. */
  class FakeFile {
    constructor(readonly path: string) {}
  }
  const webUtils = {
    getPathForFile(file: unknown): string {
      if (!(file instanceof FakeFile)) throw new TypeError('Expected a File');
      return file.path;
    },
  };
  const electron = {
    webUtils,
    contextBridge: {
      exposeInMainWorld(key: string, api: Record<string, unknown>) {
        exposures.push({ key, api });
      },
    },
    ipcRenderer,
  };
  const module = { exports: {} };
  const sandbox = {
    module,
    exports: module.exports,
    require(name: string) {
      // A sandboxed preload can require only a few modules; ours needs Electron alone.
      if (name === 'electron') return electron;
      throw new Error(`the preload required "${name}", which a sandboxed preload cannot load`);
    },
    console,
  };
  vm.runInNewContext(bundle, sandbox, { filename: 'preload.cjs' });
  const emit = (...args: unknown[]) => {
    for (const listener of listeners.get('inkwell:event') ?? [])
      listener({ sender: 'event' }, ...args);
  };
  return { exposures, invocations, listeners, emit, FakeFile };
}

describe('preload bridge', () => {
  let outDir: string;
  let bundle: string;

  before(() => {
    outDir = mkdtempSync(path.join(tmpdir(), 'inkwell-preload-'));
    execFileSync(
      process.execPath,
      [
        path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        '-c',
        'vite.preload.config.ts',
        '--outDir',
        outDir,
        '--logLevel',
        'error',
      ],
      { cwd: repoRoot, stdio: 'pipe' },
    );
    bundle = readFileSync(path.join(outDir, 'preload.cjs'), 'utf8');
  });
  after(() => rmSync(outDir, { recursive: true, force: true }));

  it("exposes exactly one object, inkwell, with the contract's channels plus on and addDroppedModel", () => {
    const { exposures } = loadPreload(bundle);
    assert.equal(exposures.length, 1);
    const [exposure] = exposures;
    assert.equal(exposure?.key, 'inkwell');
    // addDroppedModel is the one addition: the page cannot read a dropped File's path itself.
    assert.deepEqual(
      Object.keys(exposure?.api ?? {}).sort(),
      [...channelNames, 'on', 'addDroppedModel'].sort(),
    );
    for (const value of Object.values(exposure?.api ?? {})) assert.equal(typeof value, 'function');
  });

  it('invokes the named channel only, with the request as its one argument', async () => {
    const { exposures, invocations } = loadPreload(bundle);
    const api = exposures[0]?.api ?? {};
    const list = api['documents.list'] as (request: unknown) => Promise<unknown>;
    await list({ includeDeleted: true });
    assert.deepEqual(invocations, [
      { channel: 'documents.list', args: [{ includeDeleted: true }] },
    ]);
  });

  it('refuses unknown events and passes listeners the payload, never the Electron event', () => {
    const { exposures, emit, listeners } = loadPreload(bundle);
    const on = exposures[0]?.api.on as (
      event: string,
      listener: (...args: unknown[]) => void,
    ) => () => void;
    assert.throws(() => on('ipc:anything', () => undefined), /Unknown event/);
    assert.throws(() => on('__proto__', () => undefined), /Unknown event/);

    const eventName = eventNames[0] ?? 'documents.changed';
    const received: unknown[][] = [];
    const unsubscribe = on(eventName, (...args) => received.push(args));
    emit(eventName, { id: 'x' });
    emit('some.other', { id: 'y' });
    assert.deepEqual(received, [[{ id: 'x' }]]);
    unsubscribe();
    emit(eventName, { id: 'z' });
    assert.equal(received.length, 1);
    assert.equal(listeners.get('inkwell:event')?.size ?? 0, 0);
  });

  it('adds a dropped file by the path webUtils gives, through models.add only', async () => {
    const { exposures, invocations, FakeFile } = loadPreload(bundle);
    const addDroppedModel = exposures[0]?.api.addDroppedModel as (
      file: unknown,
    ) => Promise<{ ok: boolean; error?: { code: string; message: string } }>;
    await addDroppedModel(new FakeFile('/home/writer/models/story.gguf'));
    // The request object was made inside the preload's context: compare it as data.
    assert.deepEqual(JSON.parse(JSON.stringify(invocations)), [
      { channel: 'models.add', args: [{ path: '/home/writer/models/story.gguf' }] },
    ]);
  });

  it('refuses, without asking main, what is not a file on disk', async () => {
    const { exposures, invocations, FakeFile } = loadPreload(bundle);
    const addDroppedModel = exposures[0]?.api.addDroppedModel as (file: unknown) => Promise<{
      ok: boolean;
      error?: { code: string; message: string; localized?: LocalizedMessage };
    }>;
    const madeInPage = await addDroppedModel(new FakeFile(''));
    assert.equal(madeInPage.ok, false);
    assert.match(madeInPage.error?.message ?? '', /not on your disk/);
    const notAFile = await addDroppedModel('/etc/passwd');
    assert.equal(notAFile.ok, false);
    assert.match(notAFile.error?.message ?? '', /dropped from your computer/);
    // By key too; the English the preload writes itself is the catalog's.
    for (const refused of [madeInPage, notAFile]) {
      const localized = JSON.parse(JSON.stringify(refused.error?.localized)) as LocalizedMessage;
      assert.equal(refused.error?.message, englishText(localized));
      chineseText(localized);
    }
    assert.deepEqual(invocations, []);
  });
});
