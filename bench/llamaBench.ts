/**
 * Native llama.cpp figures for the same GGUF and threads: llama-bench from the build that
 * scripts/build-llama-server.sh makes of node-llama-cpp's bundled release (or INKWELL_LLAMA_BENCH).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { llamaCppBinFolder } from '../test/fixtures/llamaServer.js';

const run = promisify(execFile);

/** The llama-bench binary, or null when there is none on this machine. */
export async function findLlamaBench(): Promise<string | null> {
  if (process.env.INKWELL_LLAMA_BENCH) return process.env.INKWELL_LLAMA_BENCH;
  const binary = path.join(await llamaCppBinFolder(), 'llama-bench');
  return existsSync(binary) ? binary : null;
}

export interface NativeFigures {
  promptTokensPerSecond: number;
  tokensPerSecond: number;
}

/** Prompt speed over `promptTokens` and generation over `newTokens`, at one batch size. */
export async function nativeFigures(
  binary: string,
  model: string,
  options: { threads: number; promptTokens: number; newTokens: number; batch: number },
): Promise<NativeFigures> {
  const { stdout } = await run(
    binary,
    [
      ...['-m', model, '-t', String(options.threads), '-fa', '0', '-r', '3', '-o', 'json'],
      ...['-p', String(options.promptTokens), '-n', String(options.newTokens)],
      ...['-b', String(options.batch), '-ub', String(options.batch)],
    ],
    { env: { ...process.env, LD_LIBRARY_PATH: path.dirname(binary) }, maxBuffer: 16 << 20 },
  );
  const tests = JSON.parse(stdout) as { n_prompt: number; n_gen: number; avg_ts: number }[];
  const speed = (pick: (t: { n_prompt: number; n_gen: number }) => boolean): number =>
    tests.find(pick)?.avg_ts ?? Number.NaN;
  return {
    promptTokensPerSecond: speed((t) => t.n_prompt > 0 && t.n_gen === 0),
    tokensPerSecond: speed((t) => t.n_gen > 0 && t.n_prompt === 0),
  };
}
