/**
 * Starts the render process with Electron's utilityProcess (the app): a Node process Electron
 * owns, since a packaged app cannot run itself as Node for child_process.fork (the RunAsNode
 * fuse is off). Only main.ts imports this file.
 */
import { utilityProcess } from 'electron';
import { heapCapArgs, type RenderProcess } from './renderProcess.js';

export function forkUtilityRenderProcess(hostEntry: string, memoryMb: number): RenderProcess {
  const child = utilityProcess.fork(hostEntry, [], {
    serviceName: 'Inkwell template renderer',
    execArgv: heapCapArgs(memoryMb),
    // V8's report of a template that hit the memory cap is expected; main says what it means.
    stdio: 'ignore',
  });
  const exitListeners: ((detail: string) => void)[] = [];
  let exited: string | null = null;
  child.on('exit', (code) => {
    exited = `exit code ${code}`;
    for (const listener of exitListeners) listener(exited);
  });
  return {
    postMessage(message) {
      if (exited === null) child.postMessage(message);
    },
    onMessage(listener) {
      child.on('message', (message: unknown) => listener(message));
    },
    onExit(listener) {
      if (exited !== null) listener(exited);
      else exitListeners.push(listener);
    },
    kill() {
      if (exited === null) child.kill();
    },
  };
}
