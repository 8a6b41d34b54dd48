/**
 * One log file that never grows without bound: when a line would take it past maxBytes, the
 * file becomes name.1.log (name.1.log becomes name.2.log, …) and a new one starts; the oldest
 * beyond `keep` is deleted. Writes are synchronous appends: log lines are few (faults, starts,
 * exits), and a line written just before a crash must be on disk.
 */
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export interface RotationLimits {
  maxBytes: number;
  /** Rotated files kept besides the current one. */
  keep: number;
}

export const DEFAULT_LIMITS: RotationLimits = { maxBytes: 1024 * 1024, keep: 3 };

export class RotatingLogFile {
  readonly path: string;
  private size: number;

  constructor(
    private readonly folder: string,
    private readonly name: string,
    private readonly limits: RotationLimits = DEFAULT_LIMITS,
  ) {
    this.path = path.join(folder, `${name}.log`);
    mkdirSync(folder, { recursive: true });
    this.size = existsSync(this.path) ? statSync(this.path).size : 0;
  }

  /** The file that holds the n-th older part (1 is the newest rotated one). */
  rotatedPath(n: number): string {
    return path.join(this.folder, `${this.name}.${n}.log`);
  }

  append(line: string): void {
    const bytes = Buffer.byteLength(line) + 1;
    if (this.size > 0 && this.size + bytes > this.limits.maxBytes) this.rotate();
    try {
      appendFileSync(this.path, `${line}\n`);
      this.size += bytes;
    } catch {
      // A full disk or a removed folder must not turn a log line into a second fault.
    }
  }

  private rotate(): void {
    try {
      rmSync(this.rotatedPath(this.limits.keep), { force: true });
      for (let n = this.limits.keep - 1; n >= 1; n -= 1) {
        if (existsSync(this.rotatedPath(n)))
          renameSync(this.rotatedPath(n), this.rotatedPath(n + 1));
      }
      if (this.limits.keep > 0) renameSync(this.path, this.rotatedPath(1));
      else rmSync(this.path, { force: true });
      mkdirSync(this.folder, { recursive: true });
    } catch {
      // Another process may hold the file (Windows); keep appending to it rather than lose lines.
    }
    this.size = existsSync(this.path) ? statSync(this.path).size : 0;
  }
}
