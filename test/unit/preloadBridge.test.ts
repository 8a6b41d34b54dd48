/**
 * Builds the real preload bundle and runs it in a fresh V8 context with a recording stand-in
 * for `require('electron')`: the page must get exactly one object, `inkwell`, whose keys are the
 * contract's channels plus `on`, and nothing of ipcRenderer itself.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import vm from 'node:vm';
import { channelNames, eventNames } from '../../shared/contract.js';

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
  const electron = {
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
  return { exposures, invocations, listeners, emit };
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

  it("exposes exactly one object, inkwell, with the contract's channels plus on", () => {
    const { exposures } = loadPreload(bundle);
    assert.equal(exposures.length, 1);
    const [exposure] = exposures;
    assert.equal(exposure?.key, 'inkwell');
    assert.deepEqual(Object.keys(exposure?.api ?? {}).sort(), [...channelNames, 'on'].sort());
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
});
