/**
 * The handlers of the desktop-only channels (file dialogs, command acknowledgements). main.ts
 * gives the backend an Electron DesktopShell; headless mode and tests give none, and then every
 * dialog answers 'unavailable' (the browser uses <input type=file> and downloads instead).
 */
import type { z } from 'zod';
import type { appCommandChannels } from '../../shared/channels/appCommands.js';
import type { fileChannels } from '../../shared/channels/files.js';
import type { RequestContext } from '../ipc/router.js';

type DesktopChannels = typeof fileChannels & typeof appCommandChannels;
export type DesktopChannel = keyof DesktopChannels;
type Request<C extends DesktopChannel> = z.output<DesktopChannels[C]['request']>;
type Response<C extends DesktopChannel> = z.output<DesktopChannels[C]['response']>;

export type DesktopHandlers = {
  [C in DesktopChannel]: (request: Request<C>, context: RequestContext) => Promise<Response<C>>;
};

/** What the Electron side provides; every method gets the asking client's id. */
export interface DesktopShell {
  openForImport(clientId: string): Promise<Response<'files.openDialog'>>;
  save(
    request: Request<'files.saveDialog'>,
    clientId: string,
  ): Promise<Response<'files.saveDialog'>>;
  exportPdf(
    request: Request<'files.exportPdf'>,
    clientId: string,
  ): Promise<Response<'files.exportPdf'>>;
  acknowledge(commandId: string, clientId: string): boolean;
  /** The open dialog for a GGUF model (models.addFromDialog); null when cancelled. */
  chooseModelFile(clientId: string): Promise<string | null>;
}

export function createDesktopHandlers(shell?: DesktopShell): DesktopHandlers {
  const unavailable = { status: 'unavailable' } as const;
  if (!shell) {
    return {
      'files.openDialog': () => Promise.resolve(unavailable),
      'files.saveDialog': () => Promise.resolve(unavailable),
      'files.exportPdf': () => Promise.resolve(unavailable),
      'app.commandDone': () => Promise.resolve({ acknowledged: false }),
    };
  }
  return {
    'files.openDialog': (_request, context) => shell.openForImport(context.clientId),
    'files.saveDialog': (request, context) => shell.save(request, context.clientId),
    'files.exportPdf': (request, context) => shell.exportPdf(request, context.clientId),
    'app.commandDone': (request, context) =>
      Promise.resolve({ acknowledged: shell.acknowledge(request.commandId, context.clientId) }),
  };
}
