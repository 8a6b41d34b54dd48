/**
 * Follows one template generation: cuts the stream at the template's shape (N lines or stanzas,
 * cancelling the engine there, the end turned into a 'stop'), hands the text to the continue
 * observer that records it in history, and once the end has passed on, puts the output into the
 * document after its opening.
 */
import type { TemplateShape } from '../../shared/schemas/templates.js';
import type { ContinueObserver } from '../generation/continueObserver.js';
import type { GenerationEnd } from '../engine/engineService.js';
import type { GenerationObserver } from '../generation/generationRelay.js';
import { shapeEnd } from './shapeStop.js';

export interface TemplateObserverOptions {
  inner: ContinueObserver;
  shape: TemplateShape | null;
  cancel: () => void;
  /** Called with the final output after the end reached the renderers. */
  finished: (output: string) => void;
}

export class TemplateObserver implements GenerationObserver {
  private raw = '';
  private passed = '';
  private shapeReached = false;

  constructor(private readonly options: TemplateObserverOptions) {}

  chunk(text: string): string {
    if (this.shapeReached) return '';
    this.raw += text;
    let wanted = this.raw;
    const cut = this.options.shape ? shapeEnd(this.raw, this.options.shape) : null;
    if (cut !== null) {
      this.shapeReached = true;
      wanted = this.raw.slice(0, cut);
      this.options.cancel();
    }
    const fresh = wanted.slice(this.passed.length);
    this.passed = wanted;
    return fresh === '' ? '' : this.options.inner.chunk(fresh);
  }

  end(end: GenerationEnd): GenerationEnd {
    if (!this.shapeReached) return this.options.inner.end(end);
    // The cancel was ours: the poem is complete, which is a stop, not a writer's cancel.
    const { error: _cancelError, ...rest } = end;
    return this.options.inner.end({ ...rest, finishReason: 'stop', text: this.passed });
  }

  afterEnd(end: GenerationEnd): void {
    this.options.inner.afterEnd();
    this.options.finished(end.text);
  }
}
