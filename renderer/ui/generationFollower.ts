/**
 * Following one generation as its events arrive (a replay in the history panel, a template's
 * text in the templates panel). The server may send the first chunks before the reply that
 * starts it names the generation, so events are kept from the moment it is asked for and sorted
 * out once its id is known.
 */
import type { EventPayload } from '../../shared/contract.js';

type ChunkEvent = EventPayload<'generation.chunk'>;
type EndEvent = EventPayload<'generation.end'>;

export interface GenerationProgress {
  generationId: string | null;
  text: string;
  end: EndEvent | null;
}

export const NO_GENERATION_PROGRESS: GenerationProgress = {
  generationId: null,
  text: '',
  end: null,
};

type BufferedEvent = { type: 'chunk'; payload: ChunkEvent } | { type: 'end'; payload: EndEvent };

/** Keeps the text of one generation; events of other generations are ignored. */
export class GenerationFollower {
  private progress: GenerationProgress = NO_GENERATION_PROGRESS;
  /** Events seen before the id was known; dropped once it is. */
  private early: BufferedEvent[] = [];

  constructor(private readonly onChange: (progress: GenerationProgress) => void) {}

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
