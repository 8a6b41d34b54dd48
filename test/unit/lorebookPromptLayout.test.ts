import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LoreInsert } from '../../shared/schemas/generations.js';
import { assemblePrompt, type PromptAssemblyInput } from '../../electron/engine/promptAssembly.js';
import { chooseLore, tokensFromEnd } from '../../electron/engine/promptLayout.js';
import { gpt2LikeCounter } from './support/gpt2LikeCounter.js';

const count = gpt2LikeCounter();
const lore = (id: string, text: string, extra: Partial<LoreInsert> = {}): LoreInsert => ({
  id,
  text,
  priority: 0,
  position: 'beforeNote',
  depthLines: 0,
  ...extra,
});
const assemble = (input: Partial<PromptAssemblyInput>) =>
  assemblePrompt(
    {
      memory: '',
      authorsNote: '',
      textBeforeCursor: '',
      contextSize: 512,
      maxNewTokens: 40,
      loreBudgetTokens: 200,
      ...input,
    },
    count,
  );
const story = ['one', 'two', 'three', 'four', 'five'].join('\n');

describe('lorebook entries in the prompt', () => {
  it('puts each entry at its position: after memory, before the note, or at a depth', () => {
    const plan = assemble({
      memory: 'Memory.',
      authorsNote: 'Gloomy.',
      textBeforeCursor: story,
      lore: [
        lore('a', 'After memory.', { position: 'afterMemory' }),
        lore('b', 'Before note.'),
        lore('c', 'Deep.', { position: 'atDepth', depthLines: 4 }),
      ],
    });
    assert.equal(
      plan.text,
      "Memory.\n\nAfter memory.\none\nDeep.\ntwo\nBefore note.\n[Author's note: Gloomy.]\nthree\nfour\nfive",
    );
  });

  it('marks where each part lies, and the parts cover the prompt exactly', () => {
    const plan = assemble({
      memory: 'Memory.',
      authorsNote: 'Gloomy.',
      textBeforeCursor: story,
      lore: [lore('b', 'Before note.')],
    });
    const pieces = plan.segments.map((segment) => [
      segment.part,
      segment.entryId ?? null,
      plan.text.slice(segment.start, segment.end),
    ]);
    assert.deepEqual(pieces, [
      ['memory', null, 'Memory.\n\n'],
      ['text', null, 'one\ntwo\n'],
      ['lore', 'b', 'Before note.\n'],
      ['note', null, "[Author's note: Gloomy.]\n"],
      ['text', null, 'three\nfour\nfive'],
    ]);
    assert.equal(plan.segments.at(-1)?.end, plan.text.length);
  });

  it('places entries in a fixed order whatever order they were activated in', () => {
    const entries = [
      lore('m', 'Mid.', { priority: 5 }),
      lore('z', 'Low.', { priority: -1 }),
      lore('a', 'High.', { priority: 9 }),
      lore('b', 'Also mid.', { priority: 5 }),
    ];
    const forward = assemble({ textBeforeCursor: 'Story.', lore: entries });
    const backward = assemble({ textBeforeCursor: 'Story.', lore: [...entries].reverse() });
    assert.equal(forward.text, backward.text);
    // The highest priority ends nearest the story text.
    assert.equal(forward.text, 'Low.\nAlso mid.\nMid.\nHigh.\nStory.');
  });

  it('takes entries by priority until the budget is spent, leaving out whole entries that do not fit', () => {
    const entries = [
      lore('big', 'one two three four five six', { priority: 3 }),
      lore('top', 'alpha beta', { priority: 9 }),
      lore('small', 'tiny', { priority: 1 }),
    ];
    const choice = chooseLore(entries, 6, count);
    assert.deepEqual(choice.report, [
      { id: 'top', tokens: 3, included: true },
      { id: 'big', tokens: 7, included: false },
      { id: 'small', tokens: 2, included: true },
    ]);
    assert.equal(choice.tokens, 5);
    const plan = assemble({ textBeforeCursor: 'Story.', lore: entries, loreBudgetTokens: 6 });
    assert.equal(plan.text, 'tiny\nalpha beta\nStory.');
    assert.equal(plan.parts.lore, 5);
    assert.equal(plan.loreBudgetTokens, 6);
  });

  it('never lets the lorebook take more than half the room the memory and note leave', () => {
    const plan = assemble({
      textBeforeCursor: 'Story.',
      contextSize: 60,
      maxNewTokens: 40,
      loreBudgetTokens: 1000,
      lore: [lore('a', Array.from({ length: 15 }, () => 'w').join(' '))],
    });
    assert.equal(plan.loreBudgetTokens, 10);
    assert.deepEqual(plan.lore, [{ id: 'a', tokens: 16, included: false }]);
    assert.equal(plan.text, 'Story.');
  });

  it('keeps the entries when the text is trimmed to fit', () => {
    const long = Array.from({ length: 400 }, (_, index) => `word${index}`).join(' ');
    const plan = assemble({
      textBeforeCursor: long,
      contextSize: 128,
      maxNewTokens: 20,
      lore: [lore('a', 'Kept entry.', { position: 'afterMemory' })],
    });
    assert.ok(plan.text.startsWith('Kept entry.\n'));
    assert.ok(plan.text.endsWith('word399'));
    assert.ok(plan.droppedTokens > 0);
    assert.ok(plan.promptTokens <= 108);
  });
});

describe("the author's note depth", () => {
  it('in lines: the note goes before the last n lines', () => {
    const plan = assemble({ authorsNote: 'N', textBeforeCursor: story, noteDepthLines: 1 });
    assert.equal(plan.text, "one\ntwo\nthree\nfour\n[Author's note: N]\nfive");
    assert.deepEqual(plan.noteDepth, { unit: 'lines', amount: 1 });
  });

  it('in tokens: the note goes at the word boundary with at least n tokens after it', () => {
    const text = 'The rain fell on the old roof all night long.';
    assert.equal(tokensFromEnd(text, 3, count), ' night long.'.length);
    const plan = assemble({ authorsNote: 'N', textBeforeCursor: text, noteDepthTokens: 3 });
    assert.equal(plan.text, "The rain fell on the old roof all\n[Author's note: N]\nnight long.");
    assert.deepEqual(plan.noteDepth, { unit: 'tokens', amount: 3 });
  });

  it('in tokens, with fewer tokens than that: the note goes first', () => {
    const plan = assemble({ authorsNote: 'N', textBeforeCursor: 'Short.', noteDepthTokens: 50 });
    assert.equal(plan.text, "[Author's note: N]\nShort.");
  });
});
