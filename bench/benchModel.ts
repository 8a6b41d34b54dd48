/**
 * The benchmarks' model: a GPT-2-124M-shaped GGUF (12 layers, 768 wide, 12 heads, 1024
 * positions, random weights) made once by the project's own converter and cached in the OS
 * temp folder, shared by the engine and continue benchmarks.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ConversionType } from '../electron/gguf/convertGpt2Checkpoint.js';
import { makeTinyGpt2Gguf } from '../test/fixtures/tinyGpt2.js';

/** Where the model (and other bench scratch files) are kept between runs. */
export const benchWorkDir = path.join(os.tmpdir(), 'inkwell-bench-engine');

/** The path of the cached model of this type, made first if it is not there yet. */
export async function benchModel(type: ConversionType): Promise<string> {
  const file = path.join(benchWorkDir, `gpt2-124m-shape.${type}.gguf`);
  if (existsSync(file)) return file;
  await mkdir(benchWorkDir, { recursive: true });
  console.log(`Making a GPT-2-124M-shaped ${type} GGUF (once; cached in ${benchWorkDir}) ...`);
  const started = performance.now();
  const made = await makeTinyGpt2Gguf(path.join(benchWorkDir, 'make'), {
    nLayer: 12,
    nEmbd: 768,
    nHead: 12,
    nPositions: 1024,
    seed: 124,
    type,
  });
  await rename(made, file);
  await rm(path.join(benchWorkDir, 'make'), { recursive: true, force: true });
  console.log(`  made in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return file;
}
