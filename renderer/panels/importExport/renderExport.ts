/**
 * The open document as the bytes of a file. Reads the live editor, so text typed a moment ago
 * is included even before autosave has stored it.
 */
import type { LexicalEditor } from 'lexical';
import type { ExportFormat } from '../../../shared/channels/files.js';
import { $exportHtml } from '../../documentFormats/html.js';
import { $exportMarkdown } from '../../documentFormats/markdown.js';
import { $exportPlainText } from '../../documentFormats/plainText.js';
import { exportFormats } from './fileFormats.js';

/** Formats that become a file here; PDF is printed by the window instead. */
export type FileExportFormat = Exclude<ExportFormat, 'pdf'>;

export interface RenderedFile {
  bytes: Uint8Array<ArrayBuffer>;
  mimeType: string;
}

function textFile(text: string, format: FileExportFormat): RenderedFile {
  return { bytes: new TextEncoder().encode(text), mimeType: exportFormats[format].mimeType };
}

export async function renderExport(
  editor: LexicalEditor,
  format: FileExportFormat,
  documentTitle: string,
): Promise<RenderedFile> {
  switch (format) {
    case 'markdown':
      return textFile(
        editor.read(() => $exportMarkdown()),
        format,
      );
    case 'text':
      return textFile(
        editor.read(() => $exportPlainText()),
        format,
      );
    case 'html':
      return textFile(
        editor.read(() => $exportHtml(editor, documentTitle)),
        format,
      );
    case 'docx': {
      // docx is large and loaded on first use, like mammoth for imports.
      const { $documentForDocx, docxBytes } = await import('../../documentFormats/docx.js');
      const wordDocument = editor.read(() => $documentForDocx());
      const bytes = new Uint8Array(await docxBytes(wordDocument));
      return { bytes, mimeType: exportFormats.docx.mimeType };
    }
  }
}
