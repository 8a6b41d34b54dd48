/**
 * File → Open Recent: the documents last imported or exported, newest first, at most ten,
 * remembered in recent-files.json in the user-data folder. Kept by Inkwell on every platform
 * (Electron can add to the system's list but not read it on Windows or Linux); the system's list
 * (app.addRecentDocument) is fed too, for the dock and the taskbar's jump list.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { importFormatForPath } from './fileTypes.js';

export const RECENT_FILES_FILE = 'recent-files.json';
export const MAX_RECENT_FILES = 10;

export class RecentFiles {
  private files: string[];

  constructor(private readonly folder: string) {
    this.files = RecentFiles.read(path.join(folder, RECENT_FILES_FILE));
  }

  private static read(file: string): string[] {
    try {
      const stored: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (!Array.isArray(stored)) return [];
      return stored
        .filter((entry): entry is string => typeof entry === 'string' && path.isAbsolute(entry))
        .slice(0, MAX_RECENT_FILES);
    } catch {
      return []; // none yet, or a broken file: start a new list
    }
  }

  list(): readonly string[] {
    return this.files;
  }

  /** Puts a document first; false (nothing changes) for files Inkwell cannot import again. */
  add(filePath: string): boolean {
    if (importFormatForPath(filePath) === null) return false;
    this.files = [filePath, ...this.files.filter((file) => file !== filePath)].slice(
      0,
      MAX_RECENT_FILES,
    );
    this.save();
    return true;
  }

  remove(filePath: string): void {
    this.files = this.files.filter((file) => file !== filePath);
    this.save();
  }

  clear(): void {
    this.files = [];
    this.save();
  }

  private save(): void {
    const file = path.join(this.folder, RECENT_FILES_FILE);
    try {
      writeFileSync(`${file}.tmp`, JSON.stringify(this.files));
      renameSync(`${file}.tmp`, file);
    } catch {
      // The menu still holds the list for this run.
    }
  }
}
