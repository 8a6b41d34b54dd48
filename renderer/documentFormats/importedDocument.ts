/**
 * A file's content as Inkwell stores it: built in a headless editor with the app's nodes (so it
 * holds only what the editor can show), measured, then serialized. Everything here runs on the
 * page or in a worker alike: no DOM is needed unless the filler parses HTML.
 */
import { createHeadlessEditor } from '@lexical/headless';
import { $getRoot, type LexicalEditor } from 'lexical';
import { documentNodes } from './editorNodes.js';
import { ImportRefusedError, MAX_NESTING_LEVELS } from './importLimits.js';
import { $nestingLevels } from './nestingLevels.js';

/** The serialized editor state and its plain text, as documents.create takes them. */
export interface ImportedDocument {
  content: string;
  text: string;
}

/**
 * Runs `fill` (which replaces the root's content) in a fresh headless editor and returns the
 * result. Throws what `fill` threw, and ImportRefusedError when the result nests deeper than
 * the editor shows: serializing or drawing such a tree is what overflows the stack.
 */
export function documentFromEditor(fill: (editor: LexicalEditor) => void): ImportedDocument {
  const failures: unknown[] = [];
  const editor = createHeadlessEditor({
    namespace: 'inkwell-import',
    nodes: [...documentNodes],
    onError: (error) => failures.push(error),
  });
  editor.update(() => fill(editor), { discrete: true });
  if (failures.length > 0) throw failures[0];
  const state = editor.getEditorState();
  const levels = state.read(() => $nestingLevels($getRoot(), MAX_NESTING_LEVELS));
  if (levels > MAX_NESTING_LEVELS) {
    throw new ImportRefusedError({ kind: 'nesting', max: MAX_NESTING_LEVELS });
  }
  return {
    content: JSON.stringify(state.toJSON()),
    text: state.read(() => $getRoot().getTextContent()),
  };
}

/** For a document that came back from a worker. */
export function isImportedDocument(value: unknown): value is ImportedDocument {
  const candidate = value as Partial<ImportedDocument> | null;
  return typeof candidate?.content === 'string' && typeof candidate.text === 'string';
}
