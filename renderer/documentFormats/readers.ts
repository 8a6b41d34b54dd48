/**
 * The readers whose time depends on what is in the file, Markdown (Lexical's emphasis and list
 * matching) and Word (unpacking and mammoth), run in workers with a deadline (offThread.ts);
 * HTML needs the page's DOMParser and plain text is read in one pass, so those stay here.
 */
import { MAX_READ_MS } from './importLimits.js';
import { isImportedDocument, type ImportedDocument } from './importedDocument.js';
import { markdownToDocument } from './markdown.js';
import { runOffThread, type TaskWorker } from './offThread.js';

function workersAvailable(): boolean {
  return typeof Worker === 'function';
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** A Markdown file as a document, read in a worker. */
export function readMarkdown(markdown: string): Promise<ImportedDocument> {
  return runOffThread({
    start: (): TaskWorker | null =>
      workersAvailable()
        ? new Worker(new URL('./markdownWorker.ts', import.meta.url), {
            type: 'module',
            name: 'inkwell-markdown-reader',
          })
        : null,
    input: markdown,
    isOutput: isImportedDocument,
    inThread: markdownToDocument,
    deadlineMs: MAX_READ_MS,
  });
}

/** A Word file as HTML (for htmlToDocument), measured and converted in a worker. */
export function readDocxAsHtml(bytes: ArrayBuffer): Promise<string> {
  return runOffThread({
    start: (): TaskWorker | null =>
      workersAvailable()
        ? new Worker(new URL('./docxWorker.ts', import.meta.url), {
            type: 'module',
            name: 'inkwell-docx-reader',
          })
        : null,
    input: bytes,
    isOutput: isString,
    // mammoth is large and most writers never import Word files: loaded on first use.
    inThread: async (input) => (await import('./docxImport.js')).docxToHtml(input),
    deadlineMs: MAX_READ_MS,
  });
}
