/**
 * Documents handed to the app by the system (command line of a first or second instance,
 * macOS's open-file, Open Recent) and the recent documents list, on real files.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { filesToOpen, PendingOpens } from '../../electron/desktop/openedFiles.js';
import {
  MAX_RECENT_FILES,
  RECENT_FILES_FILE,
  RecentFiles,
} from '../../electron/desktop/recentFiles.js';

const work = mkdtempSync(path.join(tmpdir(), 'inkwell-opened-'));
after(() => rmSync(work, { recursive: true, force: true }));

describe('filesToOpen', () => {
  it('takes the documents from a packaged app’s command line, resolved where it ran', () => {
    assert.deepEqual(
      filesToOpen(
        ['/opt/Inkwell/inkwell', 'Stories/Lighthouse.md', '/tmp/letter.DOCX'],
        '/home/ada',
      ),
      ['/home/ada/Stories/Lighthouse.md', '/tmp/letter.DOCX'],
    );
  });

  it('skips switches, the app folder given to Electron from source, and files it cannot import', () => {
    const secondInstance = [
      '/usr/lib/electron/electron',
      '--allow-file-access-from-files',
      '.',
      '--original-process-start-time=13349',
      'notes.txt',
      'model.gguf',
      'cover.png',
      'page.html',
    ];
    assert.deepEqual(filesToOpen(secondInstance, '/work'), ['/work/notes.txt', '/work/page.html']);
    assert.deepEqual(filesToOpen(['inkwell'], '/work'), []);
  });
});

describe('PendingOpens', () => {
  it('hands paths over oldest first, each once', () => {
    const pending = new PendingOpens();
    pending.add('/a.md');
    pending.add('/b.txt');
    pending.add('/a.md');
    assert.equal(pending.size, 2);
    assert.equal(pending.take(), '/a.md');
    assert.equal(pending.take(), '/b.txt');
    assert.equal(pending.take(), undefined);
  });
});

describe('RecentFiles', () => {
  it('keeps the newest first, once each, at most ten, across launches', () => {
    const folder = mkdtempSync(path.join(work, 'recent-'));
    const recent = new RecentFiles(folder);
    for (let n = 0; n < 12; n += 1) recent.add(`/stories/${n}.md`);
    recent.add('/stories/5.md');
    assert.equal(recent.list().length, MAX_RECENT_FILES);
    assert.deepEqual(recent.list().slice(0, 3), [
      '/stories/5.md',
      '/stories/11.md',
      '/stories/10.md',
    ]);
    assert.ok(!recent.list().includes('/stories/1.md'));
    assert.deepEqual(new RecentFiles(folder).list(), recent.list());
  });

  it('lists only files it can import again, and forgets one on request or all', () => {
    const folder = mkdtempSync(path.join(work, 'recent-'));
    const recent = new RecentFiles(folder);
    assert.equal(recent.add('/exports/story.pdf'), false);
    recent.add('/a.md');
    recent.add('/b.docx');
    recent.remove('/a.md');
    assert.deepEqual(recent.list(), ['/b.docx']);
    recent.clear();
    assert.deepEqual(JSON.parse(readFileSync(path.join(folder, RECENT_FILES_FILE), 'utf8')), []);
  });

  it('starts empty from a broken or foreign file', () => {
    const folder = mkdtempSync(path.join(work, 'recent-'));
    writeFileSync(path.join(folder, RECENT_FILES_FILE), '{"not":"a list"');
    assert.deepEqual(new RecentFiles(folder).list(), []);
    writeFileSync(
      path.join(folder, RECENT_FILES_FILE),
      JSON.stringify(['relative.md', 3, '/ok.md']),
    );
    assert.deepEqual(new RecentFiles(folder).list(), ['/ok.md']);
  });
});
