/**
 * The render process: renders templates for main, one job at a time, under the counted limits
 * (boundedJinja.ts). It is a process, not a worker thread, because a V8 heap that runs out
 * while a worker grows one large list aborts the whole process (Node 20): here that ends only
 * this process, which main reports as the memory limit and starts afresh. Started by main with
 * child_process.fork (headless mode, tests) or Electron's utilityProcess (the app), with its
 * heap capped (--max-old-space-size).
 */
import { getHeapStatistics } from 'node:v8';
import { renderBounded } from './boundedJinja.js';
import type { RenderJob, RenderReply } from './renderProtocol.js';

/** The part of Electron's utility-process parentPort used here (not in @types/node). */
interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

interface Port {
  send(message: RenderReply): void;
  onMessage(listener: (message: unknown) => void): void;
}

function connect(): Port {
  const parentPort = (process as { parentPort?: ElectronParentPort }).parentPort;
  if (parentPort) {
    return {
      send: (message) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
    };
  }
  const send = process.send?.bind(process);
  if (!send) throw new Error('The template renderer must be started by Inkwell.');
  // Main gone: nobody to render for.
  process.on('disconnect', () => process.exit(0));
  return {
    send: (message) => {
      if (process.connected) send(message, undefined, {}, (error) => void error);
    },
    onMessage: (listener) => process.on('message', listener),
  };
}

function isJob(message: unknown): message is RenderJob {
  return (message as { type?: unknown } | null)?.type === 'render';
}

const port = connect();
port.onMessage((message) => {
  if (!isJob(message)) return;
  port.send({ ...renderBounded(message.sources, message.values, message.limits), id: message.id });
});
port.send({
  type: 'ready',
  heapLimitMb: Math.round(getHeapStatistics().heap_size_limit / 2 ** 20),
});
