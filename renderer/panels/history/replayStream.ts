/**
 * Following one replay as its events arrive. The server may send the first chunks before the
 * history.replay reply names the generation, so events are kept from the moment the replay is
 * asked for and sorted out once its id is known.
 */
import type { EventPayload } from '../../../shared/contract.js';
import type { FinishReason } from '../../../shared/schemas/engine.js';
import { i18n } from '../../i18n/i18n.js';

type ChunkEvent = EventPayload<'generation.chunk'>;
type EndEvent = EventPayload<'generation.end'>;

export interface ReplayProgress {
  generationId: string | null;
  text: string;
  end: EndEvent | null;
}

export const NO_REPLAY_PROGRESS: ReplayProgress = { generationId: null, text: '', end: null };

type BufferedEvent = { type: 'chunk'; payload: ChunkEvent } | { type: 'end'; payload: EndEvent };

/** Keeps the text of one generation; events of other generations are ignored. */
export class GenerationFollower {
  private progress: ReplayProgress = NO_REPLAY_PROGRESS;
  /** Events seen before the id was known; dropped once it is. */
  private early: BufferedEvent[] = [];

  constructor(private readonly onChange: (progress: ReplayProgress) => void) {}

  chunk(payload: ChunkEvent): void {
    this.receive({ type: 'chunk', payload });
  }

  end(payload: EndEvent): void {
    this.receive({ type: 'end', payload });
  }

  /** The replay's id arrived: take its early events and follow it from now on. */
  follow(generationId: string): void {
    this.progress = { generationId, text: '', end: null };
    const early = this.early;
    this.early = [];
    for (const event of early) this.apply(event);
    this.onChange(this.progress);
  }

  private receive(event: BufferedEvent): void {
    if (this.progress.generationId === null) {
      this.early.push(event);
      return;
    }
    if (this.apply(event)) this.onChange(this.progress);
  }

  private apply(event: BufferedEvent): boolean {
    const { generationId, end } = this.progress;
    if (event.payload.generationId !== generationId || end !== null) return false;
    this.progress =
      event.type === 'chunk'
        ? { ...this.progress, text: this.progress.text + event.payload.text }
        : // The end carries the whole text: it wins over the chunks if one was missed.
          { ...this.progress, text: event.payload.text, end: event.payload };
    return true;
  }
}

export type ReplayVerdict = 'exact' | 'prefix' | 'different' | 'failed';

export interface ReplayComparison {
  verdict: ReplayVerdict;
  message: string;
}

/** Whether a finished replay gave back the original text, said plainly in the UI language. */
export function compareReplay(
  original: { output: string; finishReason: FinishReason | null },
  replay: { text: string; finishReason: FinishReason },
): ReplayComparison {
  if (replay.finishReason === 'error' || replay.finishReason === 'cancelled') {
    return { verdict: 'failed', message: i18n.t('generation:replay.failed') };
  }
  if (replay.text === original.output) {
    return { verdict: 'exact', message: i18n.t('generation:replay.exact') };
  }
  if (original.finishReason === 'cancelled' && replay.text.startsWith(original.output)) {
    return { verdict: 'prefix', message: i18n.t('generation:replay.prefix') };
  }
  const at = firstDifference(original.output, replay.text);
  return {
    verdict: 'different',
    message: i18n.t('generation:replay.different', { position: at + 1 }),
  };
}

function firstDifference(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) if (a[index] !== b[index]) return index;
  return length;
}
