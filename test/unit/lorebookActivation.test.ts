import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  loreEntryFields,
  type LoreEntry,
  type LoreEntryFieldsInput,
} from '../../shared/schemas/lorebook.js';
import { activateEntries } from '../../electron/generation/lorebook/activation.js';
import {
  REGEX_TIME_LIMIT_MS,
  RegexRunner,
  keyProblem,
  matchPlain,
  parseKey,
} from '../../electron/generation/lorebook/keyMatching.js';

const regexes = new RegexRunner();
let nextId = 0;
function entry(fields: LoreEntryFieldsInput): LoreEntry {
  nextId += 1;
  return { ...loreEntryFields.parse(fields), id: `e${nextId}`, documentId: 'doc', updatedAt: 0 };
}
const active = (entries: LoreEntry[], text: string) => activateEntries(entries, text, regexes);

describe('lorebook key matching', () => {
  it('matches a plain key as whole words, ignoring case unless asked', () => {
    assert.equal(matchPlain('Then ada spoke.', 'Ada', false), 'ada');
    assert.equal(matchPlain('Then ada spoke.', 'Ada', true), null);
    assert.equal(matchPlain('Adam spoke.', 'Ada', false), null, 'not inside a longer word');
    assert.equal(matchPlain('the Red Keep.', 'red keep', false), 'Red Keep');
    assert.equal(
      matchPlain('Dr. Who', 'Dr.', true),
      'Dr.',
      'a key ending in punctuation needs no boundary',
    );
    assert.equal(
      matchPlain('他去了北京很多次', '北京', false),
      '北京',
      'Chinese has no spaces between words: a Chinese key matches inside running text',
    );
    assert.equal(matchPlain('東京へ行く', '東京', true), '東京');
    assert.equal(
      matchPlain('在Adam家', 'Ada', false),
      null,
      'a Latin key beside Chinese text still needs its own word to end',
    );
  });

  it('reads /…/flags as a regex and anything else as plain text', () => {
    assert.deepEqual(parseKey('/ali(ce)?/i'), { kind: 'regex', source: 'ali(ce)?', flags: 'i' });
    assert.deepEqual(parseKey(' Alice '), { kind: 'plain', text: 'Alice' });
    assert.equal(
      keyProblem('/ali(ce/'),
      'Invalid regular expression: /ali(ce/: Unterminated group',
    );
    assert.match(keyProblem('/a/g') ?? '', /flags "g"/);
    assert.equal(keyProblem('/dragons?/i'), null);
  });

  it('stops a regex that backtracks without end at its time limit and says so', () => {
    const result = regexes.run('(a+)+$', '', `${'a'.repeat(40)}b`, REGEX_TIME_LIMIT_MS);
    assert.deepEqual(result, { matched: false, timedOut: true });
    // The runner is still usable afterwards.
    assert.deepEqual(regexes.run('b$', '', 'aab', REGEX_TIME_LIMIT_MS), {
      matched: true,
      text: 'b',
    });
  });
});

describe('lorebook activation', () => {
  it('activates an entry whose key appears, naming the key and what it matched', () => {
    const castle = entry({
      title: 'Castle',
      text: 'The castle is old.',
      keys: ['fortress', 'castle'],
    });
    const sea = entry({ title: 'Sea', text: 'The sea is grey.', keys: ['ocean'] });
    const { inserts, activations } = active([castle, sea], 'They rode to the Castle at dawn.');
    assert.deepEqual(
      inserts.map((insert) => insert.id),
      [castle.id],
    );
    assert.deepEqual(activations, [
      { entryId: castle.id, title: 'Castle', reason: 'key', key: 'castle', match: 'Castle' },
    ]);
  });

  it('matches regex keys, case-insensitively unless the entry is case-sensitive', () => {
    const regex = entry({ text: 'Dragons breathe fire.', keys: ['/dragons?/'] });
    const strict = entry({ text: 'x', keys: ['/Dragon/'], caseSensitive: true });
    const { activations } = active([regex, strict], 'a DRAGON flew');
    assert.deepEqual(
      activations.map((a) => [a.entryId, a.match]),
      [[regex.id, 'DRAGON']],
    );
  });

  it('searches only the last scanDepthChars characters before the cursor', () => {
    const near = entry({ text: 'x', keys: ['lantern'], scanDepthChars: 30 });
    const text = `The lantern was lit. ${'Nothing happened for a while. '.repeat(3)}`;
    assert.equal(active([near], text).inserts.length, 0);
    assert.equal(active([near], `${text}Then the lantern went out.`).inserts.length, 1);
  });

  it('always-on entries need no key; disabled or empty entries never activate', () => {
    const always = entry({ text: 'World rules.', alwaysOn: true });
    const off = entry({ text: 'x', keys: ['rules'], enabled: false });
    const empty = entry({ text: '   ', keys: ['rules'] });
    const { activations } = active([always, off, empty], 'rules rules');
    assert.deepEqual(activations, [{ entryId: always.id, title: '', reason: 'alwaysOn' }]);
  });

  it('reports an entry whose regex ran out of time and leaves it out of the prompt', () => {
    const slow = entry({ title: 'Slow', text: 'x', keys: ['/(a+)+$/'] });
    const { inserts, activations } = active([slow], `${'a'.repeat(40)}b`);
    assert.equal(inserts.length, 0);
    assert.deepEqual(activations, [
      { entryId: slow.id, title: 'Slow', reason: 'timedOut', key: '/(a+)+$/' },
    ]);
  });
});
