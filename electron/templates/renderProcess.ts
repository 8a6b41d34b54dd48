/**
 * How main starts and talks to the render process (renderHost.ts), whatever starts it:
 * child_process.fork here (headless mode, tests, scripts), Electron's utilityProcess in the app
 * (utilityRenderProcess.ts, passed in by main.ts). Either way its heap is capped by a V8 flag.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RenderJob } from './renderProtocol.js';

export interface RenderProcess {
  postMessage(message: RenderJob): void;
  /** Every message the process sends, unvalidated. */
  onMessage(listener: (message: unknown) => void): void;
  /**
   * Called once, when the process has ended for any reason (or failed to start), with how it
   * ended and the end of what it wrote to stderr, for the log.
   */
  onExit(listener: (detail: string) => void): void;
  /** Ends the process at once. */
  kill(): void;
}

const STDERR_KEPT_CHARS = 2_000;

/** Starts one fresh render process whose heap is capped at memoryMb. */
export type SpawnRenderProcess = (memoryMb: number) => RenderProcess;

/** The V8 flag that caps the process's heap: past it V8 ends the process, never main. */
export function heapCapArgs(memoryMb: number): string[] {
  return [`--max-old-space-size=${memoryMb}`];
}

/**
 * The render host next to this file: renderHost.ts when main runs under tsx (so the host runs
 * under tsx too), the compiled renderHost.js in dist.
 */
export function renderHostEntry(): { path: string; execArgv: string[] } {
  const runningFromSource = import.meta.url.endsWith('.ts');
  return {
    path: fileURLToPath(
      new URL(runningFromSource ? './renderHost.ts' : './renderHost.js', import.meta.url),
    ),
    // Set explicitly so that the parent's own flags (--test, --inspect ...) are not inherited.
    execArgv: runningFromSource ? ['--import', 'tsx'] : [],
  };
}

export function forkRenderProcess(memoryMb: number): RenderProcess {
  const entry = renderHostEntry();
  const child = fork(entry.path, [], {
    execArgv: [...entry.execArgv, ...heapCapArgs(memoryMb)],
    // stderr is kept for the log (V8's report of a template that hit the cap is not printed).
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'json',
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_KEPT_CHARS);
  });
  // An idle render process must not keep the app (or a test run) alive; a job in flight holds a
  // timer of its own in main.
  child.unref();
  child.channel?.unref();
  (child.stderr as { unref?: () => void } | null)?.unref?.();
  let exited = false;
  const exitListeners: ((detail: string) => void)[] = [];
  const reportExit = (how: string): void => {
    if (exited) return;
    exited = true;
    const detail = `${how}${stderr.trim() === '' ? '' : `: ${stderr.trim()}`}`;
    for (const listener of exitListeners) listener(detail);
  };
  // 'close' comes after stderr has been read to its end.
  child.on('close', (code, signal) => reportExit(`exit code ${code}, signal ${signal}`));
  // A fork that cannot start reports 'error' and may never report 'exit'.
  child.on('error', (error) => reportExit(error.message));
  return {
    postMessage(message) {
      if (!child.connected) return;
      // A send can fail when the process has just died; its exit reports that.
      child.send(message, (error) => void error);
    },
    onMessage(listener) {
      child.on('message', (message) => listener(message));
    },
    onExit(listener) {
      if (exited) listener('ended before');
      else exitListeners.push(listener);
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
