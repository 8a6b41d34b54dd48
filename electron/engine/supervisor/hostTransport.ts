/**
 * How main talks to a model host process, whatever started it: `child_process.fork` in headless
 * mode and tests (forkModelHost.ts), Electron's `utilityProcess.fork` in the app
 * (utilityProcessTransport.ts). The supervisor only needs these five things.
 */
import type { HostRequest } from '../protocol.js';

export interface HostExit {
  /** The exit code, or null when a signal ended the process. */
  code: number | null;
  /** The signal that ended it (e.g. 'SIGKILL', 'SIGABRT'), when known. */
  signal: string | null;
}

export interface ModelHostProcess {
  readonly pid: number | undefined;
  postMessage(message: HostRequest): void;
  /** Every message the host sends, unvalidated: the supervisor parses it. */
  onMessage(listener: (message: unknown) => void): void;
  /** Called once, when the process has ended for any reason (or failed to start). */
  onExit(listener: (exit: HostExit) => void): void;
  /** Ends the process at once (SIGKILL where there are signals). */
  kill(): void;
}

/** Starts one fresh model host process. */
export type SpawnModelHost = () => ModelHostProcess;
