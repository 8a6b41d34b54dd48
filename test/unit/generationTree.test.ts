/**
 * The tree of a document's continues, from their records: alternatives are siblings, a continue
 * after kept text is its child, a branch from a token a child at that token (its own
 * alternatives branch there too); the text of each path; and "Use this branch", which replaces
 * the tree's text in the document, or says why it cannot when the document was edited since.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TreeRecord } from '../../shared/channels/probabilities.js';
import {
  buildTree,
  moveInTree,
  pathText,
  planBranchUse,
  visibleNodes,
} from '../../renderer/panels/tree/generationTree.js';

let clock = 0;
function record(id: string, fields: Partial<TreeRecord>): TreeRecord {
  clock += 1;
  return {
    id,
    parentId: null,
    spotId: id,
    output: '',
    finishReason: 'length',
    accepted: false,
    acceptedText: null,
    createdAt: clock,
    branch: null,
    anchor: 'The keeper',
    bookmarked: false,
    ...fields,
  };
}

/** The keeper climbed… — a root, its alternative, a branch from its third token, a continue. */
const records = [
  record('root', { output: ' climbed the stairs slowly.' }),
  record('alt', { spotId: 'root', output: ' lit the lamp.' }),
  record('branch', {
    parentId: 'root',
    output: ' tower at dusk.',
    branch: { tokenIndex: 2, prefix: ' climbed the old' },
  }),
  record('branchAlt', { parentId: 'root', spotId: 'branch', output: ' ladder.' }),
  record('next', { parentId: 'alt', output: ' Ships came.', anchor: 'The keeper lit the lamp.' }),
];
records[1] = { ...records[1]!, accepted: true, acceptedText: ' lit the lamp.' };

describe('the tree of continues', () => {
  const tree = buildTree(records);
  const node = (id: string) => tree.byId.get(id)!;

  it('puts alternatives side by side, continues and branches under their parent', () => {
    assert.deepEqual(
      tree.roots.map((root) => root.record.id),
      ['root', 'alt'],
    );
    assert.deepEqual(
      node('root').children.map((child) => child.record.id),
      ['branch', 'branchAlt'],
    );
    assert.deepEqual(
      node('alt').children.map((child) => child.record.id),
      ['next'],
    );
    assert.equal(node('branchAlt').depth, 1);
    assert.deepEqual(
      node('branchAlt').branch,
      { tokenIndex: 2, prefix: ' climbed the old' },
      'an alternative of a branch branches at the same token',
    );
  });

  it('spells each path as the document would read it', () => {
    assert.equal(pathText(node('root')), ' climbed the stairs slowly.');
    assert.equal(pathText(node('branch')), ' climbed the old tower at dusk.');
    assert.equal(pathText(node('branchAlt')), ' climbed the old ladder.');
    assert.equal(pathText(node('next')), ' lit the lamp. Ships came.');
    assert.equal(pathText(node('alt'), 'kept'), ' lit the lamp.');
  });

  it('is walked with the arrow keys, collapsed nodes hiding their children', () => {
    const collapsed = new Set<string>();
    const shown = visibleNodes(tree, collapsed);
    assert.deepEqual(
      shown.map((entry) => entry.record.id),
      ['root', 'branch', 'branchAlt', 'alt', 'next'],
    );
    assert.equal(moveInTree(shown, node('root'), 'ArrowRight', collapsed).record.id, 'branch');
    assert.equal(moveInTree(shown, node('branchAlt'), 'ArrowLeft', collapsed).record.id, 'root');
    assert.equal(moveInTree(shown, node('branchAlt'), 'ArrowDown', collapsed).record.id, 'alt');
    const folded = new Set(['root']);
    const fewer = visibleNodes(tree, folded);
    assert.deepEqual(
      fewer.map((entry) => entry.record.id),
      ['root', 'alt', 'next'],
    );
    assert.equal(moveInTree(fewer, node('root'), 'ArrowRight', folded).record.id, 'root');
  });

  it('uses a branch in place of the tree text that is in the document now', () => {
    // The writer kept " lit the lamp." after "The keeper", and wrote on after it.
    const document = 'The keeper lit the lamp. Then night fell.';
    const use = planBranchUse(document, node('branch'), tree);
    assert.ok(use.ok);
    const changed = document.slice(0, use.start) + use.text + document.slice(use.end);
    assert.equal(changed, 'The keeper climbed the old tower at dusk. Then night fell.');
  });

  it('puts a branch in after the anchor when nothing of the tree was kept', () => {
    const fresh = buildTree([
      record('a', { output: ' one.' }),
      record('b', { parentId: 'a', output: ' two.', branch: { tokenIndex: 0, prefix: ' uno' } }),
    ]);
    const use = planBranchUse('The keeper', fresh.byId.get('b')!, fresh);
    assert.deepEqual(use, { ok: true, start: 10, end: 10, text: ' uno two.' });
  });

  it('says what it cannot do when the document was edited since', () => {
    const edited = planBranchUse('The keeper lit a candle. Then night fell.', node('branch'), tree);
    assert.deepEqual(edited, { ok: false, reason: 'edited' });
    const gone = planBranchUse('Someone else entirely.', node('branch'), tree);
    assert.deepEqual(gone, { ok: false, reason: 'anchorMissing' });
  });

  it('survives records that point at themselves in a loop', () => {
    const looped = buildTree([
      record('x', { parentId: 'y', output: 'x' }),
      record('y', { parentId: 'x', output: 'y' }),
    ]);
    assert.equal(looped.roots.length, 1);
    assert.equal(looped.byId.size, 2);
  });
});
