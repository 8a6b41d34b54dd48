import type { FinishReason } from '../../../shared/schemas/engine.js';
import { i18n } from '../../i18n/i18n.js';

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
