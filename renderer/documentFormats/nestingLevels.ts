/**
 * How deeply a document nests, counted the way a writer sees it: a paragraph or heading is one
 * level, a list one level per list (its items are part of it), a quote one per quote. Every
 * walk here keeps its own stack instead of recursing, because the documents it measures are
 * the ones too deep to recurse over.
 */
import { $isListItemNode, $isListNode } from '@lexical/list';
import { $isElementNode, type LexicalNode } from 'lexical';

/** Lexical's type names for a list and its item, as they appear in the stored JSON. */
const LIST_TYPE = 'list';
const LIST_ITEM_TYPE = 'listitem';

interface Pending {
  node: LexicalNode;
  levels: number;
}

function $ownLevel(node: LexicalNode, parent: LexicalNode | null): number {
  return $isListItemNode(node) && $isListNode(parent) ? 0 : 1;
}

function $deepest(stack: Pending[], max: number): number {
  let deepest = 0;
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    deepest = Math.max(deepest, entry.levels);
    if (deepest > max) return max + 1;
    const { node, levels } = entry;
    if (!$isElementNode(node)) continue;
    for (const child of node.getChildren()) {
      if ($isElementNode(child))
        stack.push({ node: child, levels: levels + $ownLevel(child, node) });
    }
  }
  return deepest;
}

/**
 * The deepest nesting under `root` (not counting root itself), or `max + 1` as soon as a node
 * deeper than `max` is found. Call inside a read or update.
 */
export function $nestingLevels(root: LexicalNode, max: number): number {
  return $deepest([{ node: root, levels: 0 }], max);
}

/** The same for nodes about to be inserted somewhere (pasted): each counts as a level. */
export function $nestingLevelsOf(nodes: readonly LexicalNode[], max: number): number {
  const stack = nodes.filter($isElementNode).map((node) => ({ node, levels: 1 }));
  return $deepest(stack, max);
}

/**
 * The levels around a point in the document that blocks inserted there land inside: those of
 * its ancestors, less the block the point is in (what is inserted goes beside it), unless that
 * block is a list item (a pasted list joins that item's list).
 */
export function $nestingLevelsAround(node: LexicalNode): number {
  let levels = 0;
  let current: LexicalNode | null = $isElementNode(node) ? node : node.getParent();
  if (current && !$isListItemNode(current)) current = current.getParent();
  while (current && current.getParent()) {
    levels += $ownLevel(current, current.getParent());
    current = current.getParent();
  }
  return levels;
}

interface SerializedShape {
  type?: unknown;
  children?: unknown;
}

function childrenOf(value: unknown): unknown[] {
  const children = (value as SerializedShape | null)?.children;
  return Array.isArray(children) ? children : [];
}

/**
 * The same measure over stored JSON (a serialized root), before Lexical sees it: Lexical's own
 * parsing of it recurses. Answers `max + 1` as soon as something deeper than `max` is found.
 */
export function serializedNestingLevels(root: unknown, max: number): number {
  let deepest = 0;
  const stack: { node: unknown; levels: number }[] = [];
  const pushChildren = (parent: unknown, levels: number): void => {
    const parentType = (parent as SerializedShape | null)?.type;
    for (const child of childrenOf(parent)) {
      // Elements carry a children array (empty for an empty paragraph); text does not.
      if (!Array.isArray((child as SerializedShape | null)?.children)) continue;
      const childType = (child as SerializedShape).type;
      const ownLevel = childType === LIST_ITEM_TYPE && parentType === LIST_TYPE ? 0 : 1;
      stack.push({ node: child, levels: levels + ownLevel });
    }
  };
  pushChildren(root, 0);
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    deepest = Math.max(deepest, entry.levels);
    if (deepest > max) return max + 1;
    pushChildren(entry.node, entry.levels);
  }
  return deepest;
}

/**
 * How many elements deep a parsed HTML page goes (`<html>` is 1), or `max + 1` as soon as it
 * goes deeper than `max`. Walks by sibling and parent links, so it needs no stack at all.
 */
export function markupDepth(root: Element, max: number): number {
  let deepest = 1;
  let depth = 1;
  let node: Element | null = root;
  while (node) {
    const firstChild: Element | null = node.firstElementChild;
    if (firstChild) {
      node = firstChild;
      depth += 1;
      deepest = Math.max(deepest, depth);
      if (deepest > max) return max + 1;
      continue;
    }
    // Up until there is a next sibling, never above the root.
    while (node && node !== root && !node.nextElementSibling) {
      node = node.parentElement;
      depth -= 1;
    }
    node = node && node !== root ? node.nextElementSibling : null;
  }
  return deepest;
}
