/**
 * `npm run convert -- <folder> <out.gguf> [--type f32|f16|q8_0]`: converts a Hugging Face GPT-2
 * folder to GGUF with a progress bar on stderr and a one-line summary on stdout.
 */
import { parseArgs } from 'node:util';
import { CheckpointConversionError } from './conversionErrors.js';
import {
  convertGpt2Checkpoint,
  type ConversionProgress,
  type ConversionType,
} from './convertGpt2Checkpoint.js';

const USAGE = 'usage: npm run convert -- <checkpoint-folder> <out.gguf> [--type f32|f16|q8_0]';
const TYPES: readonly ConversionType[] = ['f32', 'f16', 'q8_0'];
const BAR_WIDTH = 30;

function renderProgress(progress: ConversionProgress): void {
  const fraction = progress.bytesTotal === 0 ? 1 : progress.bytesDone / progress.bytesTotal;
  const filled = Math.round(fraction * BAR_WIDTH);
  const bar = '#'.repeat(filled) + '-'.repeat(BAR_WIDTH - filled);
  const percent = (fraction * 100).toFixed(0).padStart(3);
  process.stderr.write(
    `\r[${bar}] ${percent}%  ${progress.tensorsDone}/${progress.tensorsTotal} tensors  ${progress.tensorName.padEnd(28)}`,
  );
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { type: { type: 'string', default: 'q8_0' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  const [folder, outFile, ...extra] = parsed.positionals;
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  const type = parsed.values.type as ConversionType;
  if (folder === undefined || outFile === undefined || extra.length > 0 || !TYPES.includes(type)) {
    console.error(USAGE);
    return 1;
  }
  const started = performance.now();
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  try {
    const result = await convertGpt2Checkpoint(folder, outFile, {
      type,
      signal: controller.signal,
      onProgress: process.stderr.isTTY ? renderProgress : undefined,
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    const seconds = (performance.now() - started) / 1000;
    const h = result.hyperparameters;
    console.log(
      `wrote ${result.outFile}: ${type}, ${(result.bytesWritten / 1e6).toFixed(1)} MB, ${result.tensorCount} tensors, ` +
        `${(result.parameterCount / 1e6).toFixed(2)}M parameters (${h.blockCount} layers x ${h.embeddingLength}, ` +
        `${h.headCount} heads, context ${h.contextLength}, vocab ${h.vocabSize}) in ${seconds.toFixed(1)} s`,
    );
    return 0;
  } catch (error) {
    if (process.stderr.isTTY) process.stderr.write('\n');
    if (error instanceof CheckpointConversionError) console.error(`convert: ${error.message}`);
    else if (controller.signal.aborted)
      console.error('convert: cancelled; no output file was left behind');
    else console.error(`convert: unexpected failure: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}

process.exitCode = await main();
