import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../shared/errors.js';
import {
  assemblePrompt,
  WINDOW_FILL,
  cutPoints,
  type TokenCounter,
} from '../../electron/engine/promptAssembly.js';

/**
 * A stand-in for the engine's tokenizer with GPT-2's pre-tokenizer rules, one token per
 * pre-token: enough to check where cuts land, and it records how much text it was shown.
 */
function gpt2LikeCounter(): TokenCounter & { longestText: number; calls: number } {
  const pattern = / ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/gu;
  const counter = Object.assign(
    (text: string) => {
      counter.calls += 1;
      counter.longestText = Math.max(counter.longestText, text.length);
      return text.match(pattern)?.length ?? 0;
    },
    { longestText: 0, calls: 0 },
  );
  return counter;
}

const words = (count: number, offset = 0): string =>
  Array.from({ length: count }, (_, index) => `word${index + offset}`).join(' ');

describe('prompt assembly', () => {
  it('puts the memory first, followed by a blank line', async () => {
    const plan = assemblePrompt(
      {
        memory: '  Ada is a lighthouse keeper.  ',
        authorsNote: '',
        textBeforeCursor: 'The storm came at night.',
        contextSize: 512,
        maxNewTokens: 40,
      },
      gpt2LikeCounter(),
    );
    assert.equal(plan.text, 'Ada is a lighthouse keeper.\n\nThe storm came at night.');
    assert.equal(plan.droppedTokens, 0);
    assert.equal(plan.maxNewTokens, 40);
    assert.equal(plan.contextSize, 512);
  });

  it("places the author's note on its own line three lines before the end", async () => {
    const text = ['one', 'two', 'three', 'four', 'five'].join('\n');
    const plan = assemblePrompt(
      {
        memory: '',
        authorsNote: 'Keep it gloomy.',
        textBeforeCursor: text,
        contextSize: 512,
        maxNewTokens: 40,
      },
      gpt2LikeCounter(),
    );
    assert.equal(plan.text, "one\ntwo\n[Author's note: Keep it gloomy.]\nthree\nfour\nfive");
  });

  it('puts the note first when the text has no more lines than the depth', () => {
    const withNote = (text: string, authorsNote: string, noteDepthLines: number): string =>
      assemblePrompt(
        {
          memory: '',
          authorsNote,
          textBeforeCursor: text,
          contextSize: 512,
          maxNewTokens: 40,
          noteDepthLines,
        },
        gpt2LikeCounter(),
      ).text;
    assert.equal(withNote('a\nb', 'N', 3), "[Author's note: N]\na\nb");
    assert.equal(withNote('a\nb\nc\nd', 'N', 1), "a\nb\nc\n[Author's note: N]\nd");
    assert.equal(withNote('a', '', 3), 'a');
  });

  it('trims from the left on a token boundary so that prompt and new tokens fit', async () => {
    const counter = gpt2LikeCounter();
    const text = words(300);
    const plan = assemblePrompt(
      {
        memory: 'Memory stays.',
        authorsNote: 'Note stays.',
        textBeforeCursor: text,
        contextSize: 100,
        maxNewTokens: 20,
        // Wide enough that the whole text is counted: the dropped count is then exact.
        charsPerTokenBudget: 100,
      },
      counter,
    );
    assert.ok(plan.promptTokens + plan.maxNewTokens <= plan.contextSize);
    assert.equal(plan.promptTokens, counter(plan.text));
    assert.ok(plan.text.startsWith('Memory stays.\n\n'));
    assert.ok(plan.text.endsWith('word299'), 'the text nearest the cursor is kept');
    // The kept text starts at a word (with its leading space): a boundary GPT-2 splits at.
    // One line of text: the note goes before it.
    const kept = plan.text.slice("Memory stays.\n\n[Author's note: Note stays.]\n".length);
    assert.match(kept, /^ word\d+ /);
    // A new window fills WINDOW_FILL of the room the memory and note leave: each word is two
    // tokens (" word", "17"), and one more would go past it.
    const firstKept = Number(/^ word(\d+)/.exec(kept)?.[1]);
    const fixed = counter("Memory stays.\n\n[Author's note: Note stays.]\n");
    const target = fixed + Math.floor((plan.contextSize - plan.maxNewTokens - fixed) * WINDOW_FILL);
    assert.ok(plan.promptTokens <= target && plan.promptTokens + 2 > target);
    assert.equal(plan.droppedTokens, 2 * firstKept);
    assert.equal(plan.droppedTokensEstimated, false);
  });

  it('keeps the window where it began while the growing text still fits, then starts anew', async () => {
    const counter = gpt2LikeCounter();
    const input = { memory: '', authorsNote: '', contextSize: 100, maxNewTokens: 20 };
    const first = assemblePrompt({ ...input, textBeforeCursor: words(300) }, counter);
    assert.ok(first.windowAnchor, 'a cut text says where its window began');
    const startOf = (text: string) => /^ ?word(\d+)/.exec(text)?.[1];
    // Ten more words at the end: the same start, so the evaluated prefix is still valid.
    const grown = assemblePrompt(
      { ...input, textBeforeCursor: words(310), windowAnchor: first.windowAnchor },
      counter,
    );
    assert.equal(startOf(grown.text), startOf(first.text));
    assert.ok(grown.promptTokens > first.promptTokens);
    // So much more that it no longer fits: a new start, again with room to spare.
    const outgrown = assemblePrompt(
      { ...input, textBeforeCursor: words(360), windowAnchor: grown.windowAnchor },
      counter,
    );
    assert.notEqual(startOf(outgrown.text), startOf(first.text));
    assert.ok(outgrown.promptTokens <= 80 * WINDOW_FILL);
  });

  it('leaves a prompt that fits exactly as written', async () => {
    const plan = assemblePrompt(
      {
        memory: '',
        authorsNote: '',
        textBeforeCursor: '  Leading spaces stay. ',
        contextSize: 64,
        maxNewTokens: 8,
      },
      gpt2LikeCounter(),
    );
    assert.equal(plan.text, '  Leading spaces stay. ');
    assert.equal(plan.droppedTokens, 0);
  });

  it('refuses memory and note that do not fit on their own, and never trims them', async () => {
    assert.throws(
      () =>
        assemblePrompt(
          {
            memory: words(90),
            authorsNote: 'A note.',
            textBeforeCursor: 'Some text.',
            contextSize: 100,
            maxNewTokens: 20,
          },
          gpt2LikeCounter(),
        ),
      (error: unknown) =>
        error instanceof ApiError &&
        error.code === 'invalid_request' &&
        /memory and author's note take \d+ tokens/.test(error.message),
    );
  });

  it('refuses a max new tokens that leaves no room for a prompt', async () => {
    assert.throws(
      () =>
        assemblePrompt(
          { memory: '', authorsNote: '', textBeforeCursor: 'x', contextSize: 64, maxNewTokens: 64 },
          gpt2LikeCounter(),
        ),
      (error: unknown) => error instanceof ApiError && error.code === 'invalid_request',
    );
  });

  it('tokenizes only a window at the end of a 50,000-word document', async () => {
    const counter = gpt2LikeCounter();
    const text = words(50_000);
    const contextSize = 512;
    const plan = assemblePrompt(
      {
        memory: 'Short memory.',
        authorsNote: 'Short note.',
        textBeforeCursor: text,
        contextSize,
        maxNewTokens: 80,
      },
      counter,
    );
    const scaffold = 'Short memory.\n\n'.length + "[Author's note: Short note.]\n".length;
    assert.ok(counter.longestText <= contextSize * 8 + scaffold, `saw ${counter.longestText}`);
    assert.ok(counter.calls < 30, `${counter.calls} counts`);
    assert.ok(plan.text.endsWith('word49999'));
    assert.ok(plan.promptTokens <= contextSize - 80);
    assert.equal(plan.droppedTokensEstimated, true);
    // Roughly two tokens per word (" word" + digits): the estimate is in the right range.
    assert.ok(plan.droppedTokens > 90_000 && plan.droppedTokens < 110_000, `${plan.droppedTokens}`);
  });

  it('cuts before the last whitespace ahead of each word, or between code points without any', () => {
    assert.deepEqual(cutPoints('ab  cd\nef'), [0, 3, 6, 9]);
    assert.deepEqual(cutPoints('a😀b'), [0, 1, 3, 4]);
    assert.deepEqual(cutPoints(''), [0]);
  });
});
