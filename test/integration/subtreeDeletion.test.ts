/**
 * Deleting a subtree of the tree of continuations on a real SQLite file, through the
 * probabilities channels' handlers: the generation and everything under it go (steps, branch
 * points, anchors, bookmarks with them), the rest stays, and Undo brings every row back exactly
 * as it was, searchable again; a forgotten deletion cannot be undone.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import { ApiError } from '../../shared/errors.js';
import { continueParams } from '../../shared/schemas/generations.js';
import type { EventPayload } from '../../shared/contract.js';
import { EventBus } from '../../electron/core/eventBus.js';
import { createProbabilitiesHandlers } from '../../electron/generation/probabilitiesHandlers.js';
import { openDatabase, type SqliteDatabase } from '../../electron/store/database.js';
import { DocumentsRepository } from '../../electron/store/documentsRepository.js';
import {
  GenerationsRepository,
  type NewGenerationRow,
} from '../../electron/store/generationsRepository.js';
import { migrate } from '../../electron/store/migrations.js';
import { SubtreeDeletions } from '../../electron/store/subtreeDeletions.js';
import { TokenStepsRepository } from '../../electron/store/tokenStepsRepository.js';

const tempRoot = mkdtempSync(join(tmpdir(), 'inkwell-subtree-'));
after(() => rmSync(tempRoot, { recursive: true, force: true }));

const DOC = 'document-one';
let db: SqliteDatabase;
let counter = 0;

beforeEach(() => {
  counter += 1;
  db = openDatabase(join(tempRoot, `subtree-${counter}.sqlite3`));
  migrate(db);
  new DocumentsRepository(db).insert({
    id: DOC,
    title: 'The Lighthouse',
    content: '',
    text: '',
    wordCount: 0,
    now: 1,
  });
});
afterEach(() => db.close());

function row(id: string, parentId: string | null, createdAt: number): NewGenerationRow {
  return {
    id,
    documentId: DOC,
    kind: 'continue',
    parentId,
    spotId: id,
    replayOf: null,
    templateId: null,
    templateFields: null,
    promptText: 'The storm came at night.',
    promptTokens: 6,
    params: continueParams.parse({ temperature: 0.9 }),
    seed: 42,
    modelPath: '/models/demo.gguf',
    modelName: 'demo.gguf',
    modelSha256: 'ab'.repeat(32),
    createdAt,
  };
}

const step = (text: string, p: number) => ({ text, p, alternatives: [{ text, p }] });

/** Every row of every table that refers to generations, and the generations, as text. */
function dump(): string {
  const tables = [
    'generations',
    'generation_token_steps',
    'generation_branches',
    'generation_anchors',
    'generation_bookmarks',
  ];
  return JSON.stringify(
    tables.map((table) =>
      db
        .prepare(`SELECT * FROM ${table} ORDER BY 1`)
        .all()
        .map((entry) =>
          Object.fromEntries(
            Object.entries(entry as Record<string, unknown>).map(([key, value]) => [
              key,
              Buffer.isBuffer(value) ? value.toString('base64') : value,
            ]),
          ),
        ),
    ),
  );
}

/** root → child (a continue after it) → grandchild (a branch from it), and a second root. */
function arrange() {
  const generations = new GenerationsRepository(db);
  const tokenSteps = new TokenStepsRepository(db);
  const events = new EventBus();
  const changes: EventPayload<'history.changed'>[] = [];
  events.subscribe((...[event, payload]) => {
    if (event === 'history.changed') changes.push(payload as EventPayload<'history.changed'>);
  });
  const handlers = createProbabilitiesHandlers(
    generations,
    tokenSteps,
    new SubtreeDeletions(db),
    events,
    () => 5000,
  );
  const add = (id: string, parentId: string | null, output: string, at: number): void => {
    generations.insertStarted(row(id, parentId, at));
    generations.finish({
      id,
      output,
      finishReason: 'stop',
      error: null,
      timings: null,
      finishedAt: at + 1,
    });
    tokenSteps.saveSteps(id, [step(output, 0.4)]);
    tokenSteps.saveAnchor(id, 'The storm came at night.');
  };
  add('root', null, ' The lamp', 100);
  add('child', 'root', ' was lit', 200);
  add('grandchild', 'child', ' shone', 300);
  add('other', null, ' Morning', 400);
  generations.accept('root', ' The lamp');
  tokenSteps.saveBranch({
    generationId: 'grandchild',
    parentId: 'child',
    tokenIndex: 0,
    prefix: ' was',
  });
  tokenSteps.setBookmark('child', true, 4000);
  return { handlers, changes, generations };
}

const ctx = { clientId: 'test' } as never;

describe('deleting a subtree of the tree', () => {
  it('deletes the generation and everything under it, and Undo brings it all back exactly', async () => {
    const { handlers, changes, generations } = arrange();
    const before = dump();

    const deleted = await handlers['probabilities.deleteSubtree']({ generationId: 'child' }, ctx);
    assert.equal(deleted.deleted, 2);
    const tree = await handlers['probabilities.tree']({ documentId: DOC }, ctx);
    assert.deepEqual(
      tree.map((record) => record.id),
      ['root', 'other'],
    );
    assert.equal(generations.list({ query: 'shone', limit: 10, offset: 0 }).length, 0);
    for (const table of ['generation_token_steps', 'generation_bookmarks', 'generation_branches']) {
      const left = db
        .prepare(
          `SELECT COUNT(*) AS n FROM ${table} WHERE generation_id IN ('child', 'grandchild')`,
        )
        .get() as { n: number };
      assert.equal(left.n, 0, `${table} rows go with their generation`);
    }
    assert.deepEqual(
      changes.map((change) => [change.id, change.kind, change.documentId]),
      [
        ['child', 'deleted', DOC],
        ['grandchild', 'deleted', DOC],
      ],
    );

    const restored = await handlers['probabilities.restoreSubtree'](
      { undoToken: deleted.undoToken },
      ctx,
    );
    assert.equal(restored.restored, 2);
    assert.equal(dump(), before, 'every row as it was, the steps’ blob and the bookmark included');
    const again = await handlers['probabilities.tree']({ documentId: DOC }, ctx);
    assert.deepEqual(
      again.map((record) => [record.id, record.bookmarked, record.branch?.prefix ?? null]),
      [
        ['root', false, null],
        ['child', true, null],
        ['grandchild', false, ' was'],
        ['other', false, null],
      ],
    );
    const steps = await handlers['probabilities.steps']({ generationId: 'grandchild' }, ctx);
    assert.deepEqual(steps.steps, [step(' shone', 0.4)]);
    assert.equal(generations.list({ query: 'shone', limit: 10, offset: 0 }).length, 1);
    assert.deepEqual(
      changes.slice(2).map((change) => change.kind),
      ['restored', 'restored'],
    );

    // Once restored, the same token brings nothing back twice.
    await assert.rejects(
      async () => handlers['probabilities.restoreSubtree']({ undoToken: deleted.undoToken }, ctx),
      (error: unknown) => error instanceof ApiError && error.code === 'not_found',
    );
  });

  it('cannot undo a deletion that was forgotten (the panel closed)', async () => {
    const { handlers } = arrange();
    const deleted = await handlers['probabilities.deleteSubtree']({ generationId: 'root' }, ctx);
    assert.equal(deleted.deleted, 3);
    assert.deepEqual(
      await handlers['probabilities.forgetDeleted']({ undoToken: deleted.undoToken }, ctx),
      { forgotten: true },
    );
    await assert.rejects(
      async () => handlers['probabilities.restoreSubtree']({ undoToken: deleted.undoToken }, ctx),
      (error: unknown) => error instanceof ApiError && error.code === 'not_found',
    );
    const tree = await handlers['probabilities.tree']({ documentId: DOC }, ctx);
    assert.deepEqual(
      tree.map((record) => record.id),
      ['other'],
    );
  });

  it('says so when the generation is not there', async () => {
    const { handlers } = arrange();
    await assert.rejects(
      async () => handlers['probabilities.deleteSubtree']({ generationId: 'nothing' }, ctx),
      (error: unknown) => error instanceof ApiError && error.code === 'not_found',
    );
  });
});
