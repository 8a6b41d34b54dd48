/**
 * Files the system hands to the app: a document double-clicked in the file manager (macOS's
 * open-file event, or the file in the command line of a first or second instance on Windows and
 * Linux), or one chosen in File → Open Recent. Each becomes an import, like File → Import: the
 * paths wait here until the window asks for them (files.openDialog with purpose 'opened-file').
 */
import path from 'node:path';
import { importFormatForPath } from './fileTypes.js';

/**
 * The documents named in a command line: arguments that are not switches and whose extension
 * Inkwell imports, resolved against the folder the command ran in. The executable (argv[0]) and,
 * from source, the app folder Electron was given carry no such extension.
 */
export function filesToOpen(argv: readonly string[], workingDirectory: string): string[] {
  return argv
    .slice(1)
    .filter((argument) => !argument.startsWith('-') && importFormatForPath(argument) !== null)
    .map((argument) => path.resolve(workingDirectory, argument));
}

/** Paths handed over and not yet taken, oldest first; the same path waits only once. */
export class PendingOpens {
  private readonly paths: string[] = [];

  add(filePath: string): void {
    if (!this.paths.includes(filePath)) this.paths.push(filePath);
  }

  take(): string | undefined {
    return this.paths.shift();
  }

  get size(): number {
    return this.paths.length;
  }
}
