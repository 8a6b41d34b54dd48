import { currentLanguage } from '../i18n/i18n.js';

/**
 * Short, local time for lists: the time of day for today, otherwise the date. In the UI
 * language (and its conventions: "14:05" or "下午2:05", "Mar 4" or "3月4日"), not the system's.
 */
export function formatShortTime(
  timestampMs: number,
  now: Date = new Date(),
  language: string = currentLanguage(),
): string {
  const date = new Date(timestampMs);
  const sameDay =
    date.getFullYear() === now.getFullYear() &&
    date.getMonth() === now.getMonth() &&
    date.getDate() === now.getDate();
  if (sameDay) return date.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' });
  const sameYear = date.getFullYear() === now.getFullYear();
  return date.toLocaleDateString(language, {
    month: 'short',
    day: 'numeric',
    ...(sameYear ? {} : { year: 'numeric' }),
  });
}

/** Full local date and time in the UI language, for revision entries where seconds can matter. */
export function formatFullTime(timestampMs: number, language: string = currentLanguage()): string {
  return new Date(timestampMs).toLocaleString(language, {
    dateStyle: 'medium',
    timeStyle: 'medium',
  });
}
