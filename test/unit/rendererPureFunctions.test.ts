import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffDelay } from '../../renderer/api/backoff.js';
import { countCharacters, countWords } from '../../shared/textCounts.js';
import { formatDocumentHash, parseDocumentHash } from '../../renderer/app/documentHash.js';
import { parseSnippet } from '../../renderer/panels/snippet.js';
import { comboLabel, matchesCombo } from '../../renderer/keyboard/keyCombo.js';

describe('word count', () => {
  it('counts space-separated words and ignores stray punctuation', () => {
    assert.equal(countWords('Hello, world — again.'), 3);
    assert.equal(countWords('  \n\t '), 0);
  });
  it('counts each Chinese or Japanese character as a word', () => {
    assert.equal(countWords('你好世界'), 4);
    assert.equal(countWords('Hello 你好'), 3);
    assert.equal(countWords('ひらがなカタカナ'), 8);
  });
  it('counts Korean by spaces, as Korean is written with them', () => {
    assert.equal(countWords('안녕하세요 세계'), 2);
  });
  it('counts characters as code points without line breaks', () => {
    assert.equal(countCharacters('a😀\nb'), 3);
  });
});

describe('document hash', () => {
  it('round-trips a document id', () => {
    assert.equal(parseDocumentHash(formatDocumentHash('abcDEF12_-')), 'abcDEF12_-');
  });
  it('refuses what is not a document id', () => {
    assert.equal(parseDocumentHash('#doc=short'), null);
    assert.equal(parseDocumentHash('#doc=../../etc'), null);
    assert.equal(parseDocumentHash(''), null);
  });
});

describe('reconnect backoff', () => {
  const options = { initialMs: 250, maxMs: 5000 };
  it('doubles from the initial delay up to the cap', () => {
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5, 10].map((attempt) => backoffDelay(attempt, options)),
      [250, 500, 1000, 2000, 4000, 5000, 5000],
    );
  });
  it('takes at most the jitter fraction off', () => {
    assert.equal(
      backoffDelay(2, { ...options, jitter: 0.5 }, () => 1),
      500,
    );
    assert.equal(
      backoffDelay(2, { ...options, jitter: 0.5 }, () => 0),
      1000,
    );
  });
});

describe('search snippet', () => {
  it('marks the bracketed matches', () => {
    assert.deepEqual(parseSnippet('a [cat] sat'), [
      { text: 'a ', match: false },
      { text: 'cat', match: true },
      { text: ' sat', match: false },
    ]);
  });
});

describe('key combos', () => {
  const event = { code: 'KeyN', ctrlKey: true, metaKey: false, altKey: true, shiftKey: false };
  it('matches by physical key with exactly the given modifiers', () => {
    assert.equal(matchesCombo(event, { code: 'KeyN', mod: true, alt: true }, false), true);
    assert.equal(matchesCombo(event, { code: 'KeyN', mod: true }, false), false);
  });
  it('uses Cmd as the main modifier on Apple keyboards', () => {
    assert.equal(matchesCombo(event, { code: 'KeyN', mod: true, alt: true }, true), false);
    assert.equal(comboLabel({ code: 'Digit1', mod: true, alt: true }, true), '⌘⌥1');
    assert.equal(comboLabel({ code: 'Digit1', mod: true, alt: true }, false), 'Ctrl+Alt+1');
  });
});
