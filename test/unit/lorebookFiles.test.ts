import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ApiError } from '../../shared/errors.js';
import { englishText } from '../../shared/i18n/localizedMessage.js';
import { loreEntryFields, type LoreEntry } from '../../shared/schemas/lorebook.js';
import { readLorebookFile } from '../../electron/generation/lorebook/files/lorebookFile.js';
import { writeInkwellLorebook } from '../../electron/generation/lorebook/files/inkwellLorebook.js';
import { writeNovelAiLorebook } from '../../electron/generation/lorebook/files/novelAiLorebook.js';

const sample = (name: string): string =>
  readFileSync(new URL(`./fixtures/lorebooks/${name}`, import.meta.url), 'utf8');
const notes = (read: ReturnType<typeof readLorebookFile>): string[] =>
  read.notUnderstood.map((message) => englishText(message));

function refusal(text: string): string {
  try {
    readLorebookFile(text);
  } catch (error) {
    assert.ok(error instanceof ApiError);
    assert.equal(error.code, 'invalid_request');
    return error.message;
  }
  return assert.fail('the file was accepted');
}

describe('reading lorebook files', () => {
  it("reads NovelAI's .lorebook: names, keys, range, always-on, priority and position", () => {
    const read = readLorebookFile(sample('novelai-v5.lorebook'));
    assert.equal(read.format, 'novelai');
    assert.equal(read.entries.length, 2);
    const [everard, marsh] = read.entries;
    assert.equal(everard?.title, 'Everard');
    assert.deepEqual(everard?.keys, ['Everard', '/sir\\s+ever(ard)?/i']);
    assert.equal(everard?.scanDepthChars, 1000);
    assert.equal(everard?.position, 'afterMemory');
    assert.equal(everard?.priority, 0);
    assert.equal(marsh?.alwaysOn, true);
    assert.equal(marsh?.priority, 100);
    assert.equal(marsh?.position, 'atDepth');
    assert.equal(marsh?.depthLines, 3);
    assert.deepEqual(notes(read), [
      'Entry 2: "loreBiasGroups" has no equivalent in Inkwell and was ignored.',
      'Entry 3 has no text and was left out.',
    ]);
  });

  it('reads Kobold Lite world info: comma-separated keys, constant, disabled, and says what it ignored', () => {
    const read = readLorebookFile(sample('kobold-lite-worldinfo.json'));
    assert.equal(read.format, 'kobold');
    assert.deepEqual(
      read.entries.map((entry) => [entry.title, entry.keys, entry.alwaysOn, entry.enabled]),
      [
        ['Mira', ['Mira', 'the smith'], false, true],
        ['Setting', [], true, true],
        ['Wolves', ['wolf', 'wolves'], false, false],
      ],
    );
    assert.deepEqual(notes(read), [
      'Entry 3: "keysecondary" has no equivalent in Inkwell and was ignored.',
      'Entry 3: "probability" has no equivalent in Inkwell and was ignored.',
    ]);
  });

  it("reads KoboldAI's world info keyed by index, and SillyTavern's with its depth", () => {
    const kobold = readLorebookFile(sample('koboldai-worldinfo.json'));
    assert.deepEqual(
      kobold.entries.map((entry) => [entry.title, entry.keys]),
      [
        ['Castle Dunmore', ['Castle Dunmore', 'Dunmore']],
        ['', ['Brother Aldo']],
      ],
    );
    assert.deepEqual(notes(kobold), []);
    const tavern = readLorebookFile(sample('sillytavern-worldinfo.json'));
    assert.equal(tavern.entries[0]?.position, 'atDepth');
    assert.equal(tavern.entries[0]?.depthLines, 2);
    assert.equal(tavern.entries[0]?.priority, 100);
    assert.deepEqual(notes(tavern), [
      'Entry 1: the field "vectorized" is unknown to Inkwell and was ignored.',
    ]);
  });

  it('refuses broken files with the reason, importing nothing', () => {
    assert.match(
      refusal(sample('broken-truncated.lorebook')),
      /^This file cannot be imported as a lorebook: it is not JSON \(.+\)\. Nothing was imported\.$/,
    );
    assert.equal(
      refusal(sample('broken-unknown-shape.json')),
      'This file cannot be imported as a lorebook: it is not an Inkwell, NovelAI or KoboldAI / Kobold Lite lorebook. Nothing was imported.',
    );
    assert.equal(
      refusal(sample('broken-no-text.lorebook')),
      'This file cannot be imported as a lorebook: it holds no entry with text. Nothing was imported.',
    );
    assert.match(refusal('[1, 2, 3]'), /not an Inkwell, NovelAI/);
    assert.match(refusal(''), /not JSON/);
  });
});

describe('writing lorebook files', () => {
  const entries: LoreEntry[] = [
    {
      ...loreEntryFields.parse({
        title: 'Everard',
        text: 'A knight.',
        keys: ['Everard'],
        priority: 7,
      }),
      id: 'lore-1',
      documentId: 'doc',
      updatedAt: 1,
    },
    {
      ...loreEntryFields.parse({
        text: 'Deep.',
        position: 'atDepth',
        depthLines: 2,
        alwaysOn: true,
      }),
      id: 'lore-2',
      documentId: null,
      updatedAt: 2,
    },
  ];
  const fieldsOnly = entries.map(({ id: _id, documentId: _d, updatedAt: _u, ...fields }) => fields);

  it("Inkwell's own file reads back as the same entries and budget", () => {
    const read = readLorebookFile(writeInkwellLorebook(entries, 321));
    assert.equal(read.format, 'inkwell');
    assert.equal(read.budgetTokens, 321);
    assert.deepEqual(read.entries, fieldsOnly);
  });

  it("NovelAI's file keeps what NovelAI can hold, and reads back", () => {
    const written = JSON.parse(writeNovelAiLorebook(entries)) as {
      lorebookVersion: number;
      entries: {
        displayName: string;
        contextConfig: { budgetPriority: number; insertionPosition: number };
      }[];
    };
    assert.equal(written.lorebookVersion, 5);
    assert.equal(written.entries[0]?.contextConfig.budgetPriority, 407);
    assert.equal(written.entries[1]?.contextConfig.insertionPosition, -3);
    const read = readLorebookFile(JSON.stringify(written));
    assert.equal(read.format, 'novelai');
    assert.deepEqual(
      read.entries.map((entry) => [
        entry.title,
        entry.priority,
        entry.position,
        entry.depthLines,
        entry.alwaysOn,
      ]),
      [
        ['Everard', 7, 'afterMemory', 0, false],
        ['', 0, 'atDepth', 2, true],
      ],
    );
  });
});
