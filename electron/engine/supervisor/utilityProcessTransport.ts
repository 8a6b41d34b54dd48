/**
 * Starts the model host with Electron's utilityProcess: a Node process Electron owns, so a
 * llama.cpp abort or a GPU fault ends the host, never the app or the writer's window.
 */
import { utilityProcess } from 'electron';
import { modelHostEnvironment } from './hostEnvironment.js';
import type { HostExit, ModelHostProcess } from './hostTransport.js';
import type { HostRequest } from '../protocol.js';

/**
 * `onOutput` receives what the host (llama.cpp included) writes to stdout and stderr, line by
 * line, for the model host's log; it is echoed to main's own streams as before.
 */
export function forkUtilityModelHost(
  hostEntry: string,
  onOutput: (line: string, stream: 'stdout' | 'stderr') => void = () => undefined,
): ModelHostProcess {
  const child = utilityProcess.fork(hostEntry, [], {
    serviceName: 'Inkwell model engine',
    stdio: 'pipe',
    env: modelHostEnvironment(process.env),
  });
  for (const stream of ['stdout', 'stderr'] as const) {
    let pending = '';
    child[stream]?.on('data', (chunk: Buffer) => {
      process[stream].write(chunk);
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.trim() !== '') onOutput(line, stream);
    });
  }
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
