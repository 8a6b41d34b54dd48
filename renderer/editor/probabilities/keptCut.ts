import { $createRangeSelection, $getNodeByKey, $setSelection } from 'lexical';
import { $isKeptModelTextNode, type KeptModelTextNode } from '../continue/KeptModelTextNode.js';

/**
 * Removes a generation's kept text from its output offset `from` to the end of its last piece
 * (the writer's text after that stays), leaving the caret where the text was cut.
 */
export function $cutKeptFrom(keys: readonly string[], generationId: string, from: number): void {
  const nodes = keys
    .map((key) => $getNodeByKey(key))
    .filter(
      (node): node is KeptModelTextNode =>
        $isKeptModelTextNode(node) &&
        node.isAttached() &&
        node.getOrigin().generationId === generationId,
    )
    .sort((a, b) => (a.isBefore(b) ? -1 : 1));
  const start = nodes.findIndex((node) => {
    const origin = node.getOrigin();
    return origin.from <= from && from < origin.from + node.getTextContentSize();
  });
  const first = nodes[start];
  if (!first) return;
  // The run goes on while each next piece continues the output after the one before it; a
  // piece that goes back in the output is not part of it.
  let last = first;
  for (const node of nodes.slice(start + 1)) {
    const previous = last.getOrigin();
    if (node.getOrigin().from < previous.from + previous.length) break;
    last = node;
  }
  const offset = from - first.getOrigin().from;
  const selection = $createRangeSelection();
  selection.anchor.set(first.getKey(), offset, 'text');
  selection.focus.set(last.getKey(), last.getTextContentSize(), 'text');
  $setSelection(selection);
  selection.removeText();
  const cut = $getNodeByKey(first.getKey());
  if ($isKeptModelTextNode(cut) && cut.isAttached()) {
    cut.setModelLength(Math.min(cut.getOrigin().length, offset));
  }
}
