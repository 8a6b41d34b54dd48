/**
 * `npm run check:package`: runs electron-builder's real packaging step (`--dir`: the app folder
 * an installer is made from, with app.asar, app.asar.unpacked, the fuses and the notices) for
 * Linux x64 and Linux arm64, against a stand-in Electron distribution (electronDist) because
 * Electron's binary cannot be downloaded everywhere; then measures what it packed, prints the
 * sizes, and exits 1 if a rule in inspectPackage.ts is broken. arm64 is there to show the filter
 * follows the target, not the machine: it must ship arm64 binaries and no x64 ones.
 *
 * Needs `npm run build` first (the script in package.json does it).
 */
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { inspectPackage, megabytes, type Target } from './inspectPackage.js';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(import.meta.dirname, '..', '..');

interface PackagedFilesModule {
  NOTICES_FILE: string;
  listPackagedFiles(resourcesDir: string): { path: string; size: number; unpacked: boolean }[];
  folderSize(folder: string): number;
}
const packagedFiles = require('./packagedFiles.cjs') as PackagedFilesModule;

/** Electron's fuse wire as a freshly downloaded binary carries it, so electron-builder can flip it. */
function standInElectron(dir: string): void {
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  const sentinel = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX', 'ascii');
  const defaults = Buffer.from('10110001', 'ascii');
  const binary = Buffer.concat([
    Buffer.alloc(64, 0x90),
    sentinel,
    Buffer.from([1, defaults.length]),
    defaults,
    Buffer.alloc(64, 0x90),
  ]);
  writeFileSync(path.join(dir, 'electron'), binary, { mode: 0o755 });
  writeFileSync(path.join(dir, 'LICENSE'), 'stand-in for Electron’s LICENSE\n');
  writeFileSync(path.join(dir, 'LICENSES.chromium.html'), '<p>stand-in</p>\n');
}

interface Builder {
  build(options: unknown): Promise<string[]>;
  Platform: { LINUX: { createTarget(type: string, arch: number): unknown } };
  Arch: Record<string, number>;
}

/**
 * npm cannot read a node_modules that is a symbolic link to another checkout's (it reports every
 * package as extraneous, and electron-builder then leaves packages out); walking node_modules
 * the way Node resolves it gives the tree a real checkout has.
 */
function walkNodeModulesWhenLinked(): void {
  if (!lstatSync(path.join(repoRoot, 'node_modules')).isSymbolicLink()) return;
  const { Packager } = require('app-builder-lib/out/packager') as {
    Packager: { prototype: { getPackageManager(): Promise<string> } };
  };
  Packager.prototype.getPackageManager = () => Promise.resolve('traversal');
}

async function packageFor(target: Target, electronDist: string, output: string): Promise<string> {
  const builder = require('electron-builder') as Builder;
  const arch = builder.Arch[target.arch];
  if (arch === undefined) throw new Error(`electron-builder has no architecture ${target.arch}`);
  await builder.build({
    projectDir: repoRoot,
    targets: builder.Platform.LINUX.createTarget('dir', arch),
    config: {
      electronDist,
      // The rebuild would compile better-sqlite3 for Electron in place, in node_modules.
      npmRebuild: false,
      directories: { output },
      publish: null,
    },
  });
  const unpackedDir = target.arch === 'x64' ? 'linux-unpacked' : `linux-${target.arch}-unpacked`;
  return path.join(output, unpackedDir, 'resources');
}

/** The fuse wire stores each fuse as an ASCII digit ('0' off, '1' on). */
const FUSE_ON = 49;
const FUSE_OFF = 48;
const expectedFuses: [FuseV1Options, boolean][] = [
  [FuseV1Options.RunAsNode, false],
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable, false],
  [FuseV1Options.EnableNodeCliInspectArguments, false],
  [FuseV1Options.GrantFileProtocolExtraPrivileges, false],
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation, true],
  [FuseV1Options.OnlyLoadAppFromAsar, true],
];

/** The fuses of the packed executable that differ from what Inkwell sets. */
async function wrongFuses(executable: string): Promise<string[]> {
  const wire = await getCurrentFuseWire(executable);
  return expectedFuses
    .filter(([fuse, on]) => wire[fuse] !== (on ? FUSE_ON : FUSE_OFF))
    .map(([fuse, on]) => `fuse ${FuseV1Options[fuse]} is not ${on ? 'on' : 'off'}`);
}

/**
 * On the machine's own architecture: the packed node_modules, extracted, loads llama.cpp (the
 * engine's getLlama call) and SQLite under Node, so the files the filters keep are enough. The
 * check packs without rebuilding better-sqlite3 for Electron, so Node can load it here.
 */
function packedEngineLoads(resources: string, work: string): string[] {
  const asar = require('@electron/asar') as { extractAll(archive: string, dest: string): void };
  const appDir = path.join(work, 'extracted');
  asar.extractAll(path.join(resources, 'app.asar'), appDir);
  // A file, not `node -e`: node-llama-cpp tests its binary in a fork, which repeats execArgv.
  const script = path.join(appDir, 'packed-engine-loads.mjs');
  writeFileSync(
    script,
    `import { getLlama } from 'node-llama-cpp';
import Database from 'better-sqlite3';
const llama = await getLlama({ gpu: false, build: 'never', progressLogs: false });
new Database(':memory:').prepare('select 1').get();
console.log('  the packed engine loads llama.cpp (' + llama.buildType + ') and SQLite');
`,
  );
  const run = spawnSync(process.execPath, [script], {
    cwd: appDir,
    encoding: 'utf8',
    timeout: 120_000,
  });
  process.stdout.write(run.stdout);
  if (run.status === 0) return [];
  return [`the packed node_modules cannot load the engine: ${run.stderr.trim().slice(-800)}`];
}

async function main(): Promise<void> {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  const forbidden = Object.keys(manifest.devDependencies);
  walkNodeModulesWhenLinked();
  const work = mkdtempSync(path.join(tmpdir(), 'inkwell-package-'));
  let failed = false;
  try {
    const electronDist = path.join(work, 'electron');
    standInElectron(electronDist);
    for (const target of [
      { os: 'linux', arch: 'x64' },
      { os: 'linux', arch: 'arm64' },
    ] satisfies Target[]) {
      const resources = await packageFor(target, electronDist, path.join(work, target.arch));
      const report = inspectPackage(packagedFiles.listPackagedFiles(resources), target, forbidden);
      const notices = readFileSync(path.join(resources, packagedFiles.NOTICES_FILE), 'utf8');
      const noticed = notices.match(/^-{78}\n.+ \(.+\)$/gm)?.length ?? 0;
      console.log(`\n${target.os}-${target.arch}:`);
      console.log(`  app.asar           ${megabytes(report.asarBytes)}`);
      console.log(`  app.asar.unpacked  ${megabytes(report.unpackedBytes)}`);
      console.log(`  ${packagedFiles.NOTICES_FILE}: ${noticed} packages`);
      console.log('  largest packages:');
      for (const { name, bytes } of report.packages.slice(0, 8)) {
        console.log(`    ${megabytes(bytes).padStart(9)}  ${name}`);
      }
      if (noticed === 0) report.problems.push(`${packagedFiles.NOTICES_FILE} names no package`);
      report.problems.push(...(await wrongFuses(path.join(resources, '..', 'inkwell'))));
      if (target.arch === process.arch) report.problems.push(...packedEngineLoads(resources, work));
      for (const problem of report.problems) console.log(`  PROBLEM: ${problem}`);
      if (report.problems.length > 0) failed = true;
    }
  } finally {
    if (!process.env.INKWELL_KEEP_PACKAGE) rmSync(work, { recursive: true, force: true });
    else console.log(work);
  }
  if (failed) {
    console.error(
      '\nThe packaged app breaks the rules above (scripts/packaging/inspectPackage.ts).',
    );
    process.exit(1);
  }
  console.log('\nThe packaged app holds only what it runs, for its target.');
}

await main();
