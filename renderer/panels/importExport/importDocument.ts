/**
 * A file becomes a new document: its text goes through the converters into a headless editor
 * with the app's nodes (so it can hold only what the editor can show), and the serialized state
 * and plain text are stored with documents.create. The open document is never touched.
 */
import { createHeadlessEditor } from '@lexical/headless';
import type { ImportFormat } from '../../../shared/channels/files.js';
import type { RequestOf } from '../../../shared/contract.js';
import type { DocumentRecord } from '../../../shared/schemas/documents.js';
import { MAX_DOCUMENT_JSON_CHARS } from '../../../shared/schemas/documents.js';
import { documentNodes } from '../../documentFormats/editorNodes.js';
import { $importHtml } from '../../documentFormats/html.js';
import { $importMarkdown } from '../../documentFormats/markdown.js';
import { $importPlainText } from '../../documentFormats/plainText.js';
import type { SaveSnapshot } from '../../editor/autosave/documentSaver.js';
import { i18n } from '../../i18n/i18n.js';
import { snapshotOf } from '../../editor/content.js';
import { titleFromFileName } from './fileFormats.js';

export interface ImportSource {
  /** The file's name, for the title. */
  name: string;
  format: ImportFormat;
  bytes: ArrayBuffer;
}

export type CreateDocument = (request: RequestOf<'documents.create'>) => Promise<DocumentRecord>;

function decodeText(bytes: ArrayBuffer): string {
  // TextDecoder drops a leading byte-order mark, which editors on Windows like to write.
  return new TextDecoder('utf-8').decode(bytes);
}

async function htmlOfDocx(bytes: ArrayBuffer): Promise<string> {
  // mammoth is large and most writers never import Word files: load it on first use.
  const { docxToHtml } = await import('../../documentFormats/docx.js');
  return docxToHtml(bytes);
}

/** The editor content a file converts to. `parser` is the page's DOMParser (jsdom's in tests). */
export async function snapshotFromImport(
  source: ImportSource,
  parser: DOMParser,
): Promise<SaveSnapshot> {
  const html =
    source.format === 'docx'
      ? await htmlOfDocx(source.bytes)
      : source.format === 'html'
        ? decodeText(source.bytes)
        : null;
  const failures: Error[] = [];
  const editor = createHeadlessEditor({
    namespace: 'inkwell-import',
    nodes: [...documentNodes],
    onError: (error) => failures.push(error),
  });
  editor.update(
    () => {
      if (html !== null) $importHtml(editor, html, parser);
      else if (source.format === 'markdown') $importMarkdown(decodeText(source.bytes));
      else $importPlainText(decodeText(source.bytes));
    },
    { discrete: true },
  );
  const [failure] = failures;
  if (failure) {
    throw new Error(
      i18n.t('importExport:import.couldNotRead', {
        fileName: source.name,
        reason: failure.message,
      }),
    );
  }
  return snapshotOf(editor.getEditorState());
}

/** Converts the file and stores it as a new document, titled after the file. */
export async function importAsNewDocument(
  source: ImportSource,
  createDocument: CreateDocument,
  parser: DOMParser,
): Promise<DocumentRecord> {
  const snapshot = await snapshotFromImport(source, parser);
  if (snapshot.content.length > MAX_DOCUMENT_JSON_CHARS) {
    throw new Error(i18n.t('importExport:import.tooLong', { fileName: source.name }));
  }
  return createDocument({
    title: titleFromFileName(source.name),
    content: snapshot.content,
    text: snapshot.text,
  });
}
