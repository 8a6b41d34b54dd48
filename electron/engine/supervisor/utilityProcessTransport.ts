/**
 * Starts the model host with Electron's utilityProcess: a Node process Electron owns, so a
 * llama.cpp abort or a GPU fault ends the host, never the app or the writer's window.
 */
import { utilityProcess } from 'electron';
import { modelHostEnvironment } from './hostEnvironment.js';
import type { HostExit, ModelHostProcess } from './hostTransport.js';
import type { HostRequest } from '../protocol.js';

export function forkUtilityModelHost(hostEntry: string): ModelHostProcess {
  const child = utilityProcess.fork(hostEntry, [], {
    serviceName: 'Inkwell model engine',
    stdio: 'inherit',
    env: modelHostEnvironment(process.env),
  });
  const exitListeners: ((exit: HostExit) => void)[] = [];
  let exited: HostExit | null = null;
  let running = true;
  // Electron reports only an exit code; a crash (abort, OOM kill) shows as a non-zero code.
  child.on('exit', (code) => {
    running = false;
    if (exited) return;
    exited = { code, signal: null };
    for (const listener of exitListeners) listener(exited);
  });
  return {
    get pid() {
      return child.pid;
    },
    postMessage(message: HostRequest) {
      if (running) child.postMessage(message);
    },
    onMessage(listener) {
      child.on('message', (message: unknown) => listener(message));
    },
    onExit(listener) {
      if (exited) listener(exited);
      else exitListeners.push(listener);
    },
    kill() {
      if (running) child.kill();
    },
  };
}
