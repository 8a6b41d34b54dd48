import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PromptFit } from '../../shared/schemas/generations.js';
import { LONG_PART_CHARS, promptPieces } from '../../renderer/panels/contextViewer/promptPieces.js';

function fitOf(memory: string, story: string): PromptFit {
  const promptText = memory + story;
  return {
    promptText,
    plan: { promptTokens: 10, maxNewTokens: 5, contextSize: 100, droppedTokens: 0 },
    segments: [
      { part: 'memory', start: 0, end: memory.length },
      { part: 'text', start: memory.length, end: promptText.length },
    ],
  };
}

describe("the context viewer's prompt text", () => {
  it('shows short parts whole', () => {
    const pieces = promptPieces(fitOf('Memory.\n', 'A short story.'), false);
    assert.deepEqual(
      pieces.map((piece) => [piece.part, piece.text, piece.elided]),
      [
        ['memory', 'Memory.\n', 0],
        ['text', 'A short story.', 0],
      ],
    );
  });

  it('shows a long part as its beginning and end, saying how much lies between, and whole on request', () => {
    const story = Array.from({ length: 800 }, (_, index) => `w${index} `).join('');
    assert.ok(story.length > LONG_PART_CHARS);
    const fit = fitOf('Memory.\n', story);
    const pieces = promptPieces(fit, false);
    const [memory, head, tail] = pieces;
    assert.equal(pieces.length, 3);
    assert.equal(memory?.text, 'Memory.\n');
    assert.ok(story.startsWith(head?.text ?? '?'));
    assert.ok(story.endsWith(tail?.text ?? '?'), 'the end, next to the cursor, is shown');
    assert.equal(
      (head?.text.length ?? 0) + (head?.elided ?? 0) + (tail?.text.length ?? 0),
      story.length,
      'the marker counts exactly what is not shown',
    );
    assert.ok((head?.elided ?? 0) > 0);
    assert.equal(
      promptPieces(fit, true)
        .map((piece) => piece.text)
        .join(''),
      fit.promptText,
    );
  });
});
