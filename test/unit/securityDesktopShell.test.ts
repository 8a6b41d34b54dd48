import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Acknowledgements } from '../../electron/desktop/acknowledgements.js';
import { createAppHandlers, createFilesHandlers } from '../../electron/desktop/desktopHandlers.js';
import type { Handlers } from '../../electron/core/handler.js';
import { createRouter } from '../../electron/ipc/router.js';
import { importFormatForPath, withExtension } from '../../electron/desktop/fileTypes.js';
import { FlushGate } from '../../electron/desktop/flushGate.js';
import {
  ChosenDestinations,
  chooseSaveTarget,
  safeFileName,
} from '../../electron/desktop/saveTarget.js';
import {
  DEFAULT_SIZE,
  clampToDisplays,
  loadWindowState,
  parseWindowState,
  saveWindowState,
} from '../../electron/desktop/windowState.js';

const context = { transport: 'test' as const, clientId: 'webcontents-1' };
const appInfo = () => ({
  name: 'Inkwell',
  version: '0',
  dataDir: '/tmp',
  transport: 'test' as const,
});

describe('saving only where the writer chose', () => {
  it('writes without asking only to a destination this run’s dialog chose', () => {
    const chosen = new ChosenDestinations();
    chosen.remember('/home/ann/story.md');
    assert.deepEqual(
      chooseSaveTarget({ suggestedName: 'x', destination: '/home/ann/story.md' }, chosen, '/docs'),
      { kind: 'write', destination: '/home/ann/story.md' },
    );
    assert.deepEqual(
      chooseSaveTarget({ suggestedName: 'story.md', destination: '/etc/passwd' }, chosen, '/docs'),
      { kind: 'ask', defaultPath: '/docs/story.md' },
    );
  });

  it('turns a suggested name into one plain file name', () => {
    assert.equal(safeFileName('../../etc/passwd'), 'etc passwd');
    assert.equal(safeFileName('a/b\\c:d'), 'a b c d');
    assert.equal(safeFileName('   '), 'Untitled');
    assert.equal(safeFileName('.bashrc'), 'bashrc');
    assert.equal(safeFileName('My story.md'), 'My story.md');
  });

  it('knows each import format by its extension and adds export extensions once', () => {
    assert.equal(importFormatForPath('/a/Notes.MD'), 'markdown');
    assert.equal(importFormatForPath('/a/notes.markdown'), 'markdown');
    assert.equal(importFormatForPath('/a/notes.txt'), 'text');
    assert.equal(importFormatForPath('/a/page.htm'), 'html');
    assert.equal(importFormatForPath('/a/report.docx'), 'docx');
    assert.equal(importFormatForPath('/a/model.gguf'), null);
    assert.equal(withExtension('Story', 'docx'), 'Story.docx');
    assert.equal(withExtension('Story.pdf', 'pdf'), 'Story.pdf');
  });
});

describe('desktop handlers', () => {
  it('answer unavailable without a desktop shell (headless mode)', async () => {
    const handlers = { ...createFilesHandlers(), ...createAppHandlers(appInfo) };
    assert.deepEqual(await handlers['files.openDialog']({ purpose: 'import' }, context), {
      status: 'unavailable',
    });
    assert.deepEqual(
      await handlers['files.saveDialog'](
        { format: 'markdown', suggestedName: 'a', base64: '' },
        context,
      ),
      { status: 'unavailable' },
    );
    assert.deepEqual(await handlers['files.exportPdf']({ suggestedName: 'a' }, context), {
      status: 'unavailable',
    });
    assert.deepEqual(await handlers['app.commandDone']({ commandId: 'c' }, context), {
      acknowledged: false,
    });
  });
});

describe('flush before quitting', () => {
  it('ends when every window acknowledged, and ignores strangers', async () => {
    const acks = new Acknowledgements();
    const id = acks.newCommandId();
    const waiting = acks.wait(id, ['webcontents-1', 'webcontents-2'], 60_000);
    assert.equal(acks.acknowledge(id, 'webcontents-9'), false);
    assert.equal(acks.acknowledge(id, 'webcontents-1'), true);
    assert.equal(acks.acknowledge(id, 'webcontents-1'), false);
    acks.forget('webcontents-2');
    assert.equal(await waiting, 'acknowledged');
    assert.equal(acks.acknowledge(id, 'webcontents-2'), false);
  });

  it('gives up on a renderer that never answers', async () => {
    const acks = new Acknowledgements();
    assert.equal(await acks.wait(acks.newCommandId(), ['webcontents-1'], 5), 'timed-out');
    assert.equal(await acks.wait(acks.newCommandId(), [], 60_000), 'acknowledged');
  });

  it('holds the first close, flushes once, then lets the repeated close through', async () => {
    let flushes = 0;
    let release: () => void = () => undefined;
    const gate = new FlushGate(() => {
      flushes += 1;
      return new Promise<void>((resolve) => (release = resolve));
    });
    const prevented: string[] = [];
    let proceeded = 0;
    const proceed = (): void => {
      proceeded += 1;
      gate.hold({ preventDefault: () => prevented.push('repeat') }, proceed);
    };
    gate.hold({ preventDefault: () => prevented.push('first') }, proceed);
    gate.hold({ preventDefault: () => prevented.push('second') }, proceed);
    assert.deepEqual(prevented, ['first', 'second']);
    release();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(flushes, 1);
    assert.equal(proceeded, 1);
    assert.equal(gate.flushed, true);
    assert.deepEqual(prevented, ['first', 'second']);
  });

  it('still closes when the flush fails', async () => {
    const gate = new FlushGate(() => Promise.reject(new Error('renderer gone')));
    const originalError = console.error;
    console.error = () => undefined;
    try {
      const closed = await new Promise<boolean>((resolve) =>
        gate.hold({ preventDefault: () => undefined }, () => resolve(true)),
      );
      assert.equal(closed, true);
    } finally {
      console.error = originalError;
    }
  });
});

describe('window state', () => {
  const laptop = { x: 0, y: 0, width: 1440, height: 900 };
  const monitor = { x: 1440, y: 0, width: 2560, height: 1440 };

  it('reopens where it was when that spot is on a display', () => {
    assert.deepEqual(
      clampToDisplays({ x: 1600, y: 100, width: 1000, height: 800 }, [laptop, monitor]),
      {
        x: 1600,
        y: 100,
        width: 1000,
        height: 800,
      },
    );
  });

  it('pulls a window on an unplugged monitor back to the default size', () => {
    assert.deepEqual(clampToDisplays({ x: 1600, y: 100, width: 1000, height: 800 }, [laptop]), {
      width: 1000,
      height: 800,
    });
  });

  it('shrinks and moves a window that hangs off its display', () => {
    assert.deepEqual(clampToDisplays({ x: 1000, y: -50, width: 3000, height: 2000 }, [laptop]), {
      width: 1440,
      height: 900,
    });
    assert.deepEqual(clampToDisplays({ x: 1000, y: 100, width: 800, height: 600 }, [laptop]), {
      x: 640,
      y: 100,
      width: 800,
      height: 600,
    });
  });

  it('uses the default size with nothing remembered', () => {
    assert.deepEqual(clampToDisplays(null, [laptop]), DEFAULT_SIZE);
  });

  it('reads back what it wrote, and treats a damaged file as nothing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'inkwell-window-'));
    try {
      assert.equal(loadWindowState(dir), null);
      const state = { bounds: { x: 5, y: 6, width: 900, height: 700 }, maximized: true };
      saveWindowState(dir, state);
      assert.deepEqual(loadWindowState(dir), state);
      writeFileSync(path.join(dir, 'window-state.json'), '{"bounds":');
      assert.equal(loadWindowState(dir), null);
      assert.equal(parseWindowState('{"bounds":{"x":0,"y":0,"width":-1,"height":5}}'), null);
      assert.equal(parseWindowState('null'), null);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('desktop channels through the router', () => {
  const router = createRouter(
    { ...createFilesHandlers(), ...createAppHandlers(appInfo) } as unknown as Handlers,
    () => undefined,
  );

  it('answers unavailable where there is no desktop shell (headless mode)', async () => {
    assert.deepEqual(await router.dispatch('files.openDialog', { purpose: 'import' }, context), {
      ok: true,
      data: { status: 'unavailable' },
    });
  });

  it('validates a desktop request before any dialog opens', async () => {
    const reply = await router.dispatch(
      'files.saveDialog',
      { format: 'exe', suggestedName: 'x', base64: '' },
      context,
    );
    assert.equal(reply.ok, false);
    assert.equal(!reply.ok && reply.error.code, 'invalid_request');
    const extra = await router.dispatch(
      'files.openDialog',
      { purpose: 'import', path: '/' },
      context,
    );
    assert.equal(extra.ok, false);
  });
});
