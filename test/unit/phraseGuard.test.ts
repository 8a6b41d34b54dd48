import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PhraseGuard } from '../../electron/engine/remote/phraseGuard.js';

describe('the banned-phrase guard on streamed text', () => {
  const guard = new PhraseGuard([' was a', 'was a']);

  it('lets text through that no phrase can start in', () => {
    assert.deepEqual(guard.check('He sat down', 0), { kind: 'release', upTo: 11 });
  });

  it('holds back a tail that could still grow into a phrase', () => {
    assert.deepEqual(guard.check('He was', 0), { kind: 'release', upTo: 2 });
    assert.deepEqual(guard.check('He was ', 2), { kind: 'release', upTo: 2 });
    // It grew into something else: all of it goes.
    assert.deepEqual(guard.check('He was tired', 2), { kind: 'release', upTo: 12 });
  });

  it('finds a phrase where it starts, the earliest form first', () => {
    assert.deepEqual(guard.check('He was a', 2), { kind: 'found', at: 2 });
    assert.deepEqual(guard.check('was a man', 0), { kind: 'found', at: 0 });
  });

  it('lets everything through when nothing is banned', () => {
    assert.deepEqual(new PhraseGuard([]).check('He was', 0), { kind: 'release', upTo: 6 });
  });
});
