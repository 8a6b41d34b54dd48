/**
 * What the editor does with kept model text beyond its node: a piece whose text was all deleted
 * goes (Lexical drops only empty plain text by itself), and text pasted or dropped into the
 * document is the writer's, even when it was copied from kept text: its pieces come in as plain
 * text, so a copy never reads as the model's in another place.
 */
import {
  $createTextNode,
  $isElementNode,
  COMMAND_PRIORITY_CRITICAL,
  SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
  type LexicalEditor,
  type LexicalNode,
  type TextNode,
} from 'lexical';
import { mergeRegister } from '@lexical/utils';
import { $isKeptModelTextNode, KeptModelTextNode } from './KeptModelTextNode.js';

function $plainCopy(node: KeptModelTextNode): TextNode {
  return $createTextNode(node.getTextContent())
    .setFormat(node.getFormat())
    .setStyle(node.getStyle())
    .setDetail(node.getDetail());
}

/** Pasted nodes with every piece of kept text in them made plain text (walked without recursion). */
export function $withoutOrigins(nodes: LexicalNode[]): void {
  const stack: LexicalNode[] = [];
  nodes.forEach((node, index) => {
    if ($isKeptModelTextNode(node)) nodes[index] = $plainCopy(node);
    else stack.push(node);
  });
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!$isElementNode(node)) continue;
    for (const child of node.getChildren()) {
      if ($isKeptModelTextNode(child)) child.replace($plainCopy(child));
      else stack.push(child);
    }
  }
}

export function registerKeptModelText(editor: LexicalEditor): () => void {
  if (!editor.hasNode(KeptModelTextNode)) return () => undefined;
  return mergeRegister(
    editor.registerNodeTransform(KeptModelTextNode, (node) => {
      if (node.getTextContentSize() === 0) node.remove();
    }),
    editor.registerCommand(
      SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
      ({ nodes }) => {
        $withoutOrigins(nodes);
        // The paste itself goes on as usual.
        return false;
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
  );
}
