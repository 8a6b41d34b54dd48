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
  const first = nodes.find((node) => {
    const origin = node.getOrigin();
    return origin.from <= from && from < origin.from + node.getTextContentSize();
  });
  const last = nodes[nodes.length - 1];
  if (!first || !last) return;
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
