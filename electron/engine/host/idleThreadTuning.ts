/**
 * Thread tuning that never holds the writer up. A model loads with a starting guess
 * (startingThreads); once the host has had nothing to do for a while, it measures the best
 * counts (threadTuning.ts), switches to them and remembers them. A request that needs the model's
 * sequence (a completion, a load) interrupts the measuring, which waits for the next quiet spell.
 */
import os from 'node:os';
import { PROMPT_CHUNK_TOKENS } from './promptCache.js';
import { measureBestThreads, TuningInterrupted } from './threadTuning.js';
import { rememberThreads } from './threadTuningCache.js';
import type { LoadedModel } from './modelLoader.js';

/** How long the host must have been idle before it measures: a writer's next key may be near. */
export const TUNE_AFTER_IDLE_MS = 2000;

/** Room for the measuring prompt (128 tokens) and the tokens generated after it. */
const TUNING_CONTEXT_TOKENS = 256;

/**
 * Measures the loaded model's thread counts, if they are still a guess, and switches to them.
 * Returns whether they are settled now (false when interrupted: measured again later).
 */
export async function tuneLoadedModel(loaded: LoadedModel, signal: AbortSignal): Promise<boolean> {
  const pending = loaded.pendingTuning;
  if (!pending) return true;
  // A small context of its own, evaluated like the writer's (same batch size, no flash
  // attention), so the writer's sequence and the prompt kept in it are left as they are.
  const trained = loaded.model.trainContextSize;
  const context = await loaded.model.createContext({
    contextSize: trained > 0 ? Math.min(TUNING_CONTEXT_TOKENS, trained) : TUNING_CONTEXT_TOKENS,
    sequences: 1,
    threads: { ideal: Math.max(os.cpus().length, 1), min: 1 },
    batchSize: PROMPT_CHUNK_TOKENS,
    flashAttention: false,
  });
  let record;
  try {
    record = await measureBestThreads(
      loaded.llama,
      loaded.model,
      context.getSequence(),
      undefined,
      signal,
    );
  } catch (error) {
    if (error instanceof TuningInterrupted) return false;
    // Measuring failed (it should not): the guess stays, and is not measured again this load.
    loaded.pendingTuning = null;
    return true;
  } finally {
    await context.dispose();
  }
  loaded.pendingTuning = null;
  loaded.info = {
    ...loaded.info,
    threads: { generation: record.generation, prompt: record.prompt, source: 'tuned' },
  };
  if (pending.file) {
    // Failing to remember only costs a measurement next time.
    await rememberThreads(pending.file, pending.key, record).catch(() => undefined);
  }
  return true;
}

/**
 * When to tune: `idle()` after the host's last piece of work, `busy()` when work that needs the
 * sequence arrives. `run` is called once the host has stayed idle for `idleMs`, with a signal
 * that busy() aborts.
 */
export class IdleThreadTuning {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private controller: AbortController | null = null;

  constructor(
    private readonly run: (signal: AbortSignal) => Promise<unknown>,
    private readonly idleMs: number = TUNE_AFTER_IDLE_MS,
  ) {}

  /** Work that needs the sequence is coming: measuring stops (and starts again when idle). */
  busy(): void {
    this.clearTimer();
    this.controller?.abort();
  }

  /** The host has nothing to do: measure once it has stayed so for idleMs. */
  idle(): void {
    if (this.controller) return;
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      const controller = new AbortController();
      this.controller = controller;
      void this.run(controller.signal)
        .catch(() => undefined)
        .finally(() => {
          if (this.controller === controller) this.controller = null;
        });
    }, this.idleMs);
    // Waiting to measure is no reason to keep the process alive.
    this.timer.unref();
  }

  dispose(): void {
    this.busy();
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
