/**
 * The Electronegativity gate (scripts/electronegativity.mjs): clean on our Electron sources, and
 * really failing on a high or medium finding (checked on a deliberately insecure file, so a gate
 * that silently passes everything would be caught).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

function runGate(input: string) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/electronegativity.mjs', input, '--json'],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  const report = JSON.parse(result.stdout) as {
    findings: { check: string; severity: string }[];
    parseErrors: unknown[];
  };
  return { status: result.status, report };
}

describe('Electronegativity gate', () => {
  it('finds no high or medium issue in electron/', () => {
    const { status, report } = runGate('electron');
    const serious = report.findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
    assert.deepEqual(serious, []);
    assert.deepEqual(report.parseErrors, []);
    assert.equal(status, 0);
  });

  it('fails on an insecure window', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'inkwell-eng-'));
    try {
      writeFileSync(
        path.join(dir, 'insecure.js'),
        [
          "const { BrowserWindow } = require('electron');",
          'new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });',
        ].join('\n'),
      );
      const { status, report } = runGate(dir);
      const checks = report.findings.map((finding) => finding.check);
      assert.ok(checks.includes('SANDBOX_JS_CHECK'), checks.join(', '));
      assert.ok(checks.includes('CONTEXT_ISOLATION_JS_CHECK'), checks.join(', '));
      assert.equal(status, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
