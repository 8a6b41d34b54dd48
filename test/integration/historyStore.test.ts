/**
 * History and generation settings on a real SQLite file: rows through a generation's life,
 * full-text search, delete, export, a row left unfinished by a crash, and presets.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import { ApiError } from '../../shared/errors.js';
import { continueParams, generationRecord } from '../../shared/schemas/generations.js';
import { EventBus } from '../../electron/core/eventBus.js';
import { GenerationSettingsService } from '../../electron/generation/generationSettingsService.js';
import { HistoryService } from '../../electron/generation/historyService.js';
import { openDatabase, type SqliteDatabase } from '../../electron/store/database.js';
import { DocumentsRepository } from '../../electron/store/documentsRepository.js';
import {
  GenerationsRepository,
  INTERRUPTED_ERROR,
  type NewGenerationRow,
} from '../../electron/store/generationsRepository.js';
import { migrate } from '../../electron/store/migrations.js';
import { SettingsRepository } from '../../electron/store/settingsRepository.js';

const tempRoot = mkdtempSync(join(tmpdir(), 'inkwell-history-'));
after(() => rmSync(tempRoot, { recursive: true, force: true }));

let db: SqliteDatabase;
let file: string;
let counter = 0;
const DOC = 'document-one';
const OTHER_DOC = 'document-two';
const timings = {
  timeToFirstTokenMs: 12,
  promptTokens: 5,
  droppedPromptTokens: 0,
  outputTokens: 3,
  tokensPerSecond: 100,
  promptTokensPerSecond: 400,
  totalMs: 40,
};

beforeEach(() => {
  counter += 1;
  file = join(tempRoot, `history-${counter}.sqlite3`);
  db = openDatabase(file);
  migrate(db);
  const documents = new DocumentsRepository(db);
  for (const [id, title] of [
    [DOC, 'The Lighthouse'],
    [OTHER_DOC, 'Letters'],
  ] as const) {
    documents.insert({ id, title, content: '', text: '', wordCount: 0, now: 1 });
  }
});
afterEach(() => db.close());

function row(id: string, overrides: Partial<NewGenerationRow> = {}): NewGenerationRow {
  return {
    id,
    documentId: DOC,
    kind: 'continue',
    parentId: null,
    spotId: id,
    replayOf: null,
    templateId: null,
    templateFields: null,
    promptText: 'The storm came at night.',
    promptTokens: 6,
    params: continueParams.parse({ temperature: 0.9, stopAt: 'sentence' }),
    seed: 42,
    modelPath: '/models/demo.gguf',
    modelName: 'demo.gguf',
    modelSha256: 'ab'.repeat(32),
    createdAt: 1000 + counter,
    ...overrides,
  };
}

function finish(repository: GenerationsRepository, id: string, output: string): void {
  repository.finish({
    id,
    output,
    finishReason: 'stop',
    error: null,
    timings,
    finishedAt: 2000,
  });
}

describe('the generations repository', () => {
  it('stores a generation from its start to its end, with params, seed, model and timings', () => {
    const generations = new GenerationsRepository(db);
    generations.insertStarted(row('gen-aaaa-1'));
    assert.equal(generations.find('gen-aaaa-1')?.finishReason, null, 'running: no finish reason');
    generations.updateOutput('gen-aaaa-1', ' The waves');
    assert.equal(generations.find('gen-aaaa-1')?.output, ' The waves');
    finish(generations, 'gen-aaaa-1', ' The waves rose.');

    const record = generations.find('gen-aaaa-1');
    assert.ok(record);
    generationRecord.parse(record);
    assert.equal(record.output, ' The waves rose.');
    assert.equal(record.finishReason, 'stop');
    assert.equal(record.documentTitle, 'The Lighthouse');
    assert.equal(record.seed, 42);
    assert.equal(record.params.temperature, 0.9);
    assert.equal(record.params.stopAt, 'sentence');
    assert.equal(record.modelSha256, 'ab'.repeat(32));
    assert.deepEqual(record.timings, timings);
    assert.equal(record.error, null);

    // A finished row is never overwritten by a late output update.
    generations.updateOutput('gen-aaaa-1', 'late');
    assert.equal(generations.find('gen-aaaa-1')?.output, ' The waves rose.');
  });

  it('reads a row left unfinished by a crash as an interrupted error, keeping its output', () => {
    const before = new GenerationsRepository(db);
    before.insertStarted(row('gen-crash-1'));
    before.updateOutput('gen-crash-1', ' Half a');
    // The app "restarts": a new repository on the same file never started that generation.
    db.close();
    db = openDatabase(file);
    const afterRestart = new GenerationsRepository(db);
    const record = afterRestart.find('gen-crash-1');
    assert.equal(record?.finishReason, 'error');
    assert.deepEqual(record?.error, INTERRUPTED_ERROR);
    assert.equal(record?.output, ' Half a');
    assert.equal(afterRestart.list({ limit: 10, offset: 0 })[0]?.finishReason, 'error');
  });

  it('lists newest first, per document or all, searches output and prompt, and pages', () => {
    const generations = new GenerationsRepository(db);
    generations.insertStarted(row('gen-1111-a', { createdAt: 1 }));
    finish(generations, 'gen-1111-a', ' A gull cried over the harbour.');
    generations.insertStarted(
      row('gen-2222-b', { createdAt: 2, documentId: OTHER_DOC, promptText: 'Dear Marguerite,' }),
    );
    finish(generations, 'gen-2222-b', ' I write to you from the harbour.');
    generations.insertStarted(row('gen-3333-c', { createdAt: 3 }));
    finish(generations, 'gen-3333-c', ' Nothing moved.');

    const ids = (list: { id: string }[]): string[] => list.map((item) => item.id);
    assert.deepEqual(ids(generations.list({ limit: 10, offset: 0 })), [
      'gen-3333-c',
      'gen-2222-b',
      'gen-1111-a',
    ]);
    assert.deepEqual(ids(generations.list({ documentId: DOC, limit: 10, offset: 0 })), [
      'gen-3333-c',
      'gen-1111-a',
    ]);
    assert.deepEqual(ids(generations.list({ query: 'harb', limit: 10, offset: 0 })), [
      'gen-2222-b',
      'gen-1111-a',
    ]);
    assert.deepEqual(ids(generations.list({ query: 'marguerite', limit: 10, offset: 0 })), [
      'gen-2222-b',
    ]);
    assert.deepEqual(
      ids(generations.list({ query: 'harbour', documentId: DOC, limit: 10, offset: 0 })),
      ['gen-1111-a'],
    );
    assert.deepEqual(ids(generations.list({ limit: 1, offset: 1 })), ['gen-2222-b']);
    assert.deepEqual(generations.list({ query: '"(*', limit: 10, offset: 0 }), []);
  });

  it('keeps the search index in step with deletes and output updates', () => {
    const generations = new GenerationsRepository(db);
    generations.insertStarted(row('gen-4444-d'));
    generations.updateOutput('gen-4444-d', ' albatross');
    finish(generations, 'gen-4444-d', ' cormorant');
    assert.equal(generations.list({ query: 'albatross', limit: 10, offset: 0 }).length, 0);
    assert.equal(generations.list({ query: 'cormorant', limit: 10, offset: 0 }).length, 1);
    assert.equal(generations.delete('gen-4444-d'), true);
    assert.equal(generations.delete('gen-4444-d'), false);
    assert.equal(generations.list({ query: 'cormorant', limit: 10, offset: 0 }).length, 0);
    assert.equal(generations.find('gen-4444-d'), undefined);
  });

  it('keeps generations when their document is purged', () => {
    const generations = new GenerationsRepository(db);
    generations.insertStarted(row('gen-5555-e'));
    db.prepare('DELETE FROM documents WHERE id = ?').run(DOC);
    const record = generations.find('gen-5555-e');
    assert.equal(record?.documentId, null);
    assert.equal(record?.documentTitle, null);
  });
});

describe('the history service', () => {
  it('exports JSON Lines that parse back into the same records, with a dated file name', () => {
    const generations = new GenerationsRepository(db);
    const events = new EventBus();
    const history = new HistoryService(generations, events, () => Date.UTC(2026, 10, 28, 12));
    generations.insertStarted(row('gen-6666-f', { createdAt: 1 }));
    finish(generations, 'gen-6666-f', ' One.');
    generations.insertStarted(row('gen-7777-g', { createdAt: 2, documentId: OTHER_DOC }));
    finish(generations, 'gen-7777-g', ' Two "quoted"\nlines.');

    const all = history.export();
    assert.equal(all.fileName, 'inkwell-history-2026-11-28.jsonl');
    assert.equal(all.count, 2);
    const lines = all.jsonl.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    const parsed = lines.map((line) => generationRecord.parse(JSON.parse(line)));
    assert.deepEqual(parsed, [generations.find('gen-6666-f'), generations.find('gen-7777-g')]);
    assert.equal(history.export(OTHER_DOC).count, 1);
  });

  it('accepts a generation, lists alternatives by spot, deletes, and says what changed', () => {
    const generations = new GenerationsRepository(db);
    const events = new EventBus();
    const changes: string[] = [];
    events.subscribe((event, payload) => {
      if (event === 'history.changed') changes.push(`${payload.kind}:${payload.id}`);
    });
    const history = new HistoryService(generations, events);
    generations.insertStarted(row('gen-8888-h', { createdAt: 1 }));
    generations.insertStarted(row('gen-9999-i', { createdAt: 2, spotId: 'gen-8888-h' }));
    finish(generations, 'gen-8888-h', ' First.');
    finish(generations, 'gen-9999-i', ' Second.');

    const accepted = history.accept('gen-9999-i', ' Second');
    assert.equal(accepted.accepted, true);
    assert.equal(history.get('gen-9999-i').acceptedText, ' Second');
    assert.deepEqual(
      history.alternatives('gen-8888-h').map((item) => item.id),
      ['gen-8888-h', 'gen-9999-i'],
    );
    assert.deepEqual(history.delete('gen-8888-h'), { deleted: true });
    assert.deepEqual(changes, ['accepted:gen-9999-i', 'deleted:gen-8888-h']);
    assert.throws(
      () => history.get('gen-8888-h'),
      (error: unknown) => error instanceof ApiError && error.code === 'not_found',
    );
  });
});

describe('generation settings and presets', () => {
  const service = (): GenerationSettingsService =>
    new GenerationSettingsService(new SettingsRepository(db), (id) => id === DOC);

  it('gives a new document the Balanced preset, and saves memory, note and params', () => {
    const settings = service();
    const defaults = settings.getDocument(DOC);
    assert.equal(defaults.presetId, 'balanced');
    assert.equal(defaults.params.temperature, 0.8);
    const saved = settings.saveDocument({
      ...defaults,
      memory: 'Ada keeps the light.',
      authorsNote: 'Gloomy.',
      params: { ...defaults.params, temperature: 0.6, stopAt: 'paragraph' },
    });
    assert.equal(saved.memory, 'Ada keeps the light.');
    assert.deepEqual(service().getDocument(DOC), saved);
    assert.throws(
      () => settings.getDocument(OTHER_DOC),
      (error: unknown) => error instanceof ApiError && error.code === 'not_found',
    );
  });

  it('saves, renames and deletes user presets; built-ins cannot be changed or deleted', () => {
    const settings = service();
    assert.deepEqual(
      settings.listPresets().map((preset) => preset.name),
      ['Balanced', 'Creative', 'Precise'],
    );
    const params = continueParams.parse({ temperature: 0.7 });
    const mine = settings.savePreset({ name: 'Night shift', params });
    assert.equal(mine.builtIn, false);
    const renamed = settings.savePreset({ id: mine.id, name: 'Dawn shift', params });
    assert.equal(renamed.name, 'Dawn shift');
    assert.deepEqual(
      settings.listPresets().map((preset) => preset.name),
      ['Balanced', 'Creative', 'Precise', 'Dawn shift'],
    );
    const conflict = (error: unknown): boolean =>
      error instanceof ApiError && error.code === 'conflict';
    assert.throws(() => settings.savePreset({ name: 'balanced', params }), conflict);
    assert.throws(() => settings.savePreset({ name: 'DAWN SHIFT', params }), conflict);
    assert.throws(() => settings.savePreset({ id: 'creative', name: 'Mine', params }), conflict);
    assert.throws(() => settings.deletePreset('precise'), conflict);

    // A document whose preset is deleted keeps its params and reads as "no preset".
    settings.saveDocument({ ...settings.getDocument(DOC), presetId: mine.id });
    assert.deepEqual(settings.deletePreset(mine.id), { deleted: true });
    assert.deepEqual(settings.deletePreset(mine.id), { deleted: false });
    assert.equal(settings.getDocument(DOC).presetId, null);
  });
});
