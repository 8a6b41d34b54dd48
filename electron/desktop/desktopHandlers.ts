/**
 * The app shell's channels: what the app is (app.info), file dialogs and command
 * acknowledgements, which only the desktop app has. main.ts
 * gives the backend an Electron DesktopShell; headless mode and tests give none, and then every
 * dialog answers 'unavailable' (the browser uses <input type=file> and downloads instead).
 */
import type { ParsedRequestOf, ResponseOf } from '../../shared/contract.js';
import type { HandlersFor } from '../core/handler.js';

export type AppInfo = ResponseOf<'app.info'>;

/** What the Electron side provides; every method gets the asking client's id. */
export interface DesktopShell {
  openForImport(
    request: ParsedRequestOf<'files.openDialog'>,
    clientId: string,
  ): Promise<ResponseOf<'files.openDialog'>>;
  save(
    request: ParsedRequestOf<'files.saveDialog'>,
    clientId: string,
  ): Promise<ResponseOf<'files.saveDialog'>>;
  exportPdf(
    request: ParsedRequestOf<'files.exportPdf'>,
    clientId: string,
  ): Promise<ResponseOf<'files.exportPdf'>>;
  acknowledge(commandId: string, clientId: string): boolean;
  /** The open dialog for a GGUF model (models.addFromDialog); null when cancelled. */
  chooseModelFile(clientId: string): Promise<string | null>;
}

export function createAppHandlers(
  appInfo: () => AppInfo,
  shell?: DesktopShell,
): HandlersFor<'app'> {
  return {
    'app.info': () => appInfo(),
    'app.commandDone': (request, context) => ({
      acknowledged: shell?.acknowledge(request.commandId, context.clientId) ?? false,
    }),
  };
}

export function createFilesHandlers(shell?: DesktopShell): HandlersFor<'files'> {
  const unavailable = { status: 'unavailable' } as const;
  if (!shell) {
    return {
      'files.openDialog': () => unavailable,
      'files.saveDialog': () => unavailable,
      'files.exportPdf': () => unavailable,
    };
  }
  return {
    'files.openDialog': (request, context) => shell.openForImport(request, context.clientId),
    'files.saveDialog': (request, context) => shell.save(request, context.clientId),
    'files.exportPdf': (request, context) => shell.exportPdf(request, context.clientId),
  };
}
