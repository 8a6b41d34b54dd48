/**
 * Measured thread counts, remembered per machine and model shape in one small JSON file in the
 * data folder, so the few seconds of measuring happen once, not on every load.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface TunedThreads {
  generation: number;
  prompt: number;
}

export interface TuningRecord extends TunedThreads {
  measuredAt: string;
  /** What was measured, so a surprising choice can be checked by hand. */
  measurements: { threads: number; promptTokensPerSecond: number; tokensPerSecond: number }[];
}

interface TuningFile {
  version: 1;
  entries: Record<string, TuningRecord>;
}

export interface ModelShape {
  backend: string;
  architecture: string;
  layers: number;
  embeddingSize: number;
  sizeBytes: number;
  description: string;
}

/**
 * What decides the best thread count: the CPU, how many cores it has, the backend, and the
 * model's shape and size (two files of the same shape and type run at the same speed, so the
 * weights' hash is not needed, and hashing a large file would cost more than measuring).
 */
export function tuningKey(shape: ModelShape): string {
  const cpus = os.cpus();
  const cpuModel = (cpus[0]?.model ?? 'unknown cpu').trim();
  return [
    cpuModel,
    `${cpus.length} cores`,
    shape.backend,
    shape.architecture,
    `${shape.layers}x${shape.embeddingSize}`,
    shape.description,
    `${shape.sizeBytes} bytes`,
  ].join(' | ');
}

async function readTuningFile(file: string): Promise<TuningFile> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<TuningFile>;
    if (parsed.version === 1 && typeof parsed.entries === 'object' && parsed.entries !== null) {
      return { version: 1, entries: parsed.entries };
    }
  } catch {
    // Missing or damaged: measuring again is cheap, so start afresh.
  }
  return { version: 1, entries: {} };
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

export async function recallThreads(file: string, key: string): Promise<TunedThreads | null> {
  const record = (await readTuningFile(file)).entries[key];
  if (!record || !isPositiveInteger(record.generation) || !isPositiveInteger(record.prompt)) {
    return null;
  }
  return { generation: record.generation, prompt: record.prompt };
}

export async function rememberThreads(
  file: string,
  key: string,
  record: TuningRecord,
): Promise<void> {
  const contents = await readTuningFile(file);
  contents.entries[key] = record;
  await mkdir(path.dirname(file), { recursive: true });
  // Write then rename, so a crash mid-write never leaves half a file.
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(contents, null, 2));
  await rename(temporary, file);
}
