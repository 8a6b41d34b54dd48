/**
 * Files the writer picked or dropped (browser File objects), imported one after another. Shared
 * by the dialog's file input and the window's drop target so both follow the same rules.
 */
import type { DocumentRecord } from '../../../shared/schemas/documents.js';
import { describeError } from '../../ui/describeError.js';
import { i18n } from '../../i18n/i18n.js';
import {
  MAX_IMPORT_BYTES,
  importFormatForFileName,
  isModelFileName,
  supportedImports,
} from './fileFormats.js';
import { importAsNewDocument, type CreateDocument } from './importDocument.js';

/** What a dropped or chosen model file gets instead of an import. */
export function modelDropMessage(): string {
  return i18n.t('importExport:import.modelDropped');
}

export interface ImportResult {
  imported: DocumentRecord[];
  /** One sentence per file that was not imported, for the writer. */
  problems: string[];
}

function describeFailure(error: unknown): string {
  return error instanceof Error && error.message
    ? describeError(error)
    : i18n.t('importExport:import.unreadable');
}

export async function importFiles(
  files: readonly File[],
  createDocument: CreateDocument,
): Promise<ImportResult> {
  const result: ImportResult = { imported: [], problems: [] };
  for (const file of files) {
    if (isModelFileName(file.name)) {
      result.problems.push(modelDropMessage());
      continue;
    }
    const format = importFormatForFileName(file.name);
    if (!format) {
      result.problems.push(
        i18n.t('importExport:import.unsupported', {
          fileName: file.name,
          supported: supportedImports(),
        }),
      );
      continue;
    }
    if (file.size > MAX_IMPORT_BYTES) {
      result.problems.push(i18n.t('importExport:import.tooLarge', { fileName: file.name }));
      continue;
    }
    try {
      const bytes = await file.arrayBuffer();
      const record = await importAsNewDocument(
        { name: file.name, format, bytes },
        createDocument,
        new DOMParser(),
      );
      result.imported.push(record);
    } catch (error) {
      result.problems.push(
        i18n.t('importExport:import.notImported', {
          fileName: file.name,
          reason: describeFailure(error),
        }),
      );
    }
  }
  return result;
}
