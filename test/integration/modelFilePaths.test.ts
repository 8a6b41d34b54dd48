/**
 * Which paths Inkwell opens as a model (electron/gguf/modelPath.ts), through the router of a real
 * backend: models.validate, models.add and engine.load take a path the renderer names, the
 * library's stored paths feed the startup load and the details, and the model host checks the
 * path again on its own; a checkpoint folder's files are read only when they are regular files. Only a regular .gguf file, or a link that leads to one, is opened.
 * Anything else gets one answer that tells nothing about files that are not models, and a FIFO
 * named .gguf is refused at once, without holding any of the process's file threads.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { createBackend, type Backend } from '../../electron/backend.js';
import type { RequestContext } from '../../electron/core/requestContext.js';
import { EngineClient } from '../../electron/engine/supervisor/engineClient.js';
import { forkModelHost } from '../../electron/engine/supervisor/forkModelHost.js';
import type { ApiErrorShape, Reply } from '../../shared/errors.js';
import type { ModelFileSummary } from '../../shared/schemas/engine.js';
import type { JobEnd, ModelDetails, ModelRecord } from '../../shared/schemas/models.js';
import {
  makeTinyGpt2Gguf,
  resolveTinyGpt2Shape,
  tinyGpt2Config,
  writeTinyGpt2Checkpoint,
} from '../fixtures/tinyGpt2.js';
import { chineseText } from '../unit/support/chineseText.js';

const context: RequestContext = { transport: 'test', clientId: 'model-file-paths-test' };
/** What a file a writer must never see through Inkwell holds: it must never appear in a reply. */
const SECRET = 'root:$6$not-for-the-renderer:19000:0:99999:7:::\n';
/** A hang is a failure here: without the rule, opening a FIFO waits for a writer forever. */
const NO_HANG = { timeout: 120_000 };

let root: string;
let goodGguf: string;
let backend: Backend | undefined;
let runs = 0;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'inkwell-model-paths-'));
  goodGguf = await makeTinyGpt2Gguf(join(root, 'good'), { nLayer: 1, nEmbd: 32, nPositions: 32 });
  await mkdir(join(root, 'etc'));
  await writeFile(join(root, 'etc', 'shadow'), SECRET);
});
after(() => rm(root, { recursive: true, force: true }));
afterEach(() => {
  backend?.close();
  backend = undefined;
});

function open(dataDir = join(root, `data-${++runs}`)): Backend {
  backend = createBackend({ dataDir, transport: 'test', appVersion: '0.0.0-test' });
  return backend;
}

function dispatch<T = unknown>(channel: string, payload: unknown): Promise<Reply<T>> {
  assert.ok(backend);
  return backend.router.dispatch(channel, payload, context) as Promise<Reply<T>>;
}

async function call<T>(channel: string, payload: unknown): Promise<T> {
  const reply = await dispatch<T>(channel, payload);
  if (!reply.ok) assert.fail(`${channel} failed: ${JSON.stringify(reply.error)}`);
  return reply.data;
}

async function refusal(channel: string, payload: unknown): Promise<ApiErrorShape> {
  const reply = await dispatch(channel, payload);
  assert.ok(!reply.ok, `${channel} ${JSON.stringify(payload)} was accepted`);
  assert.ok(!JSON.stringify(reply.error).includes('not-for-the-renderer'), 'no bytes echoed');
  return reply.error;
}

/** The three channels that take a model path from the renderer. */
const PATH_CHANNELS = [
  (path: string) => refusal('models.validate', { path }),
  (path: string) => refusal('models.add', { path }),
  (path: string) => refusal('engine.load', { path }),
];

function mkfifo(path: string): string {
  // Node has no mkfifo of its own.
  execFileSync('mkfifo', [path]);
  return path;
}

/** The refusal of a .gguf path, with that path taken out: the same for every such path. */
function withoutPath(error: ApiErrorShape, path: string): string {
  assert.equal(error.code, 'not_found');
  assert.deepEqual(error.localized, { key: 'errors:models.noModelFile', values: { path } });
  return error.message.replace(path, '<path>');
}

describe('which paths are opened as a model', () => {
  it('refuses a file not named .gguf on its name alone: the same answer whether it exists or not', async () => {
    open();
    const existing = join(root, 'etc', 'shadow');
    const missing = join(root, 'nowhere', 'shadow');
    // Opening this one would wait for a writer: answering at once shows nothing was opened.
    await mkdir(join(root, 'pipes'), { recursive: true });
    const fifo = mkfifo(join(root, 'pipes', 'shadow'));
    const answers = new Set<string>();
    for (const refuse of PATH_CHANNELS) {
      for (const path of [existing, missing, fifo]) {
        const error = await refuse(path);
        assert.equal(error.code, 'invalid_request');
        assert.deepEqual(error.localized, {
          key: 'errors:models.notGguf',
          values: { name: 'shadow' },
        });
        answers.add(JSON.stringify(error));
      }
    }
    assert.equal(answers.size, 1, [...answers].join('\n'));
    const [answer] = answers;
    const error = JSON.parse(answer ?? '{}') as ApiErrorShape;
    assert.equal(error.message, 'Inkwell adds models from .gguf files; “shadow” is not one.');
    assert.equal(
      chineseText(error.localized),
      'Inkwell 只能从 .gguf 文件添加模型；“shadow”不是 .gguf 文件。',
    );
  });

  it('follows a .gguf link only to a regular .gguf file; every other .gguf path gets one answer', async () => {
    open();
    const dir = join(root, 'links');
    await mkdir(dir);
    const toSecret = join(dir, 'shadow.gguf');
    await symlink(join(root, 'etc', 'shadow'), toSecret);
    // A valid model under another name: the link's target must itself be a .gguf file.
    const renamedModel = join(dir, 'model.bin');
    await copyFile(goodGguf, renamedModel);
    const toRenamed = join(dir, 'renamed.gguf');
    await symlink(renamedModel, toRenamed);
    const dangling = join(dir, 'dangling.gguf');
    await symlink(join(dir, 'gone.gguf'), dangling);
    const folder = join(dir, 'folder.gguf');
    await mkdir(folder);
    const missing = join(dir, 'missing.gguf');

    const answers = new Set<string>();
    for (const refuse of PATH_CHANNELS) {
      for (const path of [toSecret, toRenamed, dangling, folder, missing]) {
        answers.add(withoutPath(await refuse(path), path));
      }
    }
    assert.deepEqual(
      [...answers],
      [
        'There is no model file Inkwell can open at <path>: it must be a regular .gguf file, or a link to one.',
      ],
    );

    // A link to a real model is that model: checked and stored by its real path, listed once.
    const toModel = join(dir, 'current.gguf');
    await symlink(goodGguf, toModel);
    const real = await realpath(goodGguf);
    const summary = await call<ModelFileSummary>('models.validate', { path: toModel });
    assert.equal(summary.path, real);
    assert.equal(summary.architecture, 'gpt2');
    const viaLink = await call<ModelRecord>('models.add', { path: toModel });
    assert.equal(viaLink.path, real);
    const direct = await call<ModelRecord>('models.add', { path: goodGguf });
    assert.equal(direct.id, viaLink.id);
    assert.equal((await call<ModelRecord[]>('models.list', {})).length, 1);
  });

  it(
    'refuses a FIFO named .gguf at once, and four of them do not stop other requests',
    NO_HANG,
    async () => {
      open();
      const dir = join(root, 'fifos');
      await mkdir(dir);
      const fifos = [0, 1, 2, 3].map((index) => mkfifo(join(dir, `pipe-${index}.gguf`)));
      const throughLink = join(dir, 'link-to-pipe.gguf');
      await symlink(fifos[0] ?? '', throughLink);
      // All at once: were any of them to hold one of libuv's four threads, the good file's check
      // (which needs one) would never answer.
      const refusals = [...fifos, throughLink].flatMap((path) =>
        PATH_CHANNELS.map(async (refuse) => withoutPath(await refuse(path), path)),
      );
      const [documents, summary, ...refused] = await Promise.all([
        call<unknown[]>('documents.list', {}),
        call<ModelFileSummary>('models.validate', { path: goodGguf }),
        ...refusals,
      ]);
      assert.ok(Array.isArray(documents));
      assert.equal(summary.architecture, 'gpt2');
      assert.equal(refused.length, 15);
      assert.equal(new Set(refused).size, 1);
      assert.deepEqual(await call<ModelRecord[]>('models.list', {}), []);
    },
  );

  it(
    'refuses a stored path that became a FIFO: the startup load and the details answer at once',
    NO_HANG,
    async () => {
      const dataDir = join(root, `data-${++runs}`);
      open(dataDir);
      const path = join(root, 'stored', 'mine.gguf');
      await mkdir(join(root, 'stored'));
      await copyFile(goodGguf, path);
      // A FIFO where the model card would be: the details skip it instead of waiting on it.
      mkfifo(join(root, 'stored', 'mine.md'));
      await call('models.runSettings.save', { backend: 'cpu', threads: 1 });
      const added = await call<ModelRecord>('models.add', { path });
      await call('models.select', { id: added.id });
      const details = await call<ModelDetails>('models.details', { id: added.id });
      assert.equal(details.modelCard, null);
      backend?.close();

      await rm(path);
      mkfifo(path);
      open(dataDir);
      for (const error of [
        await refusal('engine.countTokens', { text: 'a first request loads the last model' }),
        await refusal('models.details', { id: added.id }),
        await refusal('models.estimate', { id: added.id }),
        await refusal('models.select', { id: added.id }),
      ]) {
        withoutPath(error, path);
      }
    },
  );

  it(
    'refuses FIFOs in a checkpoint folder at once (config.json, model.safetensors)',
    NO_HANG,
    async () => {
      const b = open();
      const folder = await writeTinyGpt2Checkpoint(join(root, 'checkpoint-with-pipes'), {
        seed: 2,
      });
      const ends: JobEnd[] = [];
      let ended: () => void = () => undefined;
      b.events.subscribe((event, data) => {
        if (event === 'models.jobEnd') {
          ends.push(data);
          ended();
        }
      });
      const importEnd = async (): Promise<JobEnd> => {
        const { jobId } = await call<{ jobId: string }>('models.importCheckpoint', {
          folder,
          type: 'q8_0',
        });
        while (!ends.some((end) => end.jobId === jobId)) {
          await new Promise<void>((resolve) => (ended = resolve));
        }
        const end = ends.find((candidate) => candidate.jobId === jobId);
        assert.ok(end);
        return end;
      };
      await rm(join(folder, 'config.json'));
      mkfifo(join(folder, 'config.json'));
      const withPipedConfig = await importEnd();
      assert.equal(withPipedConfig.ok, false);
      assert.match(withPipedConfig.error ?? '', /config\.json is missing/);

      await rm(join(folder, 'config.json'));
      await writeFile(
        join(folder, 'config.json'),
        JSON.stringify(tinyGpt2Config(resolveTinyGpt2Shape({ seed: 2 }))),
      );
      await rm(join(folder, 'model.safetensors'));
      mkfifo(join(folder, 'model.safetensors'));
      const withPipedWeights = await importEnd();
      assert.equal(withPipedWeights.ok, false);
      assert.match(withPipedWeights.error ?? '', /model\.safetensors .*it is not a regular file/);
      assert.deepEqual(await call<ModelRecord[]>('models.list', {}), []);
    },
  );

  it('the model host refuses a FIFO by its own check, and stays up', NO_HANG, async () => {
    const fifo = mkfifo(join(root, 'host-pipe.gguf'));
    const engine = new EngineClient({ spawnHost: () => forkModelHost({ quiet: true }) });
    try {
      await assert.rejects(engine.load({ path: fifo, backend: 'cpu', threads: 1 }), (error) => {
        withoutPath(error as ApiErrorShape, fifo);
        return true;
      });
      assert.ok(engine.hostPid, 'the host answered and is still running');
      assert.equal(engine.status.state, 'idle');
      await engine.load({ path: goodGguf, backend: 'cpu', threads: 1 });
      assert.equal(engine.status.state, 'ready');
    } finally {
      await engine.dispose();
    }
  });
});
