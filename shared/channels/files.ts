/**
 * Native open/save dialogs (desktop only). The renderer never names a path to write to that the
 * writer did not pick in a dialog during this run: "export again" passes the earlier answer's
 * destination, and main refuses it unless its own dialog produced it. In headless mode every
 * channel answers { status: 'unavailable' } and the browser uses <input type=file> / a download.
 */
import { z } from 'zod';
import { MAX_PATH_CHARS } from '../schemas/engine.js';

/** 20 MiB of base64: larger imports are not writing, and would stall the window. */
export const MAX_FILE_BASE64_CHARS = 28 * 1024 * 1024;

export const importFormat = z.enum(['markdown', 'text', 'html', 'docx']);
export type ImportFormat = z.output<typeof importFormat>;
export const exportFormat = z.enum(['markdown', 'text', 'html', 'docx', 'pdf']);
export type ExportFormat = z.output<typeof exportFormat>;

const unavailable = z.object({ status: z.literal('unavailable') });
const cancelled = z.object({ status: z.literal('cancelled') });
const suggestedName = z.string().min(1).max(255);
const destination = z.string().min(1).max(MAX_PATH_CHARS);
const saved = z.object({ status: z.literal('saved'), destination, name: z.string() });

export const filesChannels = {
  'files.openDialog': {
    /**
     * 'import' shows the open dialog; 'opened-file' takes the next document the system handed to
     * the app (a double-clicked file, a second instance's command line, File → Open Recent),
     * announced by the app.command 'open-file'; 'cancelled' when none waits.
     */
    request: z.object({ purpose: z.enum(['import', 'opened-file']) }).strict(),
    response: z.union([
      unavailable,
      cancelled,
      z.object({
        status: z.literal('opened'),
        name: z.string(),
        format: importFormat,
        base64: z.string(),
      }),
    ]),
  },
  'files.saveDialog': {
    request: z
      .object({
        format: exportFormat.exclude(['pdf']),
        suggestedName,
        base64: z.string().max(MAX_FILE_BASE64_CHARS),
        /** Export again: write here without asking, if this run's dialog chose it. */
        destination: destination.optional(),
      })
      .strict(),
    response: z.union([unavailable, cancelled, saved]),
  },
  /** Prints the asking window (its print stylesheet shows the document only) to a PDF file. */
  'files.exportPdf': {
    request: z.object({ suggestedName, destination: destination.optional() }).strict(),
    response: z.union([unavailable, cancelled, saved]),
  },
} as const;

export type FileChannelName = keyof typeof filesChannels;
export type FileRequest<C extends FileChannelName> = z.input<(typeof filesChannels)[C]['request']>;
export type FileResponse<C extends FileChannelName> = z.output<
  (typeof filesChannels)[C]['response']
>;
