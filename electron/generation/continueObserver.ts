/**
 * Follows one continue (or replay) generation as its events pass by: keeps the output in the
 * history row up to date cheaply (at most one write a second while running, then the final one),
 * and for stop-at 'sentence' cuts the stream after the first complete sentence, cancels the
 * engine, and turns the end into finish reason 'stop' with the text up to the sentence's end.
 */
import type { GenerationOutcome, GenerationsRepository } from '../store/generationsRepository.js';
import type { GenerationEnd } from '../engine/engineService.js';
import type { GenerationObserver } from './generationRelay.js';
import { SentenceWatcher } from './sentenceStop.js';

/** How often the output of a running generation is written to history, at most. */
export const OUTPUT_FLUSH_INTERVAL_MS = 1000;

export interface ContinueObserverOptions {
  generationId: string;
  stopAtSentence: boolean;
  generations: GenerationsRepository;
  cancel: () => void;
  finished: () => void;
  clock: () => number;
}

export class ContinueObserver implements GenerationObserver {
  private output = '';
  private raw = '';
  private sentenceEnded = false;
  private readonly sentence: SentenceWatcher | null;
  private lastFlushAt: number;
  private flushedOutput = '';
  /** The row is inserted just after the engine has the request; an early end waits for it. */
  private rowInserted = false;
  private pendingOutcome: GenerationOutcome | null = null;

  constructor(private readonly options: ContinueObserverOptions) {
    this.sentence = options.stopAtSentence ? new SentenceWatcher() : null;
    this.lastFlushAt = options.clock();
  }

  chunk(text: string): string {
    if (this.sentenceEnded) return '';
    this.raw += text;
    const end = this.sentence?.push(text) ?? null;
    let passed = text;
    if (end !== null) {
      this.sentenceEnded = true;
      passed = this.raw.slice(this.output.length, end);
      this.options.cancel();
    }
    this.output += passed;
    this.flushIfDue();
    return passed;
  }

  end(end: GenerationEnd): GenerationEnd {
    const final: GenerationEnd = this.sentenceEnded ? this.stoppedAtSentence(end) : end;
    const outcome: GenerationOutcome = {
      id: this.options.generationId,
      output: final.text,
      finishReason: final.finishReason,
      error: final.error ?? null,
      timings: final.timings,
      finishedAt: this.options.clock(),
    };
    if (this.rowInserted) this.options.generations.finish(outcome);
    else this.pendingOutcome = outcome;
    return final;
  }

  /** The history row exists now; an end that came first is written to it. */
  inserted(): void {
    this.rowInserted = true;
    if (this.pendingOutcome) this.options.generations.finish(this.pendingOutcome);
    this.pendingOutcome = null;
  }

  /** The cancel was ours: the generation ended where the sentence did, as a stop. */
  private stoppedAtSentence(end: GenerationEnd): GenerationEnd {
    const { error: _cancelError, ...rest } = end;
    return { ...rest, finishReason: 'stop', text: this.output };
  }

  afterEnd(): void {
    this.options.finished();
  }

  private flushIfDue(): void {
    if (!this.rowInserted) return;
    const now = this.options.clock();
    if (now - this.lastFlushAt < OUTPUT_FLUSH_INTERVAL_MS || this.output === this.flushedOutput) {
      return;
    }
    this.lastFlushAt = now;
    this.flushedOutput = this.output;
    this.options.generations.updateOutput(this.options.generationId, this.output);
  }
}
