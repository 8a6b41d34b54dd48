/**
 * The tree of a document's continues, built from their records: alternatives for one spot are
 * siblings, a continue after kept text is that generation's child, and a branch from a token is
 * a child at that token (its siblings at the same spot branch there too). Pure, so the panel's
 * tree and "Use this branch" are tested without a page.
 */
import type { TreeRecord } from '../../../shared/channels/probabilities.js';

export interface TreeNode {
  record: TreeRecord;
  parent: TreeNode | null;
  children: TreeNode[];
  depth: number;
  /** Where it leaves its parent's text: its own branch point, or its spot's first one's. */
  branch: TreeRecord['branch'];
}

export interface GenerationTree {
  roots: TreeNode[];
  byId: Map<string, TreeNode>;
}

/** Records oldest first (as the tree channel gives them); children keep that order. */
export function buildTree(records: readonly TreeRecord[]): GenerationTree {
  const byId = new Map<string, TreeNode>();
  for (const record of records) {
    byId.set(record.id, { record, parent: null, children: [], depth: 0, branch: record.branch });
  }
  const roots: TreeNode[] = [];
  for (const node of byId.values()) {
    node.branch ??= byId.get(node.record.spotId)?.record.branch ?? null;
    const parent = node.record.parentId === null ? undefined : byId.get(node.record.parentId);
    if (parent && !isAncestor(node, parent)) {
      node.parent = parent;
      parent.children.push(node);
    } else {
      roots.push(node);
    }
  }
  const setDepth = (node: TreeNode, depth: number): void => {
    node.depth = depth;
    for (const child of node.children) setDepth(child, depth + 1);
  };
  for (const root of roots) setDepth(root, 0);
  return { roots, byId };
}

/** Guards against a cycle in damaged records: a node is never its own ancestor. */
function isAncestor(node: TreeNode, candidate: TreeNode): boolean {
  for (let at: TreeNode | null = candidate; at; at = at.parent) if (at === node) return true;
  return false;
}

export function pathTo(node: TreeNode): TreeNode[] {
  const path: TreeNode[] = [];
  for (let at: TreeNode | null = node; at; at = at.parent) path.unshift(at);
  return path;
}

export function rootOf(node: TreeNode): TreeNode {
  let at = node;
  while (at.parent) at = at.parent;
  return at;
}

/**
 * The text of the path from the root to `node`, as it reads in the document after the root's
 * anchor: each generation's kept text (or all of it, when nothing was kept) and, for a branch,
 * its parent's text up to the token with the chosen token instead. The last one gives all of
 * its output, or with `last: 'kept'` only what was kept of it.
 */
export function pathText(node: TreeNode, last: 'output' | 'kept' = 'output'): string {
  const path = pathTo(node);
  let text = '';
  path.forEach((step, index) => {
    const next = path[index + 1];
    text += step.branch?.prefix ?? '';
    if (next === undefined) {
      text += last === 'kept' ? (step.record.acceptedText ?? '') : step.record.output;
    } else if (next.branch === null) {
      text += step.record.acceptedText ?? step.record.output;
    }
  });
  return text;
}

/** Every node of the tree under a root (its spot's alternatives are roots of their own). */
function nodesUnder(root: TreeNode): TreeNode[] {
  const out: TreeNode[] = [root];
  for (const child of root.children) out.push(...nodesUnder(child));
  return out;
}

export type BranchUse =
  | { ok: true; start: number; end: number; text: string }
  /** anchorMissing: the text the tree was written after is gone; edited: its kept text changed. */
  | { ok: false; reason: 'anchorMissing' | 'edited' };

/**
 * How "Use this branch" changes the document: after the anchor of the node's tree, the text of
 * the path that is there now (the longest one of the tree's paths that the document still
 * reads) is replaced by the node's path. When the tree's kept text was edited since, or the
 * anchor is gone, it says so rather than guess.
 */
export function planBranchUse(
  documentText: string,
  node: TreeNode,
  tree: GenerationTree,
): BranchUse {
  const root = rootOf(node);
  const anchor = root.record.anchor;
  if (anchor === null) return { ok: false, reason: 'anchorMissing' };
  // The tree's roots at the same spot share the anchor: their paths are all candidates.
  const family = tree.roots
    .filter((other) => other.record.spotId === root.record.spotId)
    .flatMap(nodesUnder);
  const candidates = new Set<string>(['']);
  let anythingKept = false;
  for (const member of family) {
    candidates.add(pathText(member, 'output'));
    if (member.record.accepted) {
      anythingKept = true;
      candidates.add(pathText(member, 'kept'));
    }
  }
  const ordered = [...candidates].sort((a, b) => b.length - a.length);
  let anchorFound = false;
  for (let at = documentText.indexOf(anchor); at >= 0; at = documentText.indexOf(anchor, at + 1)) {
    anchorFound = true;
    const start = at + anchor.length;
    const after = documentText.slice(start);
    const current = ordered.find((candidate) => after.startsWith(candidate)) ?? '';
    if (current === '' && anythingKept) continue;
    return { ok: true, start, end: start + current.length, text: pathText(node, 'output') };
  }
  return { ok: false, reason: anchorFound ? 'edited' : 'anchorMissing' };
}

/** The nodes in the order the panel shows them, the children of collapsed nodes left out. */
export function visibleNodes(tree: GenerationTree, collapsed: ReadonlySet<string>): TreeNode[] {
  const out: TreeNode[] = [];
  const walk = (node: TreeNode): void => {
    out.push(node);
    if (!collapsed.has(node.record.id)) node.children.forEach(walk);
  };
  tree.roots.forEach(walk);
  return out;
}

/** The node a key moves to from `node` (↑ ↓ through the shown nodes, ← to the parent, → in). */
export function moveInTree(
  shown: readonly TreeNode[],
  node: TreeNode,
  key: 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End',
  collapsed: ReadonlySet<string>,
): TreeNode {
  const index = shown.indexOf(node);
  switch (key) {
    case 'ArrowUp':
      return shown[Math.max(0, index - 1)] ?? node;
    case 'ArrowDown':
      return shown[Math.min(shown.length - 1, index + 1)] ?? node;
    case 'ArrowLeft':
      return node.parent ?? node;
    case 'ArrowRight':
      return !collapsed.has(node.record.id) ? (node.children[0] ?? node) : node;
    case 'Home':
      return shown[0] ?? node;
    case 'End':
      return shown[shown.length - 1] ?? node;
  }
}
