import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitPromptToContext } from '../../electron/engine/host/promptFit.js';
import { threadCandidates } from '../../electron/engine/host/threadTuning.js';

const tokens = (count: number): number[] => Array.from({ length: count }, (_, index) => index);

describe('fitting a prompt into the context', () => {
  it('leaves a prompt that fits untouched', () => {
    const fit = fitPromptToContext(tokens(100), {
      contextSize: 1024,
      maxTokens: 80,
      reservedTokens: 0,
    });
    assert.equal(fit.dropped, 0);
    assert.deepEqual(fit.tokens, tokens(100));
    assert.equal(fit.maxTokens, 80);
  });

  it('drops the oldest tokens so that prompt + new tokens fit exactly', () => {
    const fit = fitPromptToContext(tokens(2000), {
      contextSize: 1024,
      maxTokens: 100,
      reservedTokens: 1,
    });
    assert.equal(fit.tokens.length + 1 + fit.maxTokens, 1024);
    assert.equal(fit.dropped, 2000 - 923);
    assert.equal(fit.tokens[fit.tokens.length - 1], 1999, 'the text nearest the cursor stays');
    assert.equal(fit.tokens[0], fit.dropped);
  });

  it('never starts the prompt in the middle of a character', () => {
    const midCharacter = new Set([5, 6]);
    const fit = fitPromptToContext(
      tokens(20),
      { contextSize: 20, maxTokens: 5, reservedTokens: 0 },
      (token) => midCharacter.has(token),
    );
    assert.equal(fit.tokens[0], 7);
    assert.equal(fit.dropped, 7);
  });

  it('lowers a new-token budget larger than the context, keeping one prompt token', () => {
    const fit = fitPromptToContext(tokens(50), {
      contextSize: 64,
      maxTokens: 500,
      reservedTokens: 0,
    });
    assert.equal(fit.maxTokens, 63);
    assert.deepEqual(fit.tokens, [49]);
  });
});

describe('thread counts worth measuring', () => {
  it('tries powers of two up to the core count, and the core count itself', () => {
    assert.deepEqual(threadCandidates(1), [1]);
    assert.deepEqual(threadCandidates(2), [1, 2]);
    assert.deepEqual(threadCandidates(6), [1, 2, 4, 6]);
    assert.deepEqual(threadCandidates(16), [1, 2, 4, 8, 16]);
  });
});
