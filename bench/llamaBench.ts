/**
 * Native llama.cpp figures for the same GGUF and threads: llama-bench from the build that
 * scripts/build-llama-server.sh makes of node-llama-cpp's bundled release (or INKWELL_LLAMA_BENCH).
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The llama-bench binary, or null when there is none on this machine. */
export function findLlamaBench(): string | null {
  if (process.env.INKWELL_LLAMA_BENCH) return process.env.INKWELL_LLAMA_BENCH;
  const info = JSON.parse(
    readFileSync('node_modules/node-llama-cpp/llama/llama.cpp.info.json', 'utf8'),
  ) as { tag: string };
  const cache = process.env.INKWELL_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'inkwell');
  const binary = path.join(cache, `llama.cpp-${info.tag}`, 'bin', 'llama-bench');
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
