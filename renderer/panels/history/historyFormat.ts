/**
 * How the history panel puts a generation into words, in the UI language: labels for its kind
 * and how it ended, its first line, its params and timings. Free of React, so the wording is
 * tested without a browser.
 */
import type { FinishReason, GenerationTimings } from '../../../shared/schemas/engine.js';
import type {
  ContinueParams,
  GenerationKind,
  StopAt,
} from '../../../shared/schemas/generations.js';
import { currentLanguage, i18n } from '../../i18n/i18n.js';

/** What kind of generation an entry is: Continue, Replay, Template. */
export function kindLabel(kind: GenerationKind): string {
  return i18n.t(`generation:kinds.${kind}`);
}

/** null: the generation is still running (or its process died before it could finish). */
export function finishLabel(reason: FinishReason | null): string {
  return i18n.t(reason === null ? 'generation:finish.running' : `generation:finish.${reason}`);
}

const STOP_AT_LABELS = {
  none: 'facts.stopAtNone',
  sentence: 'facts.stopAtSentence',
  paragraph: 'facts.stopAtParagraph',
} as const satisfies Record<StopAt, string>;

function formatNumber(value: number): string {
  return new Intl.NumberFormat(currentLanguage()).format(value);
}

/** The first non-empty line of the output, shortened to fit a list row. */
export function firstLine(text: string, maxChars = 90): string {
  const line =
    text
      .split('\n')
      .map((part) => part.trim())
      .find((part) => part !== '') ?? '';
  if (line === '') return i18n.t('generation:history.noText');
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
  const t = i18n.getFixedT(null, 'generation');
  const off = t('facts.off');
  return [
    { label: t('params.temperature.label'), value: String(params.temperature) },
    {
      label: t('params.topK.label'),
      value: params.topK === 0 ? off : String(params.topK),
    },
    {
      label: t('params.topP.label'),
      value: params.topP === 1 ? off : String(params.topP),
    },
    {
      label: t('params.minP.label'),
      value: params.minP === 0 ? off : String(params.minP),
    },
    {
      label: t('params.repeatPenalty.label'),
      value:
        params.repeatPenalty === 1
          ? off
          : t('facts.repeatPenalty', {
              penalty: params.repeatPenalty,
              count: params.repeatLastTokens,
            }),
    },
    { label: t('params.maxTokens.label'), value: formatNumber(params.maxTokens) },
    { label: t('stop.stopAt'), value: t(STOP_AT_LABELS[params.stopAt]) },
    {
      label: t('stop.list'),
      value:
        params.stop.length === 0 ? t('facts.none') : params.stop.map(visibleStopString).join(', '),
    },
    // A seed is an identifier to type back in, so it is not grouped like a number.
    { label: t('seed.label'), value: String(seed) },
  ];
}

/** Line breaks and tabs made visible, so a stop string of "\n" is not shown as nothing. */
export function visibleStopString(stop: string): string {
  return JSON.stringify(stop);
}

export function timingRows(timings: GenerationTimings): LabelledValue[] {
  const t = i18n.getFixedT(null, 'generation');
  const rows: LabelledValue[] = [
    {
      label: t('facts.timeToFirstToken'),
      value:
        timings.timeToFirstTokenMs === null
          ? '—'
          : t('facts.milliseconds', { value: timings.timeToFirstTokenMs }),
    },
    {
      label: t('facts.speed'),
      value: t('facts.tokensPerSecond', { value: timings.tokensPerSecond }),
    },
    { label: t('facts.promptTokens'), value: formatNumber(timings.promptTokens) },
    { label: t('facts.outputTokens'), value: formatNumber(timings.outputTokens) },
    {
      label: t('facts.totalTime'),
      value: t('facts.seconds', { value: timings.totalMs / 1000 }),
    },
  ];
  if ((timings.reusedPromptTokens ?? 0) > 0) {
    rows.push({
      label: t('facts.reusedPromptTokens'),
      value: formatNumber(timings.reusedPromptTokens ?? 0),
    });
  }
  if (timings.droppedPromptTokens > 0) {
    rows.push({
      label: t('facts.droppedPromptTokens'),
      value: formatNumber(timings.droppedPromptTokens),
    });
  }
  return rows;
}
