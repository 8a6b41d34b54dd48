/**
 * A file becomes a new document: its text goes through the readers into a headless editor
 * with the app's nodes (so it can hold only what the editor can show), and the serialized state
 * and plain text are stored with documents.create. The open document is never touched, and a
 * file that passes a limit (importLimits.ts) is refused with that limit named, never stored.
 */
import type { ImportFormat } from '../../../shared/channels/files.js';
import type { RequestOf } from '../../../shared/contract.js';
import type { DocumentRecord } from '../../../shared/schemas/documents.js';
import { MAX_DOCUMENT_JSON_CHARS } from '../../../shared/schemas/documents.js';
import { htmlToDocument } from '../../documentFormats/html.js';
import type { ImportedDocument } from '../../documentFormats/importedDocument.js';
import { ImportRefusedError } from '../../documentFormats/importLimits.js';
import { textToDocument } from '../../documentFormats/plainText.js';
import { readDocxAsHtml, readMarkdown } from '../../documentFormats/readers.js';
import { i18n } from '../../i18n/i18n.js';
import { titleFromFileName } from './fileFormats.js';
import { describeRefusal } from './refusalText.js';

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

/** The file reads into more than one document may hold. */
class DocumentTooLongError extends Error {}

async function read(source: ImportSource, parser: DOMParser): Promise<ImportedDocument> {
  switch (source.format) {
    case 'markdown':
      return readMarkdown(decodeText(source.bytes));
    case 'html':
      return htmlToDocument(decodeText(source.bytes), parser);
    case 'docx':
      return htmlToDocument(await readDocxAsHtml(source.bytes), parser);
    case 'text': {
      const text = decodeText(source.bytes);
      // Every character of a text file is in the stored JSON too, so one this long can only be
      // refused; building it first (a paragraph per line) would cost hundreds of megabytes.
      if (text.length > MAX_DOCUMENT_JSON_CHARS) throw new DocumentTooLongError();
      return textToDocument(text);
    }
  }
}

function tooLong(fileName: string): string {
  return i18n.t('importExport:import.tooLong', { fileName });
}

/**
 * The editor content a file converts to. `parser` is the page's DOMParser (jsdom's in tests).
 * Throws an Error whose message is the sentence for the writer.
 */
export async function snapshotFromImport(
  source: ImportSource,
  parser: DOMParser,
): Promise<ImportedDocument> {
  try {
    return await read(source, parser);
  } catch (error) {
    if (error instanceof DocumentTooLongError) throw new Error(tooLong(source.name));
    if (error instanceof ImportRefusedError) throw new Error(describeRefusal(error.refusal));
    const reason = error instanceof Error && error.message ? error.message : String(error);
    throw new Error(i18n.t('importExport:import.couldNotRead', { fileName: source.name, reason }));
  }
}

/** Converts the file and stores it as a new document, titled after the file. */
export async function importAsNewDocument(
  source: ImportSource,
  createDocument: CreateDocument,
  parser: DOMParser,
): Promise<DocumentRecord> {
  const snapshot = await snapshotFromImport(source, parser);
  if (snapshot.content.length > MAX_DOCUMENT_JSON_CHARS) throw new Error(tooLong(source.name));
  return createDocument({
    title: titleFromFileName(source.name),
    content: snapshot.content,
    text: snapshot.text,
  });
}
