/**
 * Main's console.error and console.warn also go to main.log (redacted): the existing
 * `console.error('[inkwell] …')` calls across the main side reach the log without each of them
 * knowing about it, and the terminal still shows them in development.
 */
import { describeDetail, type Log } from './appLog.js';

type ConsoleMethods = Pick<Console, 'error' | 'warn'>;

export function copyConsoleTo(log: Log, target: ConsoleMethods = console): void {
  const { error, warn } = target;
  const text = (args: unknown[]): string => args.map(describeDetail).join(' ');
  target.error = (...args: unknown[]) => {
    error.apply(target, args);
    log.error(text(args));
  };
  target.warn = (...args: unknown[]) => {
    warn.apply(target, args);
    log.warn(text(args));
  };
}
