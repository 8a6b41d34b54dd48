import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $parseSerializedNode,
  type EditorState,
  type SerializedLexicalNode,
} from 'lexical';
import type { SaveSnapshot } from './autosave/documentSaver.js';

/** Marks updates that load stored content, so autosave does not send it straight back. */
export const LOAD_CONTENT_TAG = 'inkwell-load-content';

interface SerializedStateShape {
  root?: { children?: unknown };
}

function serializedChildren(content: string): SerializedLexicalNode[] | null {
  if (!content) return null;
  try {
    const parsed = JSON.parse(content) as SerializedStateShape;
    const children = parsed.root?.children;
    return Array.isArray(children) ? (children as SerializedLexicalNode[]) : null;
  } catch {
    return null;
  }
}

/**
 * Replaces the document's blocks with stored content (Lexical JSON), or with the plain text as
 * paragraphs when there is no JSON (a document made from text only) or it cannot be read.
 * Must run inside `editor.update()`. Returns false when the JSON was unreadable.
 */
export function $replaceDocumentContent(content: string, text: string): boolean {
  const root = $getRoot();
  root.clear();
  const children = serializedChildren(content);
  let readable = content === '' || children !== null;
  if (children) {
    try {
      for (const child of children) root.append($parseSerializedNode(child));
    } catch (error) {
      console.error(
        '[inkwell] stored content could not be loaded; showing its text instead',
        error,
      );
      root.clear();
      readable = false;
    }
  }
  if (root.getChildrenSize() === 0 && text) {
    for (const line of text.split('\n')) {
      const paragraph = $createParagraphNode();
      if (line) paragraph.append($createTextNode(line));
      root.append(paragraph);
    }
  }
  if (root.getChildrenSize() === 0) root.append($createParagraphNode());
  return readable;
}

/** What autosave sends for an editor state: its JSON and its plain text. */
export function snapshotOf(editorState: EditorState): SaveSnapshot {
  return {
    content: JSON.stringify(editorState.toJSON()),
    text: editorState.read(() => $getRoot().getTextContent()),
  };
}
