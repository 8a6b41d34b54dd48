import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { Klass, LexicalNode } from 'lexical';

/**
 * The node types of Inkwell's editor. Import and export understand exactly these, so a file can
 * hold only what the editor can show; InkwellEditor should register this same list.
 */
export const documentNodes: readonly Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
];
