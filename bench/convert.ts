/**
 * Converter throughput and memory on a GPT-2-124M-shaped checkpoint (12 layers, 768 wide, 12 heads,
 * 1024 positions, 50257 vocabulary; random weights, ~498 MB of f32 safetensors).
 *
 *   node --import tsx bench/convert.ts
 *
 * Each conversion runs in a fresh child process so its peak RSS (VmHWM) is its own, not the
 * checkpoint writer's. Prints MB/s (safetensors bytes read per second) and peak RSS.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  convertGpt2Checkpoint,
  type ConversionType,
} from '../electron/gguf/convertGpt2Checkpoint.js';
import {
  TOKENIZER_FIXTURE_DIR,
  resolveTinyGpt2Shape,
  seededNormal,
  tinyGpt2Config,
} from '../test/fixtures/tinyGpt2.js';

const SHAPE = resolveTinyGpt2Shape({
  nLayer: 12,
  nEmbd: 768,
  nHead: 12,
  nPositions: 1024,
  seed: 3,
});

async function peakRssMegabytes(): Promise<number> {
  const status = await readFile('/proc/self/status', 'utf8');
  const kilobytes = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  return kilobytes / 1024;
}

/** Child mode: convert once and print one JSON line. */
async function runChild(folder: string, outFile: string, type: ConversionType): Promise<void> {
  const started = performance.now();
  const result = await convertGpt2Checkpoint(folder, outFile, { type });
  const seconds = (performance.now() - started) / 1000;
  const sourceBytes = (await stat(join(folder, 'model.safetensors'))).size;
  console.log(
    JSON.stringify({
      type,
      seconds,
      sourceBytes,
      outBytes: result.bytesWritten,
      peakRssMb: await peakRssMegabytes(),
    }),
  );
}

/** Streams a 124M-shaped safetensors file tensor by tensor, so writing it needs little memory. */
async function writeCheckpoint(folder: string): Promise<void> {
  const { nEmbd: e, nPositions: p, nLayer } = SHAPE;
  const tensors: [string, number[]][] = [
    ['wte.weight', [50257, e]],
    ['wpe.weight', [p, e]],
  ];
  for (let b = 0; b < nLayer; b++) {
    tensors.push(
      [`h.${b}.ln_1.weight`, [e]],
      [`h.${b}.ln_1.bias`, [e]],
      [`h.${b}.attn.c_attn.weight`, [e, 3 * e]],
      [`h.${b}.attn.c_attn.bias`, [3 * e]],
      [`h.${b}.attn.c_proj.weight`, [e, e]],
      [`h.${b}.attn.c_proj.bias`, [e]],
      [`h.${b}.ln_2.weight`, [e]],
      [`h.${b}.ln_2.bias`, [e]],
      [`h.${b}.mlp.c_fc.weight`, [e, 4 * e]],
      [`h.${b}.mlp.c_fc.bias`, [4 * e]],
      [`h.${b}.mlp.c_proj.weight`, [4 * e, e]],
      [`h.${b}.mlp.c_proj.bias`, [e]],
    );
  }
  tensors.push(['ln_f.weight', [e]], ['ln_f.bias', [e]]);
  const header: Record<string, unknown> = {};
  let offset = 0;
  for (const [name, shape] of tensors) {
    const bytes = shape.reduce((a, b) => a * b, 1) * 4;
    header[name] = { dtype: 'F32', shape, data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  const json = Buffer.from(JSON.stringify(header));
  const prefix = Buffer.alloc(8);
  prefix.writeBigUInt64LE(BigInt(json.length));
  const handle = await open(join(folder, 'model.safetensors'), 'w');
  await handle.write(Buffer.concat([prefix, json]));
  const random = seededNormal(SHAPE.seed);
  for (const [, shape] of tensors) {
    const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
    for (let i = 0; i < values.length; i++) values[i] = 0.02 * random();
    await handle.write(new Uint8Array(values.buffer));
  }
  await handle.close();
  await writeFile(join(folder, 'config.json'), JSON.stringify(tinyGpt2Config(SHAPE)));
  await copyFile(join(TOKENIZER_FIXTURE_DIR, 'vocab.json'), join(folder, 'vocab.json'));
  await copyFile(join(TOKENIZER_FIXTURE_DIR, 'merges.txt'), join(folder, 'merges.txt'));
}

async function main(): Promise<void> {
  const [mode, folder, outFile, type] = process.argv.slice(2);
  if (mode === '--child' && folder && outFile && type)
    return runChild(folder, outFile, type as ConversionType);

  const dir = await mkdtemp(join(tmpdir(), 'inkwell-bench-convert-'));
  try {
    console.log(
      `machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, node ${process.version}`,
    );
    await writeCheckpoint(dir);
    const size = (await stat(join(dir, 'model.safetensors'))).size;
    console.log(
      `checkpoint: GPT-2 124M shape, model.safetensors ${(size / 1e6).toFixed(1)} MB (f32)`,
    );
    for (const type of ['q8_0', 'f32'] as const) {
      const line = execFileSync(
        process.execPath,
        [
          '--import',
          'tsx',
          fileURLToPath(import.meta.url),
          '--child',
          dir,
          join(dir, `out.${type}.gguf`),
          type,
        ],
        { encoding: 'utf8' },
      ).trim();
      const result = JSON.parse(line) as {
        seconds: number;
        sourceBytes: number;
        outBytes: number;
        peakRssMb: number;
      };
      console.log(
        `f32 -> ${type.padEnd(4)}: ${result.seconds.toFixed(2)} s, ${(result.sourceBytes / 1e6 / result.seconds).toFixed(0)} MB/s of safetensors read, ` +
          `output ${(result.outBytes / 1e6).toFixed(1)} MB, peak RSS ${result.peakRssMb.toFixed(0)} MB`,
      );
      await rm(join(dir, `out.${type}.gguf`), { force: true });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
