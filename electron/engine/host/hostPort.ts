/**
 * The model host's side of the channel to main. The same entry runs under `child_process.fork`
 * (messages through process.send / process.on('message')) and under Electron's
 * `utilityProcess.fork` (messages through process.parentPort, each wrapped in an event's `data`).
 */
import type { HostMessage } from '../protocol.js';

export interface HostPort {
  send(message: HostMessage): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Main went away: the host has nobody to serve and should leave. */
  onParentGone(listener: () => void): void;
}

/** The part of Electron's utility-process parentPort the host uses (not in @types/node). */
interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

export function connectToParent(): HostPort {
  const parentPort = (process as { parentPort?: ElectronParentPort }).parentPort;
  if (parentPort) {
    return {
      send: (message) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
      // Electron ends a utility process together with its parent.
      onParentGone: () => undefined,
    };
  }
  const send = process.send?.bind(process);
  if (send) {
    return {
      send: (message) => {
        if (process.connected) send(message, undefined, {}, (error) => void error);
      },
      onMessage: (listener) => process.on('message', (message) => listener(message)),
      onParentGone: (listener) => process.on('disconnect', listener),
    };
  }
  throw new Error('The model host must be started by Inkwell: there is no channel to main.');
}
