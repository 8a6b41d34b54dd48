/**
 * The narrow bridge: exactly one object, window.inkwell, whose keys are the contract's channels
 * plus `on`. ipcRenderer itself never reaches the page, and listeners get data, not the event.
 * Bundled to CommonJS (vite.preload.config.ts) because sandboxed preloads cannot load ESM.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { InkwellBridge } from '../shared/bridge.js';
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

const bridge = { ...methods, on } as unknown as InkwellBridge;
contextBridge.exposeInMainWorld('inkwell', bridge);
