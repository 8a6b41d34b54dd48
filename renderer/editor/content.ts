import { $createParagraphNode, $createTextNode, $getRoot, $parseSerializedNode } from 'lexical';
import { inspectStoredContent, type StoredContent } from '../documentFormats/storedContent.js';

/** Marks updates that load stored content, so autosave does not send it straight back. */
export const LOAD_CONTENT_TAG = 'inkwell-load-content';

/**
 * Replaces the document's blocks with stored content (Lexical JSON), or with the plain text as
 * paragraphs when there is no JSON (a document made from text only) or it cannot be shown.
 * Must run inside `editor.update()`. Returns false when the JSON was unreadable or too deep.
 */
export function $replaceDocumentContent(content: string, text: string): boolean {
  return $showStoredContent(inspectStoredContent(content), text);
}

/** $replaceDocumentContent for content already inspected (the editor looks before it mounts). */
export function $showStoredContent(stored: StoredContent, text: string): boolean {
  const root = $getRoot();
  root.clear();
  let shown = stored.kind === 'empty' || stored.kind === 'blocks';
  if (stored.kind === 'blocks') {
    try {
      for (const block of stored.blocks) root.append($parseSerializedNode(block));
    } catch (error) {
      console.error(
        '[inkwell] stored content could not be loaded; showing its text instead',
        error,
      );
      root.clear();
      shown = false;
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
  return shown;
}
