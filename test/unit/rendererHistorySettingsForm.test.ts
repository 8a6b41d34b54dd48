/** The generation settings form's pure helpers (named rendererHistory* to sit with the panels' tests). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  applyPreset,
  displayStopString,
  issueFor,
  matchesPreset,
  parseNumberInput,
  parseSeedInput,
  parseStopStringInput,
  presetName,
} from '../../renderer/panels/generationSettings/settingsForm.js';
import { i18n } from '../../renderer/i18n/i18n.js';
import { continueParams, type Preset } from '../../shared/schemas/generations.js';

const precise: Preset = {
  id: 'precise',
  name: 'Precise',
  builtIn: true,
  params: continueParams.parse({ temperature: 0.5, topK: 20, maxTokens: 60 }),
};

describe('generation settings form', () => {
  it('reads numbers as typed, refusing half-typed or fractional counts', () => {
    assert.equal(parseNumberInput('0.7', false), 0.7);
    assert.equal(parseNumberInput(' 20 ', true), 20);
    assert.equal(parseNumberInput('', false), null);
    assert.equal(parseNumberInput('abc', false), null);
    assert.equal(parseNumberInput('1.5', true), null);
    assert.equal(parseSeedInput('-1'), null);
    assert.equal(parseSeedInput('4294967296'), null);
    assert.equal(parseSeedInput('1234'), 1234);
  });

  it('turns \\n and \\t into a line break and a tab, and shows them back', () => {
    assert.equal(parseStopStringInput('\\n\\n'), '\n\n');
    assert.equal(parseStopStringInput('a\\tb\\\\n'), 'a\tb\\n');
    for (const stop of ['\n', 'THE END', 'a\\b', '\t\n']) {
      assert.equal(parseStopStringInput(displayStopString(stop)), stop);
    }
  });

  it('applies a preset but keeps the document’s own fixed seed', () => {
    const mine = continueParams.parse({ temperature: 1.2, seed: 99 });
    const applied = applyPreset(mine, precise);
    assert.equal(applied.temperature, 0.5);
    assert.equal(applied.seed, 99);
    assert.equal(applyPreset(continueParams.parse({}), precise).seed, undefined);
  });

  it('knows when params were adjusted away from their preset, ignoring the seed', () => {
    const applied = applyPreset(continueParams.parse({ seed: 5 }), precise);
    assert.equal(matchesPreset(applied, precise), true);
    assert.equal(matchesPreset({ ...applied, maxTokens: 20 }, precise), false);
    assert.equal(matchesPreset({ ...applied, stop: ['x'] }, precise), false);
  });

  it('finds the server’s message for a field or anything inside it', () => {
    const issues = [
      { path: 'params.stop.2', message: 'Too long' },
      { path: 'params.temperature', message: 'Too big' },
    ];
    assert.equal(issueFor(issues, 'params.temperature'), 'Too big');
    assert.equal(issueFor(issues, 'params.stop'), 'Too long');
    assert.equal(issueFor(issues, 'params.top'), null);
  });

  it('names built-in presets in the UI language and the writer’s own as they were named', async () => {
    const mine: Preset = { ...precise, id: 'p-1', name: 'Noir', builtIn: false };
    assert.equal(presetName(precise), 'Precise');
    await i18n.changeLanguage('zh-CN');
    try {
      assert.equal(presetName(precise), '精确');
      assert.equal(presetName(mine), 'Noir');
      // A built-in preset this renderer has no words for keeps the name main gave it.
      assert.equal(presetName({ ...precise, id: 'gentle', name: 'Gentle' }), 'Gentle');
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});
