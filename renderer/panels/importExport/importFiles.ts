/**
 * Files the writer picked or dropped (browser File objects), imported one after another. Shared
 * by the dialog's file input and the window's drop target so both follow the same rules.
 */
import type { DocumentRecord } from '../../../shared/schemas/documents.js';
import {
  MAX_IMPORT_BYTES,
  SUPPORTED_IMPORTS_LABEL,
  importFormatForFileName,
  isModelFileName,
} from './fileFormats.js';
import { importAsNewDocument, type CreateDocument } from './importDocument.js';

export const MODEL_DROP_MESSAGE =
  'Models are added from the Models panel (“Add a GGUF file”), not by dropping them here.';

export interface ImportResult {
  imported: DocumentRecord[];
  /** One sentence per file that was not imported, for the writer. */
  problems: string[];
}

function describeFailure(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'it could not be read';
}

export async function importFiles(
  files: readonly File[],
  createDocument: CreateDocument,
): Promise<ImportResult> {
  const result: ImportResult = { imported: [], problems: [] };
  for (const file of files) {
    if (isModelFileName(file.name)) {
      result.problems.push(MODEL_DROP_MESSAGE);
      continue;
    }
    const format = importFormatForFileName(file.name);
    if (!format) {
      result.problems.push(
        `${file.name} was not imported: Inkwell imports ${SUPPORTED_IMPORTS_LABEL} files.`,
      );
      continue;
    }
    if (file.size > MAX_IMPORT_BYTES) {
      result.problems.push(`${file.name} is too large to import (20 MB at most).`);
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
      result.problems.push(`${file.name} was not imported: ${describeFailure(error)}`);
    }
  }
  return result;
}
