/**
 * Fetching model files: a quick look at the server first (size, and the sha256 Hugging Face
 * publishes for LFS files), a disk-space check, then node-llama-cpp's model downloader (ipull
 * underneath: HTTP Range, resumes a dropped connection where it stopped, retries by itself),
 * then the sha256 check. Anything that goes wrong ends as a DownloadError with a message for
 * the writer; a cancelled or failed download leaves no partial file behind.
 */
import { createHash } from 'node:crypto';
import { rm, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { createModelDownloader, type ModelDownloader } from '../engine/nodeLlamaCpp.js';
import type { LocalizedMessage } from '../../shared/errors.js';
import {
  englishText,
  localized,
  type ErrorKey,
  type LocalizedValues,
} from '../../shared/i18n/localizedMessage.js';
import { openRegularFile } from '../gguf/regularFile.js';

/** A download that failed: `message` in English, `localized` by its key (errors:models.download.*). */
export class DownloadError extends Error {
  readonly localized: LocalizedMessage;

  constructor(key: ErrorKey, values?: LocalizedValues) {
    const message = localized(key, values);
    super(englishText(message));
    this.name = 'DownloadError';
    this.localized = message;
  }
}

/** Free bytes for new files in a folder; statfs in the app, a fixed figure in tests. */
export type FreeSpaceProbe = (folder: string) => Promise<number>;

export const statfsFreeSpace: FreeSpaceProbe = async (folder) => {
  const stats = await statfs(folder);
  // bavail, not bfree: blocks reserved for root are not ours to fill.
  return stats.bavail * stats.bsize;
};

/** Room left over after a download, so that a full disk never takes the database down with it. */
export function spaceMargin(bytes: number): number {
  return Math.max(64 * 1024 * 1024, Math.ceil(bytes * 0.02));
}

export async function ensureFreeSpace(
  folder: string,
  neededBytes: number,
  freeSpace: FreeSpaceProbe,
): Promise<void> {
  const free = await freeSpace(folder);
  const wanted = neededBytes + spaceMargin(neededBytes);
  if (free < wanted) {
    throw new DownloadError('errors:models.download.notEnoughSpace', {
      needed: formatBytes(wanted),
      free: formatBytes(free),
      folder,
    });
  }
}

export interface RemoteFileInfo {
  url: string;
  /** null when the server does not say. */
  sizeBytes: number | null;
  /** From Hugging Face's X-Linked-Etag (LFS files); null when the server publishes none. */
  sha256: string | null;
}

const PROBE_TIMEOUT_MS = 30_000;

/**
 * HEAD without following redirects first: Hugging Face answers a resolve URL of an LFS file
 * with a redirect to its CDN whose own headers carry X-Linked-Etag (the file's sha256) and
 * X-Linked-Size; the CDN's response does not. Then HEAD following redirects for the status.
 */
export async function probeRemoteFile(url: string, signal: AbortSignal): Promise<RemoteFileInfo> {
  const first = await headRequest(url, 'manual', signal);
  if (first.status === 405 || first.status === 501) {
    // The server refuses HEAD; the downloader's own GET will find the size.
    return { url, sizeBytes: null, sha256: null };
  }
  const linkedSha = sha256FromEtag(first.headers.get('x-linked-etag'));
  const linkedSize = positiveInt(first.headers.get('x-linked-size'));
  const final =
    first.status >= 300 && first.status < 400 ? await headRequest(url, 'follow', signal) : first;
  if (final.status < 200 || final.status >= 300) {
    const status = `${final.status}${final.statusText ? ` ${final.statusText}` : ''}`;
    throw new DownloadError(
      final.status === 404
        ? 'errors:models.download.serverAnsweredNoFile'
        : 'errors:models.download.serverAnswered',
      { status, url },
    );
  }
  return {
    url,
    sizeBytes: linkedSize ?? positiveInt(final.headers.get('content-length')),
    sha256: linkedSha,
  };
}

async function headRequest(
  url: string,
  redirect: 'manual' | 'follow',
  signal: AbortSignal,
): Promise<Response> {
  try {
    return await fetch(url, {
      method: 'HEAD',
      redirect,
      headers: { 'Accept-Encoding': 'identity' },
      signal: AbortSignal.any([signal, AbortSignal.timeout(PROBE_TIMEOUT_MS)]),
    });
  } catch (error) {
    signal.throwIfAborted();
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new DownloadError('errors:models.download.unreachable', {
      host: new URL(url).host,
      reason,
    });
  }
}

function sha256FromEtag(value: string | null): string | null {
  const bare = value?.replace(/^W\//, '').replaceAll('"', '').trim().toLowerCase();
  return bare && /^[0-9a-f]{64}$/.test(bare) ? bare : null;
}

function positiveInt(value: string | null): number | null {
  const parsed = value === null ? NaN : Number(value);
  return Number.isSafeInteger(parsed) && parsed > 0 ? parsed : null;
}

export interface FileDownload {
  url: string;
  folder: string;
  fileName: string;
  /** Checked after the download; a mismatch deletes the file. */
  expectedSha256: string | null;
  signal: AbortSignal;
  /** Bytes of this file received so far (monotonic per attempt; may step back on a retry). */
  onBytes: (receivedBytes: number, totalBytes: number) => void;
  /** Called once the bytes are in and the sha256 check starts. */
  onVerifying?: () => void;
  /** No bytes for this long ends the download (ipull would otherwise retry for many minutes). */
  stallTimeoutMs?: number;
}

const DEFAULT_STALL_TIMEOUT_MS = 90_000;

/** Downloads one file to `<folder>/<fileName>`; returns its path. */
export async function downloadModelFile(download: FileDownload): Promise<string> {
  const { folder, fileName, signal } = download;
  const finalPath = join(folder, fileName);
  const stall = new AbortController();
  const stallTimeoutMs = download.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  let stallTimer: NodeJS.Timeout | undefined;
  const feedWatchdog = (): void => {
    clearTimeout(stallTimer);
    stallTimer = setTimeout(() => stall.abort(), stallTimeoutMs);
  };
  const stop = AbortSignal.any([signal, stall.signal]);
  let downloader: ModelDownloader | undefined;
  try {
    feedWatchdog();
    downloader = await untilAborted(
      createModelDownloader({
        modelUri: download.url,
        dirPath: folder,
        fileName,
        skipExisting: false,
        deleteTempFileOnCancel: true,
        showCliProgress: false,
        onProgress: ({ downloadedSize, totalSize }) => {
          feedWatchdog();
          download.onBytes(downloadedSize, totalSize);
        },
      }),
      stop,
    );
    await downloader.download({ signal: stop });
    // A cancelled ipull download returns quietly instead of throwing.
    stop.throwIfAborted();
    clearTimeout(stallTimer);
    if (download.expectedSha256) {
      download.onVerifying?.();
      const actual = await sha256OfFile(finalPath, signal);
      if (actual !== download.expectedSha256) {
        throw new DownloadError('errors:models.download.shaMismatch', {
          fileName,
          actual,
          expected: download.expectedSha256,
        });
      }
    }
    return finalPath;
  } catch (error) {
    clearTimeout(stallTimer);
    await downloader?.cancel({ deleteTempFile: true }).catch(() => undefined);
    await removeDownloadLeftovers(finalPath);
    if (signal.aborted) throw signal.reason;
    if (stall.signal.aborted) {
      throw new DownloadError('errors:models.download.stalled', {
        fileName,
        seconds: Math.round(stallTimeoutMs / 1000),
      });
    }
    if (error instanceof DownloadError) throw error;
    throw new DownloadError('errors:models.download.failed', {
      fileName,
      detail: describe(error),
    });
  } finally {
    clearTimeout(stallTimer);
  }
}

/** ipull keeps a download in progress as `<file>.ipull` and renames it when complete. */
export async function removeDownloadLeftovers(finalPath: string): Promise<void> {
  await rm(`${finalPath}.ipull`, { force: true });
  await rm(finalPath, { force: true });
}

/**
 * Streams the file through sha256: a multi-gigabyte model never sits in memory. Only a regular
 * file is read (regularFile.ts): a FIFO put in a model's place must not hold a thread.
 */
export async function sha256OfFile(path: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  const handle = await openRegularFile(path);
  // The stream closes the handle when it ends or is destroyed.
  const stream = handle.createReadStream({ highWaterMark: 1024 * 1024 });
  for await (const chunk of stream) {
    if (signal?.aborted) {
      stream.destroy();
      signal.throwIfAborted();
    }
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

/** Waits for `promise` unless `signal` aborts first; a late result is cleaned up quietly. */
async function untilAborted(
  promise: Promise<ModelDownloader>,
  signal: AbortSignal,
): Promise<ModelDownloader> {
  signal.throwIfAborted();
  return new Promise<ModelDownloader>((resolve, reject) => {
    const onAbort = (): void => {
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      void promise.then((late) => late.cancel({ deleteTempFile: true })).catch(() => undefined);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 300 ? `${message.slice(0, 300)}…` : message;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(0)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(0)} kB`;
  return `${bytes} B`;
}

/** Speed over the last few seconds, for the progress bar's speed and time left. */
export class RateMeter {
  private readonly samples: { at: number; bytes: number }[] = [];

  constructor(
    private readonly windowMs = 5000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Records the running total and returns bytes per second (0 until two samples exist). */
  record(totalBytes: number): number {
    const at = this.now();
    const last = this.samples.at(-1);
    // A retry can restart a chunk: the total steps back, so the window starts again.
    if (last && totalBytes < last.bytes) this.samples.length = 0;
    this.samples.push({ at, bytes: totalBytes });
    while (this.samples.length > 2 && at - (this.samples[0]?.at ?? at) > this.windowMs) {
      this.samples.shift();
    }
    const first = this.samples[0];
    if (!first || at - first.at <= 0) return 0;
    return ((totalBytes - first.bytes) * 1000) / (at - first.at);
  }
}
