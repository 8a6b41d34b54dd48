/**
 * Every piece of UI text in the renderer goes through the i18n layer, so the Chinese UI has no
 * English left in it. The scanner is the same one developers run by hand
 * (scripts/findUntranslatedStrings.ts); it is a backstop for the translations test, which checks
 * that each key has both languages.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { findUntranslatedStrings } from '../../scripts/findUntranslatedStrings.js';

describe('UI strings', () => {
  it('the renderer writes no UI text directly: every string comes from the translations', () => {
    const found = findUntranslatedStrings(['renderer']).map(
      ({ file, line, text }) => `${file}:${line} ${JSON.stringify(text)}`,
    );
    assert.deepEqual(found, []);
  });

  it('the scanner catches text in JSX, readable attributes and messages, and passes translated code', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'inkwell-ui-strings-'));
    try {
      writeFileSync(
        path.join(folder, 'Sample.tsx'),
        [
          'export const A = () => <button title="Save now">Save</button>;',
          "export const B = () => <input placeholder={t('search')} aria-label={t('label')} />;",
          "export const c = (report: (e: unknown, what: string) => void) => report(1, 'Could not save');",
          "export const d = () => { throw new Error('Developers only, not UI'); };",
          'export const e = <div data-testid="save-status" className="Quiet button">{t(\'saved\')}</div>;',
        ].join('\n'),
      );
      const found = findUntranslatedStrings([folder]).map(({ line, text }) => [line, text]);
      assert.deepEqual(found, [
        [1, 'Save now'],
        [1, 'Save'],
        [3, 'Could not save'],
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
