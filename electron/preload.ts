/**
 * The narrow bridge: exactly one object, window.inkwell, whose keys are the contract's channels
 * plus `on` and `addDroppedModel`. ipcRenderer itself never reaches the page, and listeners get
 * data, not the event. Bundled to CommonJS (vite.preload.config.ts) because sandboxed preloads
 * cannot load ESM.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { InkwellBridge } from '../shared/bridge.js';
import type { Reply } from '../shared/errors.js';
import {
  channelNames,
  isEventName,
  type EventName,
  type EventPayload,
} from '../shared/contract.js';

const EVENT_CHANNEL = 'inkwell:event';

const methods = Object.fromEntries(
  channelNames.map((channel) => [
    channel,
    (request: unknown) => ipcRenderer.invoke(channel, request),
  ]),
);

function on<E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  if (!isEventName(event)) throw new Error(`Unknown event: ${String(event)}`);
  const forward = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
    if (name === event) listener(payload as EventPayload<E>);
  };
  ipcRenderer.on(EVENT_CHANNEL, forward);
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, forward);
  };
}

/**
 * A refusal in English with its i18n key (errors:models.*) for the UI. The sandboxed preload
 * loads no i18n catalog, so the English is written here; a unit test holds it to the catalog's.
 */
function refused(key: string, message: string): Reply<never> {
  return { ok: false, error: { code: 'invalid_request', message, localized: { key } } };
}

/**
 * A dropped model file, added by its path. The page hands over the File, never a path: only a
 * File backed by a file on disk (a real drop or file input) has one, and getPathForFile throws
 * for anything that is not a File. Main still checks the name and the contents (modelsHandlers).
 */
function addDroppedModel(file: File): Promise<Reply<unknown>> {
  let path: string;
  try {
    path = webUtils.getPathForFile(file);
  } catch {
    return Promise.resolve(
      refused(
        'errors:models.droppedNotFromComputer',
        'Only a file dropped from your computer can be added.',
      ),
    );
  }
  if (typeof path !== 'string' || path === '') {
    return Promise.resolve(
      refused(
        'errors:models.droppedNotOnDisk',
        'This file is not on your disk, so it cannot be added as a model.',
      ),
    );
  }
  return ipcRenderer.invoke('models.add', { path }) as Promise<Reply<unknown>>;
}

const bridge = { ...methods, on, addDroppedModel } as unknown as InkwellBridge;
contextBridge.exposeInMainWorld('inkwell', bridge);
