import type { ModelMemory } from '../../../shared/schemas/engine.js';
import { currentLanguage, i18n } from '../../i18n/i18n.js';

/**
 * Sizes, counts, durations and dates as the Models panel shows them, in the UI language at the
 * time of the call (numbers through Intl, units through the models namespace).
 */
function formatNumber(value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(currentLanguage(), {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1e9)
    return i18n.t('models:units.gigabytes', { value: formatNumber(bytes / 1e9, 1) });
  if (bytes >= 1e6) return i18n.t('models:units.megabytes', { value: formatNumber(bytes / 1e6) });
  if (bytes >= 1e3) return i18n.t('models:units.kilobytes', { value: formatNumber(bytes / 1e3) });
  return i18n.t('models:units.bytes', { value: formatNumber(bytes) });
}

/** A speed, e.g. "12 MB/s". */
export function formatBytesPerSecond(bytesPerSecond: number): string {
  return i18n.t('models:units.perSecond', { size: formatBytes(bytesPerSecond) });
}

/** A parameter count the way model names give it (124M, 1.6B), in any language. */
export function formatParameters(count: number): string {
  if (count >= 1e9) return `${formatNumber(count / 1e9, 1)}B`;
  if (count >= 1e6) return `${formatNumber(count / 1e6)}M`;
  return `${formatNumber(count / 1e3)}K`;
}

export function formatSeconds(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  if (seconds < 60)
    return i18n.t('models:units.seconds', { value: formatNumber(Math.ceil(seconds)) });
  return i18n.t('models:units.minutesSeconds', {
    minutes: formatNumber(Math.floor(seconds / 60)),
    seconds: formatNumber(Math.round(seconds % 60)),
  });
}

export function formatDate(at: number | null): string {
  if (at === null) return i18n.t('models:never');
  return new Intl.DateTimeFormat(currentLanguage(), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(at);
}

/** A load time: milliseconds below a second, else seconds with one decimal. */
export function formatDuration(ms: number): string {
  if (ms < 1000)
    return i18n.t('models:units.milliseconds', { value: formatNumber(Math.round(ms)) });
  return i18n.t('models:units.seconds', { value: formatNumber(ms / 1000, 1) });
}

/** What the loaded model costs, as the host measured it (see ModelMemory). */
export function describeMemory(memory: ModelMemory): string {
  const total = formatBytes(memory.hostRssBytes);
  const weights = formatBytes(memory.modelBytes);
  const contextMemory = formatBytes(memory.contextBytes);
  if (memory.vramBytes === null) {
    return i18n.t('models:engine.memory', { total, weights, contextMemory });
  }
  const vram = formatBytes(memory.vramBytes);
  if (memory.freeVramBytes === null) {
    return i18n.t('models:engine.memoryWithVram', { total, weights, contextMemory, vram });
  }
  const freeVram = formatBytes(memory.freeVramBytes);
  return i18n.t('models:engine.memoryWithVramFree', {
    total,
    weights,
    contextMemory,
    vram,
    freeVram,
  });
}
