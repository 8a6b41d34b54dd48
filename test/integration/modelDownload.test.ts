/**
 * Model downloads through the backend's router against a real HTTP server on 127.0.0.1 (never
 * the internet): progress, resuming after the server cuts the connection mid-file, Hugging
 * Face's sha256 header checked, a wrong sha256 refused with the file removed, cancel cleaning
 * up, too little disk space refused before anything is fetched, and a curated GPT-2 checkpoint
 * downloaded and converted.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { createBackend, type Backend } from '../../electron/backend.js';
import type { FreeSpaceProbe } from '../../electron/models/modelDownloads.js';
import type { RequestContext } from '../../electron/core/requestContext.js';
import type { JobEnd, JobProgress, ModelRecord } from '../../shared/schemas/models.js';
import { startRangeServer, type RangeServer } from '../fixtures/rangeServer.js';
import { makeTinyGpt2Gguf, writeTinyGpt2Checkpoint } from '../fixtures/tinyGpt2.js';

const context: RequestContext = { transport: 'test', clientId: 'model-download-test' };
const CHUNK = 5 * 1024 * 1024; // ipull's chunk: a retry resumes at the last whole chunk.

let root: string;
let server: RangeServer;
let gguf: Buffer;
let ggufSha: string;
let backend: Backend | undefined;
let runs = 0;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'inkwell-model-download-'));
  gguf = await readFile(await makeTinyGpt2Gguf(join(root, 'source')));
  ggufSha = createHash('sha256').update(gguf).digest('hex');
  assert.ok(gguf.length > 2 * CHUNK, 'the test file must span several download chunks');
  server = await startRangeServer();
});
after(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});
afterEach(() => {
  backend?.close();
  backend = undefined;
  server.setPaceMs(0);
});

function open(freeSpace?: FreeSpaceProbe): Backend {
  runs += 1;
  backend = createBackend({
    dataDir: join(root, `data-${runs}`),
    transport: 'test',
    appVersion: '0.0.0-test',
    models: {
      huggingFaceEndpoint: `${server.url}/`,
      ...(freeSpace ? { freeSpace } : {}),
    },
  });
  return backend;
}

async function call<T>(channel: string, payload: unknown): Promise<T> {
  assert.ok(backend);
  const reply = await backend.router.dispatch(channel, payload, context);
  if (!reply.ok) assert.fail(`${channel} failed: ${JSON.stringify(reply.error)}`);
  return reply.data as T;
}

/** Starts a job and collects its progress until it ends; `onProgress` may act mid-way. */
async function runJob(
  channel: string,
  payload: unknown,
  onProgress?: (progress: JobProgress, jobId: string) => void,
): Promise<{ end: JobEnd; progress: JobProgress[] }> {
  assert.ok(backend);
  const progress: JobProgress[] = [];
  let jobId = '';
  let resolveEnd: (end: JobEnd) => void = () => undefined;
  const ended = new Promise<JobEnd>((resolve) => (resolveEnd = resolve));
  const early: JobEnd[] = [];
  const unsubscribe = backend.events.subscribe((event, data) => {
    if (event === 'models.jobProgress' && (jobId === '' || data.jobId === jobId)) {
      progress.push(data);
      onProgress?.(data, data.jobId);
    }
    if (event === 'models.jobEnd') {
      if (jobId === '') early.push(data);
      else if (data.jobId === jobId) resolveEnd(data);
    }
  });
  try {
    jobId = (await call<{ jobId: string }>(channel, payload)).jobId;
    const already = early.find((end) => end.jobId === jobId);
    if (already) resolveEnd(already);
    return { end: await ended, progress };
  } finally {
    unsubscribe();
  }
}

async function modelFolderEntries(): Promise<string[]> {
  assert.ok(backend);
  const entries = await readdir(join(backend.dataDir, 'models')).catch(() => []);
  return entries.filter((name) => name !== '.downloads');
}

describe('model downloads', () => {
  it('downloads an hf: file, resumes after the connection drops mid-file, and checks its sha256', async () => {
    open();
    server.serve('/owner/repo/resolve/main/tiny.gguf', gguf, { 'X-Linked-Etag': `"${ggufSha}"` });
    const dropAt = CHUNK + 1024 * 1024;
    server.dropOnce('/owner/repo/resolve/main/tiny.gguf', dropAt);
    const before = server.requests.length;

    const { end, progress } = await runJob('models.download', { hf: 'hf:owner/repo/tiny.gguf' });

    assert.equal(end.ok, true, end.error);
    assert.ok(end.modelId);
    const ranged = server.requests
      .slice(before)
      .filter((r) => r.method === 'GET' && r.range !== null);
    const starts = ranged.map((r) => Number(/bytes=(\d+)-/.exec(r.range ?? '')?.[1]));
    assert.ok(starts.includes(0), 'the first ranged request starts at byte 0');
    assert.ok(
      starts.some((start) => start > 0 && start <= dropAt),
      `after the drop it resumes part-way (ranges: ${ranged.map((r) => r.range).join(', ')})`,
    );
    const downloading = progress.filter((p) => p.phase === 'downloading');
    assert.ok(downloading.length >= 2, 'several progress events while downloading');
    assert.ok(downloading.some((p) => p.totalBytes === gguf.length));
    assert.ok(progress.some((p) => p.phase === 'verifying'));

    const models = await call<ModelRecord[]>('models.list', {});
    const model = models.find((m) => m.id === end.modelId);
    assert.ok(model);
    assert.equal(model.source, 'download');
    assert.equal(model.sha256, ggufSha);
    assert.ok((await readFile(model.path)).equals(gguf), 'the file is byte-identical');
    assert.deepEqual(await modelFolderEntries(), ['tiny.gguf']);
  });

  it('refuses a file whose sha256 does not match, and deletes it', async () => {
    open();
    server.serve('/files/wrong.gguf', gguf);
    const { end } = await runJob('models.download', {
      url: `${server.url}/files/wrong.gguf`,
      sha256: 'ab'.repeat(32),
    });
    assert.equal(end.ok, false);
    assert.match(end.error ?? '', /not the expected file.*deleted/);
    assert.deepEqual(await modelFolderEntries(), []);
    assert.deepEqual(await call<ModelRecord[]>('models.list', {}), []);
  });

  it('cancels mid-download and leaves no partial file', async () => {
    open();
    server.serve('/files/slow.gguf', gguf);
    server.setPaceMs(5);
    let cancelled = false;
    const { end } = await runJob(
      'models.download',
      { url: `${server.url}/files/slow.gguf` },
      (progress, jobId) => {
        if (!cancelled && progress.phase === 'downloading' && progress.receivedBytes > 0) {
          cancelled = true;
          void call('models.cancelJob', { jobId });
        }
      },
    );
    assert.equal(cancelled, true);
    assert.equal(end.ok, false);
    assert.equal(end.cancelled, true);
    assert.deepEqual(await modelFolderEntries(), []);
    assert.deepEqual(await call('models.jobs', {}), []);
  });

  it('refuses before downloading when the disk has too little free space', async () => {
    open(async () => 1024 * 1024);
    server.serve('/files/big.gguf', gguf);
    const before = server.requests.length;
    const { end } = await runJob('models.download', { url: `${server.url}/files/big.gguf` });
    assert.equal(end.ok, false);
    assert.match(end.error ?? '', /Not enough disk space/);
    assert.ok(
      server.requests.slice(before).every((r) => r.method === 'HEAD'),
      'no bytes were fetched',
    );
    assert.deepEqual(await modelFolderEntries(), []);
  });

  it('reports a missing file as a failure with the server’s answer', async () => {
    open();
    const { end } = await runJob('models.download', { url: `${server.url}/files/none.gguf` });
    assert.equal(end.ok, false);
    assert.match(end.error ?? '', /404/);
  });

  it('downloads a curated GPT-2 checkpoint and converts it to q8_0', async () => {
    open();
    const folder = await writeTinyGpt2Checkpoint(join(root, 'curated-checkpoint'));
    for (const file of ['config.json', 'vocab.json', 'merges.txt', 'model.safetensors']) {
      const body = await readFile(join(folder, file));
      const sha = createHash('sha256').update(body).digest('hex');
      // Hugging Face sends X-Linked-Etag for LFS files only (the weights).
      const headers: Record<string, string> =
        file === 'model.safetensors' ? { 'X-Linked-Etag': `"${sha}"` } : {};
      server.serve(`/openai-community/gpt2/resolve/main/${file}`, body, headers);
    }
    const { end, progress } = await runJob('models.download', { curatedId: 'gpt2' });
    assert.equal(end.ok, true, end.error);
    assert.ok(progress.some((p) => p.phase === 'converting'));
    const model = (await call<ModelRecord[]>('models.list', {})).find((m) => m.id === end.modelId);
    assert.ok(model);
    assert.equal(model.name, 'GPT-2 (124M)');
    assert.match(model.quantization, /Q8_0/);
    assert.deepEqual(await modelFolderEntries(), ['gpt2.q8_0.gguf']);
    assert.ok(backend);
    assert.deepEqual(await readdir(join(backend.dataDir, 'models', '.downloads')), []);
  });
});
