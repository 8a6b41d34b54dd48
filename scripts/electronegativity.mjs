#!/usr/bin/env node
/**
 * Runs Electronegativity over the Electron side's sources and fails (exit 1) on any HIGH or
 * MEDIUM finding, printing each one. The tool itself always exits 0 and, on start, fetches
 * translations from the network; here its i18n loader is replaced by one that only configures the
 * bundled English strings, so the check runs offline and never waits on a request.
 *
 * Usage: node --import tsx scripts/electronegativity.mjs [input folder, default electron/] [--json]
 * A finding that is a false positive is suppressed on its line with `// eng-disable CHECK_ID`
 * and a comment saying why (the tool's documented way).
 *
 * Two of the tool's checks are replaced here: AvailableSecurityFixesGlobalCheck downloads
 * Electron's release list (no network here; `npm outdated electron` answers it where there is
 * one), and CSPGlobalCheck only sees CSP strings written literally, while ours is built by
 * contentSecurityPolicy() and sent as a header by the app:// protocol. That real policy is
 * evaluated below with the same evaluator the tool uses, failing on any HIGH or MEDIUM finding.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const toolDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));

/** Same configuration as the tool's own loader, minus the download of updated translations. */
function offlineI18n() {
  const i18n = require(require.resolve('i18n', { paths: [toolDir] }));
  i18n.configure({
    locales: ['en-US'],
    defaultLocale: 'en-US',
    directory: path.join(toolDir, 'dist', 'locales'),
    updateFiles: false,
    objectNotation: true,
    retryInDefaultLocale: true,
    register: globalThis,
  });
  i18n.setLocale('en-US');
  return Promise.resolve();
}

const i18nModule = path.join(toolDir, 'dist', 'locales', 'i18n.js');
require.cache[i18nModule] = {
  id: i18nModule,
  filename: i18nModule,
  loaded: true,
  exports: offlineI18n,
};

const FAILING_SEVERITIES = new Set(['HIGH', 'MEDIUM']);

const args = process.argv.slice(2);
const input = path.resolve(root, args.find((arg) => !arg.startsWith('--')) ?? 'electron');
const asJson = args.includes('--json');

const run = require(path.join(toolDir, 'dist', 'runner.js'));
const electronVersion = require('electron/package.json').version;
const result = await run({
  input,
  isRelative: true,
  isVerbose: false,
  electronVersionOverride: electronVersion,
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck', 'CSPGlobalCheck'],
});

/** Our CSP as the app:// protocol sends it, judged by the tool's own CSP evaluator. */
async function policyFindings() {
  const { appResponseHeaders } = await import('../electron/security/appProtocol.ts');
  const policy = appResponseHeaders()['Content-Security-Policy'];
  const evaluator = require(require.resolve('@doyensec/csp-evaluator', { paths: [toolDir] }));
  const parsed = new evaluator.CspParser(policy);
  const severities = evaluator.severities;
  return new evaluator.CspEvaluator(parsed.csp, evaluator.Version.CSP3)
    .evaluate()
    .filter((finding) => finding.severity <= severities.MEDIUM)
    .map((finding) => ({
      check: 'CSP_APP_PROTOCOL',
      severity: finding.severity === severities.MEDIUM ? 'MEDIUM' : 'HIGH',
      confidence: 'CERTAIN',
      file: 'security/appProtocol.ts',
      line: 0,
      column: 0,
      manualReview: false,
      description: `${finding.directive}: ${finding.description}`,
    }));
}

const findings = result.issues.map((issue) => ({
  check: issue.id,
  severity: issue.severity.name,
  confidence: issue.confidence.name,
  file: issue.file,
  line: issue.location?.line ?? 0,
  column: issue.location?.column ?? 0,
  manualReview: Boolean(issue.manualReview),
  description: issue.description,
}));
findings.push(...(await policyFindings()));
const failing = findings.filter((finding) => FAILING_SEVERITIES.has(finding.severity));
const parseErrors = result.errors.filter((error) => !error.tolerable);

if (asJson) {
  console.log(JSON.stringify({ input, findings, parseErrors }, null, 2));
} else {
  for (const finding of findings) {
    const mark = FAILING_SEVERITIES.has(finding.severity) ? 'FAIL' : 'info';
    console.log(
      `${mark} ${finding.severity}/${finding.confidence} ${finding.check} ` +
        `${finding.file}:${finding.line}:${finding.column}${finding.manualReview ? ' (review)' : ''}`,
    );
    if (mark === 'FAIL') console.log(`     ${finding.description}`);
  }
  for (const error of parseErrors)
    console.log(`FAIL could not parse ${error.file}: ${error.message}`);
  console.log(
    `Electronegativity ${path.relative(root, input) || '.'}: ${findings.length} finding(s), ` +
      `${failing.length} high or medium, ${parseErrors.length} parse error(s).`,
  );
}
// A file the tool cannot parse is a file it did not check, so it fails the run too.
process.exit(failing.length > 0 || parseErrors.length > 0 ? 1 : 0);
