/**
 * Inkwell's logs: one rotated file per process kind in the logs folder (main.log,
 * model-host.log, renderer.log), each line "time level message", every line redacted first
 * (redact.ts). Plain Node: main.ts feeds it Electron's events; the headless server can too.
 */
import { redact } from './redact.js';
import { DEFAULT_LIMITS, RotatingLogFile, type RotationLimits } from './rotatingLogFile.js';

export type LogLevel = 'error' | 'warn' | 'info';
export type LogSource = 'main' | 'model-host' | 'renderer';

export interface Log {
  error(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
}

export interface AppLog {
  readonly folder: string;
  of(source: LogSource): Log;
}

/** An error as its stack (name, message, frames) and its cause; anything else as text. */
export function describeDetail(detail: unknown): string {
  if (detail instanceof Error) {
    const own = detail.stack ?? `${detail.name}: ${detail.message}`;
    const code = (detail as { code?: unknown }).code;
    const withCode =
      typeof code === 'string' || typeof code === 'number' ? `${own} [code ${code}]` : own;
    return detail.cause === undefined
      ? withCode
      : `${withCode}\nCaused by: ${describeDetail(detail.cause)}`;
  }
  if (typeof detail === 'string') return detail;
  try {
    return JSON.stringify(detail) ?? String(detail);
  } catch {
    return String(detail);
  }
}

export function formatLine(level: LogLevel, message: string, detail: unknown, now: Date): string {
  const text = detail === undefined ? message : `${message} ${describeDetail(detail)}`;
  return `${now.toISOString()} ${level.toUpperCase().padEnd(5)} ${redact(text)}`;
}

export function createAppLog(
  folder: string,
  limits: RotationLimits = DEFAULT_LIMITS,
  now: () => Date = () => new Date(),
): AppLog {
  const files = new Map<LogSource, RotatingLogFile>();
  const fileOf = (source: LogSource): RotatingLogFile => {
    let file = files.get(source);
    if (!file) {
      file = new RotatingLogFile(folder, source, limits);
      files.set(source, file);
    }
    return file;
  };
  return {
    folder,
    of(source) {
      const write = (level: LogLevel) => (message: string, detail?: unknown) =>
        fileOf(source).append(formatLine(level, message, detail, now()));
      return { error: write('error'), warn: write('warn'), info: write('info') };
    },
  };
}
