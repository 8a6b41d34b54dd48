/**
 * Exports the open document and remembers how, so that "export again" (the dialog's button, the
 * menu, a shortcut) can repeat it. On the desktop the file goes through main's save dialog (or
 * its PDF printer); in the browser it becomes a download, and PDF is the browser's print dialog
 * (styles/print.css leaves only the text on the page).
 */
import { $getRoot, type LexicalEditor } from 'lexical';
import type { ExportFormat } from '../../../shared/channels/files.js';
import { MAX_FILE_BASE64_CHARS } from '../../../shared/channels/files.js';
import type { InkwellClient } from '../../api/client.js';
import { bytesToBase64 } from './base64.js';
import { downloadFile } from '../../ui/downloadFile.js';
import { i18n } from '../../i18n/i18n.js';
import { isDesktopApp } from './desktopShell.js';
import { exportFileName, exportFormatLabel } from './fileFormats.js';
import { lastExportOf, rememberExport } from './lastExports.js';
import { renderExport, type FileExportFormat } from './renderExport.js';

export interface ExportTarget {
  client: InkwellClient;
  editor: LexicalEditor;
  documentId: string;
  documentTitle: string;
}

export type ExportOutcome =
  | { status: 'saved'; format: ExportFormat; fileName: string }
  | { status: 'downloaded'; format: ExportFormat; fileName: string }
  | { status: 'printed'; format: 'pdf' }
  | { status: 'cancelled'; format: ExportFormat }
  /** "Export again" before anything was exported from this document. */
  | { status: 'nothing-to-repeat' };

/** The name to suggest: the title, or the text's first words while the document has none. */
function suggestedNameFor(target: ExportTarget, format: ExportFormat): string {
  const text = target.editor.getEditorState().read(() => $getRoot().getTextContent());
  return exportFileName(target.documentTitle, format, text);
}

async function exportPdf(target: ExportTarget, destination?: string): Promise<ExportOutcome> {
  const suggestedName = suggestedNameFor(target, 'pdf');
  if (isDesktopApp()) {
    const answer = await target.client.call('files.exportPdf', { suggestedName, destination });
    if (answer.status === 'cancelled') return { status: 'cancelled', format: 'pdf' };
    if (answer.status === 'saved') {
      rememberExport(target.documentId, {
        format: 'pdf',
        destination: answer.destination,
        fileName: answer.name,
      });
      return { status: 'saved', format: 'pdf', fileName: answer.name };
    }
  }
  window.print();
  rememberExport(target.documentId, { format: 'pdf' });
  return { status: 'printed', format: 'pdf' };
}

async function exportFile(
  target: ExportTarget,
  format: FileExportFormat,
  destination?: string,
): Promise<ExportOutcome> {
  const file = await renderExport(target.editor, format, target.documentTitle);
  const suggestedName = suggestedNameFor(target, format);
  if (isDesktopApp()) {
    const base64 = bytesToBase64(file.bytes);
    if (base64.length > MAX_FILE_BASE64_CHARS) {
      throw new Error(i18n.t('importExport:export.tooLarge'));
    }
    const answer = await target.client.call('files.saveDialog', {
      format,
      suggestedName,
      base64,
      destination,
    });
    if (answer.status === 'cancelled') return { status: 'cancelled', format };
    if (answer.status === 'saved') {
      rememberExport(target.documentId, {
        format,
        destination: answer.destination,
        fileName: answer.name,
      });
      return { status: 'saved', format, fileName: answer.name };
    }
  }
  downloadFile(file.bytes, file.mimeType, suggestedName);
  rememberExport(target.documentId, { format, fileName: suggestedName });
  return { status: 'downloaded', format, fileName: suggestedName };
}

/** Exports in `format`; `destination` is an earlier saved answer's, for "export again". */
export function exportDocument(
  target: ExportTarget,
  format: ExportFormat,
  destination?: string,
): Promise<ExportOutcome> {
  return format === 'pdf'
    ? exportPdf(target, destination)
    : exportFile(target, format, destination);
}

/**
 * Repeats this document's last export: same format, and on the desktop the same file, written
 * without a dialog. Answers 'nothing-to-repeat' when there is none (open the dialog instead).
 */
export function exportAgain(target: ExportTarget): Promise<ExportOutcome> {
  const last = lastExportOf(target.documentId);
  if (!last) return Promise.resolve({ status: 'nothing-to-repeat' });
  return exportDocument(target, last.format, last.destination);
}

/** One sentence for the writer about what an export did. */
export function describeExportOutcome(outcome: ExportOutcome): string {
  switch (outcome.status) {
    case 'saved':
      return i18n.t('importExport:export.outcome.saved', {
        format: exportFormatLabel(outcome.format),
        fileName: outcome.fileName,
      });
    case 'downloaded':
      return i18n.t('importExport:export.outcome.downloaded', { fileName: outcome.fileName });
    case 'printed':
      return i18n.t('importExport:export.outcome.printed');
    case 'cancelled':
      return i18n.t('importExport:export.outcome.cancelled');
    case 'nothing-to-repeat':
      return i18n.t('importExport:export.outcome.nothingToRepeat');
  }
}
