/**
 * The size main expects a template's document to have once the editor opens it is never below
 * what the editor really saves: the editor's own conversion (a paragraph a line) run in
 * headless Lexical, serialized as autosave sends it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editorJsonOf } from './support/editorJson.js';
import { editorJsonUpperBound, fitsInDocument } from '../../electron/templates/documentSize.js';
import { MAX_DOCUMENT_JSON_CHARS } from '../../shared/schemas/documents.js';

describe("a template document's size in the editor", () => {
  it('is bounded above for every kind of line', () => {
    const texts = [
      '',
      'a',
      'Title\n\nBy Someone\n\nOnce upon a time',
      '\n'.repeat(2_000),
      'x\n'.repeat(2_000),
      '"quoted" \\ back\u0001slash\ttab',
      'Zoë 🦊 東京 — «ça»\n'.repeat(300),
      'word '.repeat(20_000),
    ];
    for (const text of texts) {
      const real = editorJsonOf(text).length;
      const bound = editorJsonUpperBound(text);
      assert.ok(real <= bound, `${JSON.stringify(text.slice(0, 20))}: ${real} > ${bound}`);
      // Close enough to be useful: a bound ten times too high would refuse real documents.
      assert.ok(bound < real * 1.5 + 200, `${JSON.stringify(text.slice(0, 20))}: ${bound}`);
    }
  });

  it('refuses text whose lines would make JSON over the cap, though the text is small', () => {
    const lines = '\n'.repeat(60_000);
    assert.ok(lines.length < MAX_DOCUMENT_JSON_CHARS / 100);
    assert.equal(fitsInDocument(lines), false);
    assert.ok(editorJsonOf(lines).length > MAX_DOCUMENT_JSON_CHARS);
    assert.equal(fitsInDocument('An ordinary opening.\n\n'), true);
  });
});
