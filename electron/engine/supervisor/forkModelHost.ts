/** Starts the model host with child_process.fork: headless mode, tests and benchmarks. */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { modelHostEnvironment } from './hostEnvironment.js';
import type { HostExit, ModelHostProcess } from './hostTransport.js';
import type { HostRequest } from '../protocol.js';

export interface ForkModelHostOptions {
  /** Extra environment for the host (e.g. NODE_LLAMA_CPP_* settings); the parent's is inherited. */
  env?: NodeJS.ProcessEnv;
  /** Pipe the host's stdout/stderr here instead of sharing the parent's. */
  quiet?: boolean;
}

/**
 * The host entry next to this file: modelHost.ts when main runs under tsx (so the host runs under
 * tsx too), the compiled modelHost.js in dist.
 */
export function modelHostEntry(): { path: string; execArgv: string[] } {
  const runningFromSource = import.meta.url.endsWith('.ts');
  const file = runningFromSource ? '../host/modelHost.ts' : '../host/modelHost.js';
  return {
    path: fileURLToPath(new URL(file, import.meta.url)),
    // Set explicitly so that the parent's own flags (--test, --inspect ...) are not inherited.
    execArgv: runningFromSource ? ['--import', 'tsx'] : [],
  };
}

export function forkModelHost(options: ForkModelHostOptions = {}): ModelHostProcess {
  const entry = modelHostEntry();
  const child = fork(entry.path, [], {
    execArgv: entry.execArgv,
    env: modelHostEnvironment({ ...process.env, ...options.env }),
    stdio: options.quiet ? ['ignore', 'ignore', 'ignore', 'ipc'] : 'inherit',
    serialization: 'json',
  });
  const exitListeners: ((exit: HostExit) => void)[] = [];
  let exited: HostExit | null = null;
  const reportExit = (exit: HostExit): void => {
    if (exited) return;
    exited = exit;
    for (const listener of exitListeners) listener(exit);
  };
  child.on('exit', (code, signal) => reportExit({ code, signal }));
  // A fork that cannot start reports 'error' and may never report 'exit'.
  child.on('error', () => reportExit({ code: null, signal: null }));
  return {
    get pid() {
      return child.pid;
    },
    postMessage(message: HostRequest) {
      if (!child.connected) return;
      // The channel can close between the check and the send when the host dies; the exit
      // handler reports that, so a failed send needs no handling of its own.
      child.send(message, (error) => void error);
    },
    onMessage(listener) {
      child.on('message', (message) => listener(message));
    },
    onExit(listener) {
      if (exited) listener(exited);
      else exitListeners.push(listener);
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
