import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import { channelNames } from '../../shared/contract.js';
import type { Reply } from '../../shared/errors.js';
import { localizedError } from '../../shared/i18n/localizedMessage.js';
import type { EventBus } from '../core/eventBus.js';
import { webContentsClientId } from '../core/requestContext.js';
import type { Router } from './router.js';

/** The one IPC channel main uses to push contract events to the renderer. */
export const EVENT_CHANNEL = 'inkwell:event';

export interface ElectronAdapterOptions {
  ipcMain: IpcMain;
  router: Router;
  events: EventBus;
  /** Only our own window's main frame, at our own origin, may call the contract. */
  isTrustedSender: (frame: WebFrameMain | null) => boolean;
  windows: () => WebContents[];
}

/** ipcMain.handle for every contract channel: sender first, then payload (validated by the router). */
export function attachElectronIpc(options: ElectronAdapterOptions): () => void {
  const { ipcMain, router, events, isTrustedSender, windows } = options;
  for (const channel of channelNames) {
    ipcMain.handle(
      channel,
      (event: IpcMainInvokeEvent, payload: unknown): Promise<Reply<unknown>> => {
        if (!isTrustedSender(event.senderFrame)) {
          return Promise.resolve({
            ok: false,
            error: localizedError('unauthorized', 'errors:request.untrustedWindow').toJSON(),
          });
        }
        let replied: () => void = () => undefined;
        const replySent = new Promise<void>((resolve) => {
          replied = resolve;
        });
        const reply = router.dispatch(channel, payload, {
          transport: 'electron',
          clientId: webContentsClientId(event.sender.id),
          replySent,
        });
        // Electron sends the reply as soon as this promise settles; a macrotask later it is out.
        void reply.finally(() => setImmediate(replied));
        return reply;
      },
    );
  }
  const unsubscribe = events.subscribeAddressed((target, name, payload) => {
    for (const contents of windows()) {
      if (target !== null && webContentsClientId(contents.id) !== target) continue;
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, payload);
    }
  });
  return () => {
    unsubscribe();
    for (const channel of channelNames) ipcMain.removeHandler(channel);
  };
}
