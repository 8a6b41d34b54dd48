/** What the editor saves for a document stored as plain text, run in headless Lexical. */
import { createHeadlessEditor } from '@lexical/headless';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { PendingTextNode } from '../../../renderer/editor/continue/PendingTextNode.js';
import { $replaceDocumentContent } from '../../../renderer/editor/content.js';

/** The JSON the editor saves for a document that was stored as this text. */
export function editorJsonOf(text: string): string {
  const editor = createHeadlessEditor({
    namespace: 'inkwell-document-size-test',
    nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, PendingTextNode],
    onError: (error) => {
      throw error;
    },
  });
  editor.update(() => void $replaceDocumentContent('', text), { discrete: true });
  // What autosave stores as the document's content: the editor state as JSON.
  return JSON.stringify(editor.getEditorState().toJSON());
}
