import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contextParts } from '../../renderer/ui/contextParts.js';

describe("the context bar's parts", () => {
  it('splits the context into memory, lorebook, note, story text, the output and what is free', () => {
    const parts = contextParts({
      promptTokens: 300,
      maxNewTokens: 80,
      contextSize: 512,
      droppedTokens: 0,
      parts: { memory: 20, authorsNote: 10, text: 231, lore: 40 },
    });
    assert.deepEqual(parts, [
      { part: 'memory', tokens: 20 },
      { part: 'lore', tokens: 40 },
      { part: 'note', tokens: 10 },
      // The whole prompt less the other parts: counted apart, a join can differ by a token.
      { part: 'text', tokens: 230 },
      { part: 'output', tokens: 80 },
      { part: 'free', tokens: 132 },
    ]);
  });

  it('counts the whole prompt as text when the engine gave no parts (a finished text)', () => {
    const parts = contextParts({
      promptTokens: 500,
      maxNewTokens: 12,
      contextSize: 512,
      droppedTokens: 3,
    });
    assert.deepEqual(
      parts.map((part) => part.tokens),
      [0, 0, 0, 500, 12, 0],
    );
  });
});
