/**
 * Crash durability, at length: SIGKILLs a writer process mid-write many times over one database
 * and reports whether anything acknowledged was lost. The same check as
 * test/integration/durability.test.ts, with more iterations and figures.
 *
 *   node --import tsx bench/durability.ts [--iterations 500] [--keep]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  recordAcks,
  runWriterUntilKilled,
  verifyDataDir,
  type AckLedger,
} from '../test/fixtures/durabilityHarness.js';

const { values } = parseArgs({
  options: {
    iterations: { type: 'string', default: '500' },
    keep: { type: 'boolean', default: false },
  },
});
const iterations = Number(values.iterations);
if (!Number.isInteger(iterations) || iterations < 1) {
  throw new Error(`--iterations must be a positive whole number, not ${values.iterations}`);
}

const dataDir = mkdtempSync(join(os.tmpdir(), 'inkwell-durability-bench-'));
const ledger: AckLedger = new Map();
let acknowledged = 0;
let integrityFailures = 0;
let lostWrites = 0;
let wrongTexts = 0;
let writingMs = 0;
let writesTimed = 0;
const started = performance.now();

for (let kill = 1; kill <= iterations; kill += 1) {
  const { acks, ackSpanMs } = await runWriterUntilKilled({
    dataDir,
    minKillDelayMs: 5,
    maxKillDelayMs: 40,
  });
  // The first ack of each run starts the clock, so it is not counted in the rate.
  writesTimed += acks.length - 1;
  writingMs += ackSpanMs;
  acknowledged += acks.length;
  recordAcks(ledger, acks);

  const result = verifyDataDir(dataDir, ledger);
  if (result.integrity !== 'ok') {
    integrityFailures += 1;
    console.error(`kill ${kill}: integrity_check: ${result.integrity}`);
  }
  lostWrites += result.lostWrites.length;
  wrongTexts += result.wrongText.length;
  for (const problem of [...result.lostWrites, ...result.wrongText]) {
    console.error(`kill ${kill}: ${problem}`);
  }
  if (kill % 50 === 0) console.error(`… ${kill}/${iterations}`);
}

const elapsedS = (performance.now() - started) / 1000;
const cpus = os.cpus();
console.log(`iterations (SIGKILLs):      ${iterations}`);
console.log(`acknowledged writes:        ${acknowledged}`);
console.log(`documents at the end:       ${ledger.size}`);
console.log(`integrity failures:         ${integrityFailures}`);
console.log(`lost acknowledged writes:   ${lostWrites}`);
console.log(`documents with wrong text:  ${wrongTexts}`);
console.log(
  `writes/s (each committed):  ${(writesTimed / (writingMs / 1000)).toFixed(0)} (${writesTimed} writes between first and last ack, ${(writingMs / 1000).toFixed(2)} s)`,
);
console.log(`total time:                 ${elapsedS.toFixed(1)} s`);
console.log(
  `machine:                    ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, Node ${process.version}, ${os.platform()} ${os.release()}`,
);

if (values.keep) console.log(`database kept in ${dataDir}`);
else rmSync(dataDir, { recursive: true, force: true });
process.exitCode = integrityFailures + lostWrites + wrongTexts === 0 ? 0 : 1;
