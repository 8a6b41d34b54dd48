/**
 * How the history panel puts a generation into words: labels for its kind and how it ended,
 * its first line, its params and timings. Pure, so the wording is tested without a browser.
 */
import type { FinishReason, GenerationTimings } from '../../../shared/schemas/engine.js';
import type {
  ContinueParams,
  GenerationKind,
  StopAt,
} from '../../../shared/schemas/generations.js';

export const KIND_LABELS: Record<GenerationKind, string> = {
  continue: 'Continue',
  replay: 'Replay',
  template: 'Template',
};

/** null: the generation is still running (or its process died before it could finish). */
export function finishLabel(reason: FinishReason | null): string {
  switch (reason) {
    case 'stop':
      return 'Finished';
    case 'length':
      return 'Hit the length limit';
    case 'cancelled':
      return 'Stopped early';
    case 'error':
      return 'Failed';
    case null:
      return 'Running…';
  }
}

const STOP_AT_LABELS: Record<StopAt, string> = {
  none: 'no',
  sentence: 'end of sentence',
  paragraph: 'end of paragraph',
};

/** The first non-empty line of the output, shortened to fit a list row. */
export function firstLine(text: string, maxChars = 90): string {
  const line =
    text
      .split('\n')
      .map((part) => part.trim())
      .find((part) => part !== '') ?? '';
  if (line === '') return '(no text)';
  return line.length > maxChars ? `${line.slice(0, maxChars - 1).trimEnd()}…` : line;
}

/** Enough of a sha256 to tell two model files apart at a glance. */
export function shortSha(sha256: string): string {
  return sha256.length > 12 ? sha256.slice(0, 12) : sha256;
}

export interface LabelledValue {
  label: string;
  value: string;
}

/** The settings a generation ran with, in the order a writer thinks of them. */
export function paramRows(params: ContinueParams, seed: number): LabelledValue[] {
  return [
    { label: 'Temperature', value: String(params.temperature) },
    { label: 'Top-k', value: params.topK === 0 ? 'off' : String(params.topK) },
    { label: 'Top-p', value: params.topP === 1 ? 'off' : String(params.topP) },
    { label: 'Min-p', value: params.minP === 0 ? 'off' : String(params.minP) },
    {
      label: 'Repetition penalty',
      value:
        params.repeatPenalty === 1
          ? 'off'
          : `${params.repeatPenalty} over the last ${params.repeatLastTokens} tokens`,
    },
    { label: 'Max new tokens', value: String(params.maxTokens) },
    { label: 'Stop at', value: STOP_AT_LABELS[params.stopAt] },
    {
      label: 'Stop strings',
      value: params.stop.length === 0 ? 'none' : params.stop.map(visibleStopString).join(', '),
    },
    { label: 'Seed', value: String(seed) },
  ];
}

/** Line breaks and tabs made visible, so a stop string of "\n" is not shown as nothing. */
export function visibleStopString(stop: string): string {
  return JSON.stringify(stop);
}

export function timingRows(timings: GenerationTimings): LabelledValue[] {
  const rows: LabelledValue[] = [
    {
      label: 'Time to first token',
      value:
        timings.timeToFirstTokenMs === null ? '—' : `${Math.round(timings.timeToFirstTokenMs)} ms`,
    },
    { label: 'Speed', value: `${timings.tokensPerSecond.toFixed(1)} tokens/s` },
    { label: 'Prompt tokens', value: String(timings.promptTokens) },
    { label: 'Output tokens', value: String(timings.outputTokens) },
    { label: 'Total time', value: `${(timings.totalMs / 1000).toFixed(2)} s` },
  ];
  if (timings.droppedPromptTokens > 0) {
    rows.push({
      label: 'Tokens trimmed from the prompt',
      value: String(timings.droppedPromptTokens),
    });
  }
  return rows;
}
