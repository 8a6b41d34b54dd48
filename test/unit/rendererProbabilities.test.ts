/**
 * The probabilities view's mapping from token steps to the pending text it tints (kept text is
 * not tinted, a token partly kept shows its pending part, blank lines are spelled as the
 * pending node shows them, the tint follows the probability), and the continue controller's
 * branch from a chosen token, against a fake server.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { $createParagraphNode, $createTextNode, $getRoot, createEditor } from 'lexical';
import { ContinueController } from '../../renderer/editor/continue/continueController.js';
import { createContinuePort } from '../../renderer/editor/continue/continuePort.js';
import {
  createContinueStores,
  type ShownStep,
} from '../../renderer/editor/continue/continueState.js';
import { $getPendingNode } from '../../renderer/editor/continue/pendingText.js';
import { PendingTextNode } from '../../renderer/editor/continue/PendingTextNode.js';
import { ContinueServer } from './support/continueServer.js';
import {
  formatPercent,
  pendingTokenRanges,
  probabilityLevel,
  tokenAt,
  visibleToken,
} from '../../renderer/editor/probabilities/heatMap.js';

// Frames, as a browser would give them (Node has none).
globalThis.requestAnimationFrame ??= (callback: FrameRequestCallback): number =>
  Number(setTimeout(() => callback(performance.now()), 0));
const settle = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

const step = (text: string, p: number, index: number): ShownStep => ({
  text,
  p,
  alternatives: [{ text, p }],
  generationId: 'g1',
  index,
});

describe('the heat map of the suggestion', () => {
  it('tints less likely tokens more strongly, in five levels', () => {
    assert.deepEqual(
      [0.01, 0.1, 0.2, 0.3, 0.6, 0.85, 1].map(probabilityLevel),
      [0, 1, 1, 2, 3, 4, 4],
    );
  });

  it('places each pending token in the shown text, leaving kept text out', () => {
    const steps = [step('The', 0.9, 0), step(' lamp', 0.3, 1), step(' was', 0.05, 2)];
    // Nothing kept: every token, where it is.
    assert.deepEqual(pendingTokenRanges(steps, 0, 'The lamp was'), [
      { step: 0, start: 0, end: 3, level: 4 },
      { step: 1, start: 3, end: 8, level: 2 },
      { step: 2, start: 8, end: 12, level: 0 },
    ]);
    // "The la" was typed through: " lamp" shows its pending "mp", "The" is the writer's now.
    assert.deepEqual(pendingTokenRanges(steps, 6, 'mp was'), [
      { step: 1, start: 0, end: 2, level: 2 },
      { step: 2, start: 2, end: 6, level: 0 },
    ]);
  });

  it('follows the pending node where it spells blank lines its own way', () => {
    const steps = [step('Night.', 0.5, 0), step('\n\n\n', 0.5, 1), step('Day', 0.5, 2)];
    const ranges = pendingTokenRanges(steps, 0, 'Night.\n\n\nDay');
    // The node shows "Night.\n\nDay": the break is two characters there, not three.
    assert.deepEqual(
      ranges.map((range) => [range.start, range.end]),
      [
        [0, 6],
        [6, 8],
        [8, 11],
      ],
    );
    assert.equal(tokenAt(ranges, 9)?.step, 2);
    assert.equal(tokenAt(ranges, 11), null);
  });

  it('says probabilities and tokens so they can be read', () => {
    assert.equal(formatPercent(0.342, 'en-US'), '34%');
    assert.equal(formatPercent(0.042, 'en-US'), '4.2%');
    assert.equal(visibleToken(' the'), '␣the');
    assert.equal(visibleToken('\n'), '↵');
    assert.equal(visibleToken(''), '∅');
  });
});

describe('choosing another token of the suggestion', () => {
  it('cuts the text after it, puts the chosen token in, and streams a branch recorded at it', async () => {
    const editor = createEditor({
      namespace: 'inkwell-branch-test',
      nodes: [PendingTextNode],
      onError: (error) => {
        throw error;
      },
    });
    editor.update(
      () => {
        $getRoot().append($createParagraphNode().append($createTextNode('The keeper')));
        $getRoot().selectEnd();
      },
      { discrete: true },
    );
    const server = new ContinueServer();
    const stores = createContinueStores();
    const controller = new ContinueController({
      editor,
      port: createContinuePort(server),
      documentId: 'document-1',
      stores,
      reportError: (error) => assert.fail(String(error)),
      onIdle: () => undefined,
    });
    const pending = (): string | undefined =>
      editor.getEditorState().read(() => $getPendingNode(controller.pendingNodeKey)?.getText());
    controller.continueAtCursor();
    await settle();
    server.tokens(' climbed', ' the', ' stairs', ' slowly');
    await settle(20);
    assert.equal(pending(), ' climbed the stairs slowly');
    const parent = server.starts[0]!.generationId;
    assert.equal(stores.shownSteps.get()?.steps.length, 4);

    controller.branchAt(2, ' other');
    await settle();
    assert.equal(pending(), ' climbed the other', 'cut after the token, the chosen one in');
    const branch = server.starts[1]!;
    assert.equal(branch.textBeforeCursor, 'The keeper climbed the other');
    assert.equal(branch.parentId, parent);
    assert.deepEqual(branch.branch, { tokenIndex: 2, prefix: ' climbed the other' });

    server.tokens(' door');
    await settle(20);
    assert.equal(pending(), ' climbed the other door');
    const shown = stores.shownSteps.get()?.steps ?? [];
    assert.deepEqual(
      shown.map((entry) => [entry.text, entry.generationId === parent]),
      [
        [' climbed', true],
        [' the', true],
        [' other', true],
        [' door', false],
      ],
      'the lead keeps its parent’s steps; the branch’s own follow',
    );

    // A branch of the branch, at its first own token: its parent is the branch, its prefix only
    // the branch's own output before that token.
    controller.branchAt(3, ' other');
    await settle();
    const second = server.starts[2]!;
    assert.equal(second.parentId, branch.generationId);
    assert.deepEqual(second.branch, { tokenIndex: 0, prefix: ' other' });
    assert.equal(second.textBeforeCursor, 'The keeper climbed the other other');
    controller.dispose();
  });
});
