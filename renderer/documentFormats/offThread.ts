/**
 * Reading a file in a Web Worker, with a deadline. A reader that takes too long (a pathology
 * no check foresaw) then costs the writer the deadline and a sentence saying so, instead of a
 * frozen tab: the page's thread never runs it, and the worker is terminated, which stops it
 * mid-loop. Both sides of the exchange live here, so they cannot drift apart.
 */
import { ImportRefusedError, isImportRefusal, type ImportRefusal } from './importLimits.js';

/** What a worker says: it has started, then one answer per task. */
type WorkerReply =
  | { type: 'ready' }
  | { type: 'done'; output: unknown }
  | { type: 'refused'; refusal: ImportRefusal }
  | { type: 'failed'; message: string };

/** The part of a Worker used here (a test can stand one in). */
export interface TaskWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
}

export interface OffThreadTask<Input, Output> {
  /** A new worker running serveOffThread, or null where there are no workers (Node, tests). */
  start: () => TaskWorker | null;
  input: Input;
  /** Checks what came back, since it crossed a thread as plain data. */
  isOutput: (value: unknown) => value is Output;
  /** The same work on this thread: where workers are missing or will not start. */
  inThread: (input: Input) => Output | Promise<Output>;
  deadlineMs: number;
}

function isWorkerReply(value: unknown): value is WorkerReply {
  const type = (value as { type?: unknown } | null)?.type;
  return type === 'ready' || type === 'done' || type === 'refused' || type === 'failed';
}

/**
 * Runs the task in a worker and answers its output, or rejects with what it threw there
 * (ImportRefusedError as such) or with a 'readTime' refusal once the deadline passes.
 */
export async function runOffThread<Input, Output>(
  task: OffThreadTask<Input, Output>,
): Promise<Output> {
  let worker: TaskWorker | null = null;
  try {
    worker = task.start();
  } catch {
    // A page whose policy or shell refuses workers still imports, only without the deadline.
  }
  if (!worker) return task.inThread(task.input);
  const started = worker;

  return new Promise<Output>((resolve, reject) => {
    let ready = false;
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      started.terminate();
      outcome();
    };
    const deadline = setTimeout(
      () =>
        settle(() => reject(new ImportRefusedError({ kind: 'readTime', maxMs: task.deadlineMs }))),
      task.deadlineMs,
    );
    started.addEventListener('message', (event) => {
      const reply = event.data;
      if (!isWorkerReply(reply)) {
        settle(() => reject(new Error('The reader sent an unexpected message.')));
      } else if (reply.type === 'ready') {
        ready = true;
        // Sent only now: a worker that never starts must not have taken the input with it.
        started.postMessage(task.input);
      } else if (reply.type === 'done') {
        const { output } = reply;
        if (task.isOutput(output)) settle(() => resolve(output));
        else settle(() => reject(new Error('The reader answered something unexpected.')));
      } else if (reply.type === 'refused' && isImportRefusal(reply.refusal)) {
        const { refusal } = reply;
        settle(() => reject(new ImportRefusedError(refusal)));
      } else {
        const message = reply.type === 'failed' ? reply.message : 'refused';
        settle(() => reject(new Error(message)));
      }
    });
    started.addEventListener('error', (event) => {
      // Before 'ready', the worker's script did not load (a shell that serves no workers):
      // read here instead. After it, the reader itself broke.
      event.preventDefault();
      if (!ready) {
        settle(() => {
          Promise.resolve()
            .then(() => task.inThread(task.input))
            .then(resolve, reject);
        });
      } else {
        settle(() => reject(new Error(event.message || 'The reader stopped.')));
      }
    });
  });
}

/** The worker's global scope, as far as it is used here (the renderer compiles against DOM). */
interface WorkerScope {
  postMessage(message: WorkerReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

/** In a worker's module: answers each posted input with `read`'s output. */
export function serveOffThread<Input>(read: (input: Input) => unknown): void {
  const scope = globalThis as unknown as WorkerScope;
  scope.addEventListener('message', (event) => {
    void (async () => {
      try {
        scope.postMessage({ type: 'done', output: await read(event.data as Input) });
      } catch (error) {
        if (error instanceof ImportRefusedError) {
          scope.postMessage({ type: 'refused', refusal: error.refusal });
        } else {
          const message = error instanceof Error ? error.message : String(error);
          scope.postMessage({ type: 'failed', message });
        }
      }
    })();
  });
  scope.postMessage({ type: 'ready' });
}
