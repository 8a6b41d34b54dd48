/**
 * Main waits for renderers to acknowledge a command (the flush before quitting): each waiting
 * command lists the clients it waits for and ends when all answered or the time is up, so a hung
 * or crashed renderer can delay quitting by at most the timeout, never block it.
 */
export type WaitOutcome = 'acknowledged' | 'timed-out';

interface Waiting {
  clients: Set<string>;
  finish: (outcome: WaitOutcome) => void;
}

export class Acknowledgements {
  private readonly waiting = new Map<string, Waiting>();
  private nextId = 1;

  /** A fresh command id for this process (renderers only echo it back). */
  newCommandId(): string {
    return `command-${this.nextId++}`;
  }

  wait(commandId: string, clientIds: readonly string[], timeoutMs: number): Promise<WaitOutcome> {
    if (clientIds.length === 0) return Promise.resolve('acknowledged');
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish('timed-out'), timeoutMs);
      const finish = (outcome: WaitOutcome): void => {
        clearTimeout(timer);
        this.waiting.delete(commandId);
        resolve(outcome);
      };
      this.waiting.set(commandId, { clients: new Set(clientIds), finish });
    });
  }

  /** True when this client was one the command waited for. */
  acknowledge(commandId: string, clientId: string): boolean {
    const waiting = this.waiting.get(commandId);
    if (!waiting || !waiting.clients.delete(clientId)) return false;
    if (waiting.clients.size === 0) waiting.finish('acknowledged');
    return true;
  }

  /** A client went away (window closed or crashed): nobody should wait for it any more. */
  forget(clientId: string): void {
    for (const [commandId, waiting] of [...this.waiting]) {
      if (waiting.clients.has(clientId)) this.acknowledge(commandId, clientId);
    }
  }
}
