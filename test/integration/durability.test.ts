import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import {
  recordAcks,
  runWriterUntilKilled,
  verifyDataDir,
  type AckLedger,
} from '../fixtures/durabilityHarness.js';

const KILLS = 100;
const tempRoot = mkdtempSync(join(tmpdir(), 'inkwell-durability-'));
after(() => rmSync(tempRoot, { recursive: true, force: true }));

it(
  `keeps every acknowledged write and an intact database across ${KILLS} SIGKILLs mid-write`,
  { timeout: 300_000 },
  async () => {
    // One data folder for all runs: each writer appends to a database the previous one was
    // killed in the middle of writing, with its WAL not yet checkpointed.
    const dataDir = join(tempRoot, 'data');
    const ledger: AckLedger = new Map();
    let acknowledged = 0;

    for (let kill = 1; kill <= KILLS; kill += 1) {
      const { acks } = await runWriterUntilKilled({
        dataDir,
        minKillDelayMs: 5,
        maxKillDelayMs: 40,
      });
      acknowledged += acks.length;
      recordAcks(ledger, acks);

      const result = verifyDataDir(dataDir, ledger);
      assert.equal(result.integrity, 'ok', `integrity_check after kill ${kill}`);
      assert.deepEqual(result.lostWrites, [], `acknowledged writes lost after kill ${kill}`);
      assert.deepEqual(result.wrongText, [], `wrong text after kill ${kill}`);
    }
    assert.ok(acknowledged >= KILLS, 'every run acknowledged at least one write');
  },
);

it('the checker itself notices an acknowledged write that is missing', async () => {
  const dataDir = join(tempRoot, 'checker');
  const { acks } = await runWriterUntilKilled({ dataDir, minKillDelayMs: 5, maxKillDelayMs: 10 });
  const ledger: AckLedger = new Map();
  recordAcks(ledger, acks);
  const newest = acks.at(-1);
  assert.ok(newest);
  // Claim one more version than the writer could have committed.
  recordAcks(ledger, [{ ...newest, version: newest.version + 2 }]);
  const result = verifyDataDir(dataDir, ledger);
  assert.equal(result.lostWrites.length, 1);
});
