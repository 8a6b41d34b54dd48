/**
 * What Inkwell reads and writes, from the renderer's side: which file names import as which
 * format, and how an export is named and typed. The desktop's dialogs have their own copy in
 * electron/desktop/fileTypes.ts (renderer/ cannot import electron/); the contract's format
 * names keep the two in step.
 */
import type { ExportFormat, ImportFormat } from '../../../shared/channels/files.js';
import { MAX_FILE_BASE64_CHARS } from '../../../shared/channels/files.js';
import { MAX_TITLE_CHARS } from '../../../shared/schemas/documents.js';
import { i18n } from '../../i18n/i18n.js';
import { firstWords, isUntitled } from '../../ui/displayTitle.js';

/** The same limit the desktop's open dialog applies: base64 of it must fit the channel. */
export const MAX_IMPORT_BYTES = Math.floor((MAX_FILE_BASE64_CHARS / 4) * 3);

const importExtensions: Record<string, ImportFormat> = {
  md: 'markdown',
  markdown: 'markdown',
  txt: 'text',
  html: 'html',
  htm: 'html',
  docx: 'docx',
};

/** For `<input accept>`: the extensions above, as the browser wants them. */
export const IMPORT_ACCEPT = Object.keys(importExtensions)
  .map((extension) => `.${extension}`)
  .join(',');

/** ".md, .txt, .html or .docx", in the UI's language, for sentences about what imports. */
export function supportedImports(): string {
  return i18n.t('importExport:supportedImports');
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

export function importFormatForFileName(fileName: string): ImportFormat | null {
  return importExtensions[extensionOf(fileName)] ?? null;
}

export function isModelFileName(fileName: string): boolean {
  return extensionOf(fileName) === 'gguf';
}

/** "Chapter 1.final.md" becomes "Chapter 1.final": only the format's extension goes. */
export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const withoutExtension = importFormatForFileName(base)
    ? base.slice(0, base.lastIndexOf('.'))
    : base;
  const title = withoutExtension.trim().slice(0, MAX_TITLE_CHARS);
  return title === '' ? i18n.t('importExport:import.untitled') : title;
}

interface ExportFormatInfo {
  extension: string;
  mimeType: string;
}

export const exportFormats: Record<ExportFormat, ExportFormatInfo> = {
  markdown: { extension: 'md', mimeType: 'text/markdown;charset=utf-8' },
  text: { extension: 'txt', mimeType: 'text/plain;charset=utf-8' },
  html: { extension: 'html', mimeType: 'text/html;charset=utf-8' },
  docx: {
    extension: 'docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  pdf: { extension: 'pdf', mimeType: 'application/pdf' },
};

/** "Word document (.docx)": a format as the writer picks it, in the UI's language. */
export function exportFormatLabel(format: ExportFormat): string {
  return i18n.t(`importExport:export.formats.${format}`);
}

export const exportFormatOrder: readonly ExportFormat[] = [
  'markdown',
  'text',
  'html',
  'docx',
  'pdf',
];

/**
 * The file name an export suggests: the document's title, or its first words until the writer
 * names it ("Untitled" only for an empty document), with the format's extension and without the
 * characters file systems refuse (the desktop cleans it again; a download relies on this).
 */
export function exportFileName(
  documentTitle: string,
  format: ExportFormat,
  documentText = '',
): string {
  // A file name is no place for the ellipsis that shortened first words end with in a list.
  const named = isUntitled(documentTitle)
    ? firstWords(documentText).replace(/…$/u, '')
    : documentTitle;
  const cleaned = named
    // Control characters are exactly what must go, so the regular expression names them.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f<>:"/\\|?*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 200);
  const name = cleaned === '' ? i18n.t('importExport:export.untitled') : cleaned;
  return `${name}.${exportFormats[format].extension}`;
}
