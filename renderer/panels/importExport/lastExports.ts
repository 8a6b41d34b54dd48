/**
 * What "export again" repeats, per document, for this run of the app: the format and, on the
 * desktop, the file the writer chose (main writes there again without asking only if its own
 * dialog produced it during this run, so remembering it longer would not help). Keyed by
 * document so that "export again" in another document never overwrites this one's file.
 */
import type { ExportFormat } from '../../../shared/channels/files.js';

export interface RememberedExport {
  format: ExportFormat;
  /** The desktop's saved destination; absent for downloads and browser printing. */
  destination?: string;
  /** The saved file's name, to say where "export again" writes. */
  fileName?: string;
}

const lastExports = new Map<string, RememberedExport>();
const listeners = new Set<() => void>();

export function lastExportOf(documentId: string): RememberedExport | null {
  return lastExports.get(documentId) ?? null;
}

export function rememberExport(documentId: string, remembered: RememberedExport): void {
  lastExports.set(documentId, remembered);
  for (const listener of listeners) listener();
}

/** For useSyncExternalStore: the dialog's "export again" button follows exports made elsewhere. */
export function subscribeToLastExports(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
