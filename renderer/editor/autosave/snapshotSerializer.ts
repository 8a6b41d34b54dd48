import {
  $exportNodeJSON,
  $getRoot,
  $getSlot,
  $getSlotNames,
  $isElementNode,
  $withCompactExport,
  type EditorState,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import type { SaveSnapshot } from './documentSaver.js';

/** A node's JSON as the export walk builds it: its own fields, then its children and slots. */
interface ExportedNode {
  children?: unknown[];
  $slots?: Record<string, ExportedNode>;
}

interface CachedBlock {
  /** Every node of the block, in export order: the JSON holds as long as all of them do. */
  nodes: LexicalNode[];
  json: string;
}

/** Stands in for the root's children while the root's own fields are stringified. */
const CHILDREN_MARK = '\u0000inkwell-children\u0000';

function sameNodes(a: readonly LexicalNode[], b: readonly LexicalNode[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * What autosave sends for an editor state, byte for byte what `JSON.stringify(state.toJSON())`
 * gives with the nodes of `leftOutType` (pending text) dropped, and the state's plain text.
 *
 * Serializing a 50,000-word document takes tens of milliseconds, and a save falls due every
 * second while the writer types, so each top-level block's JSON is kept and reused while the
 * block is unchanged. Lexical never changes a node of a committed state: an edit makes a new
 * node object. A block whose nodes are all the very objects it had last time therefore
 * serializes as it did then, and a typical save serializes one block and joins the rest.
 */
export class SnapshotSerializer {
  private blocks = new Map<NodeKey, CachedBlock>();

  constructor(private readonly leftOutType: string) {}

  snapshot(editorState: EditorState): SaveSnapshot {
    // The legacy (full) form, as editorState.toJSON() writes it, whatever encloses this call.
    return editorState.read(() => $withCompactExport(false, () => this.$snapshot()));
  }

  private $snapshot(): SaveSnapshot {
    const root = $getRoot();
    const kept = new Map<NodeKey, CachedBlock>();
    const parts: string[] = [];
    for (const block of root.getChildren()) {
      if (block.getType() === this.leftOutType) continue;
      const nodes: LexicalNode[] = [];
      this.$collect(block, nodes);
      const cached = this.blocks.get(block.getKey());
      const entry =
        cached && sameNodes(cached.nodes, nodes)
          ? cached
          : { nodes, json: JSON.stringify(this.$export(block)) };
      kept.set(block.getKey(), entry);
      parts.push(entry.json);
    }
    // Only the blocks of this state are kept, so deleted blocks do not pile up.
    this.blocks = kept;
    const rootJSON: ExportedNode = $exportNodeJSON(root);
    // Assigned over the existing key, so the children stay where toJSON() puts them.
    rootJSON.children = [CHILDREN_MARK];
    this.$exportSlots(root, rootJSON);
    const content = JSON.stringify({ root: rootJSON }).replace(JSON.stringify(CHILDREN_MARK), () =>
      parts.join(','),
    );
    return { content, text: root.getTextContent() };
  }

  /** The walk $export makes, collecting the nodes instead of their JSON. */
  private $collect(node: LexicalNode, into: LexicalNode[]): void {
    into.push(node);
    if ($isElementNode(node)) {
      for (const child of node.getChildren()) {
        if (child.getType() !== this.leftOutType) this.$collect(child, into);
      }
    }
    for (const name of $getSlotNames(node)) {
      const slot = $getSlot(node, name);
      if (slot) this.$collect(slot, into);
    }
  }

  /** Lexical's own export walk ($exportNodeToJSON, which is not public), less `leftOutType`. */
  private $export(node: LexicalNode): ExportedNode {
    const json: ExportedNode = $exportNodeJSON(node);
    if ($isElementNode(node) && json.children) {
      for (const child of node.getChildren()) {
        if (child.getType() !== this.leftOutType) json.children.push(this.$export(child));
      }
    }
    this.$exportSlots(node, json);
    return json;
  }

  private $exportSlots(node: LexicalNode, json: ExportedNode): void {
    const names = $getSlotNames(node);
    if (names.length === 0) return;
    const slots: Record<string, ExportedNode> = {};
    for (const name of names) {
      const slot = $getSlot(node, name);
      if (slot) slots[name] = this.$export(slot);
    }
    json.$slots = slots;
  }
}
