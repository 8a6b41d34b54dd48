/**
 * The work of the model jobs: downloading a GGUF, downloading a curated checkpoint and converting
 * it, and converting a local checkpoint; each ends by adding the file to the library.
 */
import { mkdir, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { localized, reasonOf } from '../../shared/i18n/localizedMessage.js';
import type { CuratedModel, ModelRecord, ModelSource } from '../../shared/schemas/models.js';
import { CHECKPOINT_FILES, huggingFaceFileUrl } from './curatedModels.js';
import type { JobContext, JobOutcome } from './modelJobs.js';
import {
  downloadModelFile,
  ensureFreeSpace,
  probeRemoteFile,
  type FreeSpaceProbe,
} from './modelDownloads.js';
import { importCheckpoint, safeFileStem, unusedPath } from './modelImport.js';

/** What the jobs need of the library: its folder, the network and disk settings, add and select. */
export interface JobRunnerLibrary {
  modelsFolder: string;
  freeSpace: FreeSpaceProbe;
  hfEndpoint: string;
  stallTimeoutMs: number | undefined;
  add(path: string, name: string | undefined, source: ModelSource): Promise<ModelRecord>;
  select(id: string): Promise<ModelRecord>;
}

/** Converts a local checkpoint folder into the models folder, then adds and selects it. */
export async function runCheckpointImport(
  library: JobRunnerLibrary,
  folder: string,
  type: 'f16' | 'q8_0',
  name: string | undefined,
  job: JobContext,
): Promise<JobOutcome> {
  await mkdir(library.modelsFolder, { recursive: true });
  const weights = await stat(join(folder, 'model.safetensors')).catch(() => null);
  // The output is at most the float32 input; a too-small disk is refused before writing.
  if (weights) await ensureFreeSpace(library.modelsFolder, weights.size, library.freeSpace);
  job.progress('converting', 0, weights?.size ?? 0);
  const outFile = await importCheckpoint({
    folder,
    type,
    modelsFolder: library.modelsFolder,
    ...(name ? { name } : {}),
    signal: job.signal,
    onProgress: (p) => job.progress('converting', p.bytesDone, p.bytesTotal),
  });
  return addThenSelect(library, outFile, name, 'converted', job);
}

/** One GGUF file from a URL, checked against the given or published SHA-256, then added. */
export async function runGgufDownload(
  library: JobRunnerLibrary,
  url: string,
  sha256: string | null,
  job: JobContext,
): Promise<JobOutcome> {
  await mkdir(library.modelsFolder, { recursive: true });
  job.progress('checking', 0, 0);
  const remote = await probeRemoteFile(url, job.signal);
  await ensureFreeSpace(library.modelsFolder, remote.sizeBytes ?? 0, library.freeSpace);
  const stem = safeFileStem(basename(fileNameOf(url), '.gguf'));
  const target = await unusedPath(library.modelsFolder, stem, '.gguf');
  const expected = sha256 ?? remote.sha256;
  const path = await downloadModelFile({
    url,
    folder: library.modelsFolder,
    fileName: basename(target),
    expectedSha256: expected,
    signal: job.signal,
    stallTimeoutMs: library.stallTimeoutMs,
    onBytes: (received, total) =>
      job.progress('downloading', received, total || (remote.sizeBytes ?? 0)),
    onVerifying: () => job.progress('verifying', remote.sizeBytes ?? 0, remote.sizeBytes ?? 0),
  });
  job.progress('adding', remote.sizeBytes ?? 0, remote.sizeBytes ?? 0);
  try {
    const record = await library.add(path, undefined, 'download');
    return { modelId: record.id };
  } catch (error) {
    // Not a model we can run: keeping the file would only take space.
    await rm(path, { force: true });
    throw error;
  }
}

/** The official checkpoint's four files, then our converter to q8_0 (see curatedModels.ts). */
export async function runCuratedDownload(
  library: JobRunnerLibrary,
  curated: CuratedModel,
  job: JobContext,
): Promise<JobOutcome> {
  const staging = join(library.modelsFolder, '.downloads', job.jobId);
  await mkdir(staging, { recursive: true });
  try {
    job.progress('checking', 0, 0);
    const files = [];
    for (const file of CHECKPOINT_FILES) {
      const url = huggingFaceFileUrl(library.hfEndpoint, curated.repo, file);
      files.push({ file, ...(await probeRemoteFile(url, job.signal)) });
    }
    const total = files.reduce((sum, f) => sum + (f.sizeBytes ?? 0), 0);
    await ensureFreeSpace(library.modelsFolder, total + curated.diskBytes, library.freeSpace);
    let done = 0;
    for (const file of files) {
      await downloadModelFile({
        url: file.url,
        folder: staging,
        fileName: file.file,
        expectedSha256: file.sha256,
        signal: job.signal,
        stallTimeoutMs: library.stallTimeoutMs,
        onBytes: (received) => job.progress('downloading', done + received, total),
        onVerifying: () => job.progress('verifying', done + (file.sizeBytes ?? 0), total),
      });
      done += file.sizeBytes ?? 0;
    }
    const outFile = await importCheckpoint({
      folder: staging,
      type: 'q8_0',
      modelsFolder: library.modelsFolder,
      name: curated.id,
      signal: job.signal,
      onProgress: (p) => job.progress('converting', p.bytesDone, p.bytesTotal),
    });
    job.progress('adding', total, total);
    const record = await library.add(outFile, curated.name, 'download');
    return { modelId: record.id };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** The last path segment of a URL, decoded: the downloaded file's name and the job's label. */
export function fileNameOf(url: string): string {
  const last = new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? 'model.gguf';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

async function addThenSelect(
  library: JobRunnerLibrary,
  path: string,
  name: string | undefined,
  source: ModelSource,
  job: JobContext,
): Promise<JobOutcome> {
  job.progress('adding', 0, 0);
  let record: ModelRecord;
  try {
    record = await library.add(path, name, source);
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  try {
    await library.select(record.id);
    return { modelId: record.id };
  } catch (error) {
    return {
      modelId: record.id,
      warning: localized('errors:models.addedButNotLoaded', { reason: reasonOf(error) }),
    };
  }
}
