/**
 * Opening a file for reading only when it is a regular file, and never waiting to find out.
 * Opening a FIFO for reading blocks until something writes to it, and Node opens files on one of
 * libuv's four threads: four such opens stop every file operation in the process, and the process
 * cannot exit while they wait. A socket cannot be opened at all; a device can do anything on
 * open. So the file is stat'ed first (which never blocks) and refused unless it is regular; then
 * it is opened with O_NONBLOCK, so that a FIFO put in its place meanwhile is opened at once too,
 * and the open handle is stat'ed again and must be the same regular file.
 */
import { constants, type Stats } from 'node:fs';
import { lstat, open, stat, type FileHandle } from 'node:fs/promises';

/** A path that exists but is not a regular file (a folder, FIFO, socket or device). */
export class NotARegularFileError extends Error {
  constructor(readonly path: string) {
    super(`${path} is not a regular file`);
    this.name = 'NotARegularFileError';
  }
}

export interface OpenRegularFileOptions {
  /**
   * false: the path's last component must not be a symbolic link (lstat, O_NOFOLLOW), for paths
   * that were resolved already (realpath) and must still be what was checked.
   */
  readonly followLinks?: boolean;
}

// Windows has neither flag (undefined there); it has no FIFOs to open and its links are resolved
// before the path reaches here.
const flag = (value: number | undefined): number => value ?? 0;

export async function openRegularFile(
  path: string,
  options: OpenRegularFileOptions = {},
): Promise<FileHandle> {
  const followLinks = options.followLinks ?? true;
  const before = followLinks ? await stat(path) : await lstat(path);
  if (!before.isFile()) throw new NotARegularFileError(path);
  const flags =
    constants.O_RDONLY |
    flag(constants.O_NONBLOCK) |
    (followLinks ? 0 : flag(constants.O_NOFOLLOW));
  const handle = await open(path, flags);
  try {
    const opened = await handle.stat();
    if (!opened.isFile() || !sameFile(before, opened)) throw new NotARegularFileError(path);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/** A whole regular file as UTF-8 text (the small files of a checkpoint folder). */
export async function readRegularTextFile(path: string): Promise<string> {
  const handle = await openRegularFile(path);
  try {
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}
