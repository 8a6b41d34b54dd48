import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { contract } from '../../shared/contract.js';
import { ApiError } from '../../shared/errors.js';
import { documentId } from '../../shared/schemas/documents.js';
import { EventBus } from '../../electron/core/eventBus.js';
import { DocumentsService } from '../../electron/documents/documentsService.js';
import {
  openDatabase,
  SYNCHRONOUS_FULL,
  type SqliteDatabase,
} from '../../electron/store/database.js';
import {
  DatabaseTooNewError,
  LATEST_SCHEMA_VERSION,
  migrate,
  readSchemaVersion,
} from '../../electron/store/migrations.js';

const tempRoot = mkdtempSync(join(tmpdir(), 'inkwell-store-'));
after(() => rmSync(tempRoot, { recursive: true, force: true }));

let fileCounter = 0;
function freshDatabaseFile(): string {
  fileCounter += 1;
  return join(tempRoot, `library-${fileCounter}.sqlite3`);
}

function openMigrated(file = freshDatabaseFile()): SqliteDatabase {
  const db = openDatabase(file);
  migrate(db);
  return db;
}

function withService(run: (service: DocumentsService, db: SqliteDatabase) => void): void {
  const db = openMigrated();
  try {
    run(new DocumentsService(db, new EventBus()), db);
  } finally {
    db.close();
  }
}

describe('opening the database', () => {
  it('uses WAL, synchronous=FULL and foreign keys on a real file', () => {
    const db = openDatabase(freshDatabaseFile());
    try {
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(db.pragma('synchronous', { simple: true }), SYNCHRONOUS_FULL);
      assert.equal(SYNCHRONOUS_FULL, 2);
      assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
      assert.ok(Number(db.pragma('busy_timeout', { simple: true })) > 0);
    } finally {
      db.close();
    }
  });

  it('migrates an empty file to the latest schema, and reopening keeps the data and version', () => {
    const file = freshDatabaseFile();
    const first = openDatabase(file);
    assert.equal(readSchemaVersion(first), 0);
    assert.equal(migrate(first), LATEST_SCHEMA_VERSION);
    const created = new DocumentsService(first, new EventBus()).create({
      title: 'Kept',
      text: 'still here',
    });
    first.close();

    const second = openDatabase(file);
    try {
      assert.equal(readSchemaVersion(second), LATEST_SCHEMA_VERSION);
      assert.equal(migrate(second), LATEST_SCHEMA_VERSION);
      const reopened = new DocumentsService(second, new EventBus()).get(created.id);
      assert.equal(reopened.text, 'still here');
    } finally {
      second.close();
    }
  });

  it('refuses a database written by a newer version of the app, leaving it untouched', () => {
    const file = freshDatabaseFile();
    const future = openDatabase(file);
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    future.close();

    const db = openDatabase(file);
    try {
      assert.throws(
        () => migrate(db),
        (error: unknown) =>
          error instanceof DatabaseTooNewError && /newer version of Inkwell/.test(error.message),
      );
      assert.equal(readSchemaVersion(db), LATEST_SCHEMA_VERSION + 5);
    } finally {
      db.close();
    }
  });
});

describe('documents', () => {
  it('creates a document with a random url-safe id, version 1 and a word count', () => {
    withService((service) => {
      const created = service.create({ title: '  Night Train  ', text: 'The train left at nine.' });
      assert.ok(documentId.safeParse(created.id).success);
      assert.ok(created.id.length >= 16);
      assert.equal(created.title, 'Night Train');
      assert.equal(created.version, 1);
      assert.equal(created.wordCount, 5);
      assert.equal(created.deletedAt, null);
      assert.notEqual(service.create({}).id, created.id);
    });
  });

  it('names a document without a title "Untitled"', () => {
    withService((service) => {
      assert.equal(service.create({ title: '   ' }).title, 'Untitled');
      assert.equal(service.create({}).title, 'Untitled');
    });
  });

  it('counts CJK characters as one word each', () => {
    withService((service) => {
      assert.equal(service.create({ text: '我爱写作 and English words' }).wordCount, 7);
    });
  });

  it('saves, reads back, lists newest first and renames', () => {
    let now = 1_000;
    const db = openMigrated();
    const service = new DocumentsService(db, new EventBus(), () => now);
    try {
      const older = service.create({ title: 'Older' });
      now += 10;
      const newer = service.create({ title: 'Newer' });
      now += 10;
      const saved = service.save({
        id: older.id,
        content: '{"root":{}}',
        text: 'Fresh words here',
        baseVersion: older.version,
      });
      assert.equal(saved.version, 2);
      assert.equal(saved.updatedAt, now);

      const reread = service.get(older.id);
      assert.equal(reread.text, 'Fresh words here');
      assert.equal(reread.content, '{"root":{}}');
      assert.equal(reread.wordCount, 3);
      assert.equal(reread.excerpt, 'Fresh words here');

      assert.deepEqual(
        service.list().map((doc) => doc.id),
        [older.id, newer.id],
      );
      now += 10;
      const renamed = service.rename(newer.id, ' Renamed ');
      assert.equal(renamed.title, 'Renamed');
      assert.equal(renamed.version, 2);
    } finally {
      db.close();
    }
  });

  it('does not bump the version when the saved content is identical', () => {
    withService((service) => {
      const doc = service.create({ content: 'c', text: 't' });
      const result = service.save({ id: doc.id, content: 'c', text: 't', baseVersion: 1 });
      assert.equal(result.version, 1);
      assert.equal(result.revisionCreated, false);
    });
  });

  it('refuses a save from a stale version and leaves the stored text unchanged', () => {
    withService((service) => {
      const doc = service.create({ text: 'first' });
      service.save({ id: doc.id, content: '{}', text: 'second', baseVersion: 1 });
      assert.throws(
        () => service.save({ id: doc.id, content: '{}', text: 'stale', baseVersion: 1 }),
        (error: unknown) => error instanceof ApiError && error.code === 'conflict',
      );
      const stored = service.get(doc.id);
      assert.equal(stored.text, 'second');
      assert.equal(stored.version, 2);
    });
  });

  it('answers not_found for an unknown id', () => {
    withService((service) => {
      assert.throws(
        () => service.get('doesNotExist1234'),
        (error: unknown) => error instanceof ApiError && error.code === 'not_found',
      );
    });
  });

  it('emits documents.changed with kind and version after each committed change', () => {
    const db = openMigrated();
    const events = new EventBus();
    const seen: string[] = [];
    events.subscribe((event, payload) => {
      if (event === 'documents.changed') seen.push(`${payload.kind}@${payload.version}`);
    });
    try {
      const service = new DocumentsService(db, events);
      const doc = service.create({});
      service.save({ id: doc.id, content: '{}', text: 'a', baseVersion: 1 });
      service.save({ id: doc.id, content: '{}', text: 'a', baseVersion: 2 });
      service.rename(doc.id, 'Named');
      service.delete(doc.id);
      service.restore(doc.id);
      assert.deepEqual(seen, ['created@1', 'saved@2', 'renamed@3', 'deleted@4', 'restored@5']);
    } finally {
      db.close();
    }
  });

  it('soft delete hides a document from the list and search; restore brings it back', () => {
    withService((service) => {
      const doc = service.create({ title: 'Lighthouse', text: 'The keeper climbed the stairs.' });
      const deleted = service.delete(doc.id);
      assert.ok(deleted.deletedAt !== null);
      assert.deepEqual(service.list(), []);
      assert.deepEqual(service.search('keeper'), []);
      assert.deepEqual(
        service.list({ includeDeleted: true }).map((d) => d.id),
        [doc.id],
      );
      assert.equal(service.get(doc.id).text, 'The keeper climbed the stairs.');

      const restored = service.restore(doc.id);
      assert.equal(restored.deletedAt, null);
      assert.deepEqual(
        service.list().map((d) => d.id),
        [doc.id],
      );
      assert.deepEqual(
        service.search('keeper').map((hit) => hit.id),
        [doc.id],
      );
    });
  });
});

describe('full-text search', () => {
  function withLibrary(
    run: (service: DocumentsService, ids: { sea: string; forest: string; city: string }) => void,
  ) {
    withService((service) => {
      const ids = {
        sea: service.create({
          title: 'Harbour notes',
          text: 'The fishermen mended their nets while the storm gathered over the sea.',
        }).id,
        forest: service.create({
          title: 'The Storm Diaries',
          text: 'Under the pines, nobody heard the thunder.',
        }).id,
        city: service.create({ title: 'Metro', text: 'Neon signs flickered above the crowd.' }).id,
      };
      run(service, ids);
    });
  }

  it('finds a document by a word from its body, with the match bracketed in the snippet', () => {
    withLibrary((service, ids) => {
      const hits = service.search('fishermen');
      assert.deepEqual(
        hits.map((hit) => hit.id),
        [ids.sea],
      );
      assert.match(hits[0]?.snippet ?? '', /\[fishermen\]/);
    });
  });

  it('finds a document by its title and ranks title matches first', () => {
    withLibrary((service, ids) => {
      assert.deepEqual(
        service.search('metro').map((hit) => hit.id),
        [ids.city],
      );
      assert.deepEqual(
        service.search('storm').map((hit) => hit.id),
        [ids.forest, ids.sea],
      );
    });
  });

  it('matches word prefixes, and all words of the query must match', () => {
    withLibrary((service, ids) => {
      assert.deepEqual(
        service.search('flick').map((hit) => hit.id),
        [ids.city],
      );
      assert.deepEqual(
        service.search('storm pine').map((hit) => hit.id),
        [ids.forest],
      );
    });
  });

  it('returns nothing for an empty or punctuation-only query', () => {
    withLibrary((service) => {
      assert.deepEqual(service.search(''), []);
      assert.deepEqual(service.search('   '), []);
      assert.deepEqual(service.search('"()*'), []);
    });
  });

  it('never turns FTS syntax in the query into an error', () => {
    withLibrary((service, ids) => {
      const awkward = [
        '"unbalanced',
        'storm"',
        '(storm',
        'storm)',
        '*',
        'st*rm',
        'storm AND',
        'AND storm',
        'OR',
        'NOT storm',
        'NEAR(storm sea)',
        'NEAR storm',
        'title:storm',
        '^storm',
        '-storm +sea',
        "don't",
        '{storm}',
        '\u0000storm',
      ];
      for (const query of awkward) {
        assert.doesNotThrow(() => service.search(query), `query ${JSON.stringify(query)}`);
      }
      // Operators are punctuation or plain words to us: quotes and brackets just separate words.
      assert.deepEqual(
        service.search('"storm" (sea*)').map((hit) => hit.id),
        [ids.sea],
      );
    });
  });

  it('keeps the index in step with renames and saves', () => {
    withLibrary((service, ids) => {
      service.rename(ids.city, 'Subway');
      assert.deepEqual(service.search('metro'), []);
      const { version } = service.get(ids.city);
      service.save({
        id: ids.city,
        content: '{}',
        text: 'Quiet platform at midnight.',
        baseVersion: version,
      });
      assert.deepEqual(service.search('neon'), []);
      assert.deepEqual(
        service.search('midnight subway').map((hit) => hit.id),
        [ids.city],
      );
    });
  });
});

/** The error a service call threw, for its code and i18n key. */
function thrown(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  assert.fail('expected the call to be refused');
}

describe('text is stored exactly as sent, or refused', () => {
  // Whole characters that UTF-16 writes as two units, or several code points as one glyph.
  const exact = 'a😀b 𝄞 e\u0301 👩‍💻 \u{10FFFF} \uFFFD';
  const loneHalves = ['a\ud800b', 'a\udc00b', 'end\ud83d', '\udfff start'];

  it('keeps astral and combined characters exactly, and an identical re-save is no new version', () => {
    withService((service) => {
      const content = JSON.stringify({ root: { text: exact } });
      const doc = service.create({ title: `Title ${exact}`, content, text: exact });
      const stored = service.get(doc.id);
      assert.equal(stored.text, exact);
      assert.equal(stored.content, content);
      assert.equal(stored.title, `Title ${exact}`);
      for (let i = 0; i < 3; i += 1) {
        const again = service.save({ id: doc.id, content, text: exact, baseVersion: 1 });
        assert.equal(again.version, 1, 'the same text is no change');
      }
    });
  });

  it('refuses half a character (a lone surrogate) in a title, text or content, and stores nothing', () => {
    withService((service) => {
      const doc = service.create({ title: 'Whole', content: '{}', text: 'whole' });
      for (const half of loneHalves) {
        // Lexical's JSON writes a lone half as an escape: whole characters that decode to one.
        const content = JSON.stringify({ root: { children: [{ text: half }] } });
        assert.match(content, /\\ud[89a-f]/, 'JSON.stringify escapes the lone half');
        const attempts: [string, () => unknown][] = [
          ['text', () => service.create({ text: half })],
          ['title', () => service.create({ title: half })],
          ['content.root.children.0.text', () => service.create({ content })],
          ['text', () => service.save({ id: doc.id, content: '{}', text: half, baseVersion: 1 })],
          [
            'content.root.children.0.text',
            () => service.save({ id: doc.id, content, text: 'whole', baseVersion: 1 }),
          ],
          ['title', () => service.rename(doc.id, half)],
        ];
        for (const [path, attempt] of attempts) {
          const error = thrown(attempt);
          assert.equal(error.code, 'invalid_request', `${JSON.stringify(half)} in ${path}`);
          assert.equal(error.localized?.key, 'errors:storedText.brokenCharacter');
          assert.equal(error.localized?.values?.path, path);
        }
      }
      assert.equal(service.list().length, 1, 'no document was created');
      const stored = service.get(doc.id);
      assert.deepEqual(
        [stored.title, stored.content, stored.text, stored.version],
        ['Whole', '{}', 'whole', 1],
      );
    });
  });

  it('takes an escaped backslash before "ud800" as the text it is', () => {
    withService((service) => {
      const text = 'a path: C:\\ud800\\file';
      const content = JSON.stringify({ root: { text } });
      const doc = service.create({ content, text });
      assert.equal(service.get(doc.id).content, content);
    });
  });
});

describe('a save names the version it was made on', () => {
  it('is refused without one by the contract, naming baseVersion', () => {
    const parsed = contract['documents.save'].request.safeParse({
      id: 'abcdefgh12',
      content: '{}',
      text: 'over whatever is there',
    });
    assert.equal(parsed.success, false);
    assert.deepEqual(
      parsed.error?.issues.map((issue) => issue.path.join('.')),
      ['baseVersion'],
    );
  });
});

describe('a document in the trash', () => {
  it('refuses a save, a rename and a restored revision until it is restored, then takes them', () => {
    withService((service) => {
      const doc = service.create({ title: 'Binned', content: '{}', text: 'before' });
      service.save({ id: doc.id, content: '{}', text: 'kept', baseVersion: 1 });
      const [revision] = service.listRevisions(doc.id);
      assert.ok(revision);
      const deleted = service.delete(doc.id);
      const base = deleted.version;
      for (const attempt of [
        () => service.save({ id: doc.id, content: '{}', text: 'late save', baseVersion: base }),
        () => service.rename(doc.id, 'Renamed in the bin'),
        () =>
          service.restoreRevision({
            documentId: doc.id,
            revisionId: revision.id,
            baseVersion: base,
          }),
      ]) {
        const error = thrown(attempt);
        assert.equal(error.code, 'not_found');
        assert.equal(error.localized?.key, 'errors:storedText.inTrash');
        assert.equal(error.localized?.values?.title, 'Binned');
      }
      const binned = service.get(doc.id);
      assert.deepEqual([binned.title, binned.text, binned.version], ['Binned', 'kept', base]);
      assert.equal(service.listRevisions(doc.id).length, 1, 'no revision was added');

      const restored = service.restore(doc.id);
      const saved = service.save({
        id: doc.id,
        content: '{}',
        text: 'late save',
        baseVersion: restored.version,
      });
      assert.equal(saved.version, restored.version + 1);
      assert.equal(service.get(doc.id).text, 'late save');
    });
  });
});
