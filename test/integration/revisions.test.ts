import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, beforeEach, afterEach, describe, it } from 'node:test';
import { ApiError } from '../../shared/errors.js';
import { EventBus } from '../../electron/core/eventBus.js';
import {
  DocumentsService,
  REVISION_INTERVAL_MS,
} from '../../electron/documents/documentsService.js';
import { openDatabase, type SqliteDatabase } from '../../electron/store/database.js';
import { migrate } from '../../electron/store/migrations.js';

const tempRoot = mkdtempSync(join(tmpdir(), 'inkwell-revisions-'));
after(() => rmSync(tempRoot, { recursive: true, force: true }));

let db: SqliteDatabase;
let service: DocumentsService;
/** The injected clock: tests move time forward by hand. */
let now: number;
let fileCounter = 0;

beforeEach(() => {
  fileCounter += 1;
  db = openDatabase(join(tempRoot, `library-${fileCounter}.sqlite3`));
  migrate(db);
  now = 1_700_000_000_000;
  service = new DocumentsService(db, new EventBus(), () => now);
});
afterEach(() => db.close());

/** Saves as the editor does, on the version it last saw (by default the current one). */
function save(id: string, text: string, baseVersion = service.get(id).version) {
  return service.save({ id, content: JSON.stringify({ text }), text, baseVersion });
}

describe('revision snapshots on save', () => {
  it('snapshots the first save of a document that has no revision yet', () => {
    const doc = service.create({ title: 'Draft' });
    const result = save(doc.id, 'Opening line.');
    assert.equal(result.revisionCreated, true);
    const revisions = service.listRevisions(doc.id);
    assert.equal(revisions.length, 1);
    assert.equal(revisions[0]?.reason, 'autosave');
    assert.equal(revisions[0]?.excerpt, 'Opening line.');
  });

  it('takes no new snapshot until REVISION_INTERVAL_MS has passed since the newest one', () => {
    const doc = service.create({});
    save(doc.id, 'one');
    now += REVISION_INTERVAL_MS - 1;
    assert.equal(save(doc.id, 'two').revisionCreated, false);
    now += 1;
    assert.equal(save(doc.id, 'three').revisionCreated, true);

    const revisions = service.listRevisions(doc.id);
    assert.deepEqual(
      revisions.map((revision) => revision.excerpt),
      ['three', 'one'],
      'newest first, each holding the state that was saved',
    );
    const newest = revisions[0];
    assert.ok(newest);
    assert.equal(service.getRevision(newest.id).text, 'three');
  });

  it('does not snapshot a save that changes nothing', () => {
    const doc = service.create({});
    save(doc.id, 'same');
    now += REVISION_INTERVAL_MS * 2;
    assert.equal(save(doc.id, 'same').revisionCreated, false);
    assert.equal(service.listRevisions(doc.id).length, 1);
  });
});

describe('restoring a revision', () => {
  it('snapshots the current text as before-restore, then makes the revision current', () => {
    const doc = service.create({ title: 'Poem' });
    save(doc.id, 'original words');
    const original = service.listRevisions(doc.id)[0];
    assert.ok(original);
    now += 1000;
    const edited = save(doc.id, 'rewritten words');

    now += 1000;
    const restored = service.restoreRevision({
      documentId: doc.id,
      revisionId: original.id,
      baseVersion: edited.version,
    });
    assert.equal(restored.text, 'original words');
    assert.equal(restored.version, edited.version + 1);
    assert.equal(restored.title, 'Poem');
    assert.equal(service.get(doc.id).text, 'original words');

    const [beforeRestore] = service.listRevisions(doc.id);
    assert.equal(beforeRestore?.reason, 'before-restore');
    assert.equal(beforeRestore && service.getRevision(beforeRestore.id).text, 'rewritten words');
  });

  it('is undoable: restoring the before-restore snapshot brings back the text it replaced', () => {
    const doc = service.create({});
    save(doc.id, 'first draft');
    const firstDraft = service.listRevisions(doc.id)[0];
    assert.ok(firstDraft);
    save(doc.id, 'second draft');

    service.restoreRevision({ documentId: doc.id, revisionId: firstDraft.id });
    const beforeRestore = service.listRevisions(doc.id).find((r) => r.reason === 'before-restore');
    assert.ok(beforeRestore);
    const undone = service.restoreRevision({ documentId: doc.id, revisionId: beforeRestore.id });
    assert.equal(undone.text, 'second draft');
    assert.equal(service.get(doc.id).text, 'second draft');
  });

  it('refuses a stale baseVersion and changes nothing', () => {
    const doc = service.create({});
    save(doc.id, 'kept');
    const revision = service.listRevisions(doc.id)[0];
    assert.ok(revision);
    save(doc.id, 'current');
    assert.throws(
      () =>
        service.restoreRevision({ documentId: doc.id, revisionId: revision.id, baseVersion: 1 }),
      (error: unknown) => error instanceof ApiError && error.code === 'conflict',
    );
    assert.equal(service.get(doc.id).text, 'current');
    assert.equal(service.listRevisions(doc.id).length, 1);
  });

  it('answers not_found for a revision of another document', () => {
    const mine = service.create({});
    const theirs = service.create({});
    save(theirs.id, 'not yours');
    const foreign = service.listRevisions(theirs.id)[0];
    assert.ok(foreign);
    assert.throws(
      () => service.restoreRevision({ documentId: mine.id, revisionId: foreign.id }),
      (error: unknown) => error instanceof ApiError && error.code === 'not_found',
    );
  });
});
