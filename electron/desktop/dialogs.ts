/**
 * The Electron side of the desktop channels: native open/save dialogs, reading and writing the
 * chosen files, and printing the window to PDF. Kept thin: the decisions (which formats, where a
 * save may write without asking, file names) live in desktop/ and are tested in plain Node.
 */
import { app, BrowserWindow, dialog, webContents, type WebContents } from 'electron';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MAX_FILE_BASE64_CHARS } from '../../shared/channels/files.js';
import type { Acknowledgements } from './acknowledgements.js';
import type { DesktopShell } from './desktopHandlers.js';
import {
  type DialogText,
  exportDialogFilter,
  importDialogFilters,
  importFormatForPath,
  withExtension,
} from './fileTypes.js';
import { chooseModelFile } from './modelFileDialog.js';
import type { PendingOpens } from './openedFiles.js';
import { ChosenDestinations, chooseSaveTarget } from './saveTarget.js';
import { localizedError } from '../../shared/i18n/localizedMessage.js';
import { webContentsIdOf } from '../core/requestContext.js';

/** Base64 grows by a third; refuse files whose encoding would not fit the channel. */
const MAX_IMPORT_BYTES = Math.floor((MAX_FILE_BASE64_CHARS / 4) * 3);

function contentsOf(clientId: string): WebContents | undefined {
  const id = webContentsIdOf(clientId);
  return id === null ? undefined : webContents.fromId(id);
}

function windowOf(clientId: string): BrowserWindow | null {
  const contents = contentsOf(clientId);
  return contents ? BrowserWindow.fromWebContents(contents) : null;
}

/** Documents handed to the app, and what main does when one is imported or exported. */
export interface DocumentFiles {
  pending: PendingOpens;
  /** Imported or exported: File → Open Recent and the system's recent documents. */
  used(filePath: string): void;
  /** Could not be read any more: out of Open Recent. */
  gone(filePath: string): void;
}

/** `text` answers in the writer's current UI language each time a dialog opens. */
export function createElectronDesktopShell(
  acknowledgements: Acknowledgements,
  text: () => DialogText,
  files: DocumentFiles,
): DesktopShell {
  const chosen = new ChosenDestinations();

  async function pickDestination(
    request: { suggestedName: string; destination?: string | undefined },
    format: Parameters<typeof exportDialogFilter>[0],
    clientId: string,
  ): Promise<string | null> {
    const target = chooseSaveTarget(
      { ...request, suggestedName: withExtension(request.suggestedName, format) },
      chosen,
      app.getPath('documents'),
    );
    if (target.kind === 'write') return target.destination;
    const window = windowOf(clientId);
    const options = {
      defaultPath: target.defaultPath,
      filters: [exportDialogFilter(format, text())],
    };
    const result = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return null;
    chosen.remember(result.filePath);
    return result.filePath;
  }

  return {
    async openForImport(request, clientId) {
      let file: string | undefined;
      if (request.purpose === 'opened-file') {
        file = files.pending.take();
        if (file === undefined) return { status: 'cancelled' };
      } else {
        const window = windowOf(clientId);
        const options = {
          properties: ['openFile' as const],
          filters: importDialogFilters(text()),
        };
        const result = window
          ? await dialog.showOpenDialog(window, options)
          : await dialog.showOpenDialog(options);
        file = result.filePaths[0];
        if (result.canceled || !file) return { status: 'cancelled' };
      }
      const format = importFormatForPath(file);
      if (!format) {
        throw localizedError('invalid_request', 'errors:dialogs.importFormats');
      }
      const size = await stat(file).then(
        (info) => (info.isFile() ? info.size : null),
        () => null,
      );
      if (size === null) {
        files.gone(file);
        throw localizedError('not_found', 'errors:dialogs.fileGone', { name: path.basename(file) });
      }
      if (size > MAX_IMPORT_BYTES) {
        throw localizedError('too_large', 'errors:dialogs.importTooLarge', { max: 20 });
      }
      const bytes = await readFile(file);
      files.used(file);
      return {
        status: 'opened',
        name: path.basename(file),
        format,
        base64: bytes.toString('base64'),
      };
    },

    async save(request, clientId) {
      const destination = await pickDestination(request, request.format, clientId);
      if (destination === null) return { status: 'cancelled' };
      await writeFile(destination, Buffer.from(request.base64, 'base64'));
      files.used(destination);
      return { status: 'saved', destination, name: path.basename(destination) };
    },

    async exportPdf(request, clientId) {
      const contents = contentsOf(clientId);
      if (!contents) throw localizedError('unavailable', 'errors:dialogs.printWindowClosed');
      const destination = await pickDestination(request, 'pdf', clientId);
      if (destination === null) return { status: 'cancelled' };
      // The renderer's print stylesheet hides everything but the document text.
      const pdf = await contents.printToPDF({ printBackground: false, preferCSSPageSize: true });
      await writeFile(destination, pdf);
      return { status: 'saved', destination, name: path.basename(destination) };
    },

    chooseModelFile(clientId) {
      const window = windowOf(clientId);
      return chooseModelFile(
        (options) =>
          window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options),
        text(),
      );
    },

    acknowledge(commandId, clientId) {
      return acknowledgements.acknowledge(commandId, clientId);
    },
  };
}
