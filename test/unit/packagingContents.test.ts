/**
 * The packaging check's rules and its reading of a packaged app, on real asar archives made here
 * with @electron/asar (the same library electron-builder packs with). The full check, which runs
 * electron-builder itself, is `npm run check:package`.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import {
  inspectPackage,
  platformNamedBy,
  type PackagedFile,
} from '../../scripts/packaging/inspectPackage.js';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as {
  createPackageWithOptions(src: string, dest: string, options: { unpack: string }): Promise<void>;
};
const packagedFiles = require('../../scripts/packaging/packagedFiles.cjs') as {
  NOTICES_FILE: string;
  listPackagedFiles(resourcesDir: string): PackagedFile[];
  writeThirdPartyNotices(resourcesDir: string, productName: string): number;
};

const work = mkdtempSync(path.join(tmpdir(), 'inkwell-packaging-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** Packs `files` (path → content) into resources/app.asar, native addons unpacked beside it. */
async function packagedApp(name: string, files: Record<string, string>): Promise<string> {
  const source = path.join(work, name, 'app');
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(source, file)), { recursive: true });
    writeFileSync(path.join(source, file), content);
  }
  const resources = path.join(work, name, 'resources');
  mkdirSync(resources, { recursive: true });
  await asar.createPackageWithOptions(source, path.join(resources, 'app.asar'), {
    unpack: '*.{node,so}',
  });
  return resources;
}

const manifest = (name: string, version: string, license = 'MIT'): string =>
  JSON.stringify({ name, version, license });

/** What Inkwell cannot start without, for linux-x64. */
const essentials: Record<string, string> = {
  'package.json': manifest('inkwell', '0.1.0'),
  'dist/electron/main.js': 'main',
  'dist/electron/engine/host/modelHost.js': 'host',
  'dist/renderer/index.html': '<!doctype html>',
  'node_modules/better-sqlite3/package.json': manifest('better-sqlite3', '12.11.1'),
  'node_modules/better-sqlite3/LICENSE': 'The MIT License (better-sqlite3)',
  'node_modules/better-sqlite3/build/Release/better_sqlite3.node': 'ELF sqlite',
  'node_modules/node-llama-cpp/package.json': manifest('node-llama-cpp', '3.21.1'),
  'node_modules/node-llama-cpp/LICENSE': 'MIT License (node-llama-cpp)',
  'node_modules/node-llama-cpp/llama/binariesGithubRelease.json': '{"release":"v0.4.0"}',
  'node_modules/@node-llama-cpp/linux-x64/package.json': manifest(
    '@node-llama-cpp/linux-x64',
    '3.21.1',
  ),
  'node_modules/@node-llama-cpp/linux-x64/bins/linux-x64/llama-addon.node': 'ELF llama',
  'node_modules/@node-llama-cpp/linux-x64/bins/linux-x64/libggml-base.so': 'ELF ggml',
  'node_modules/zod/package.json': manifest('zod', '4.6.7'),
  'node_modules/zod/LICENSE': 'MIT License (zod)',
  'node_modules/zod/index.js': 'export {}',
};
const linuxX64 = { os: 'linux', arch: 'x64' } as const;

describe('the packaged app', () => {
  it('passes when it holds only what runs on its target, and measures the archive and the unpacked files', async () => {
    const resources = await packagedApp('lean', essentials);
    const files = packagedFiles.listPackagedFiles(resources);
    const report = inspectPackage(files, linuxX64, ['react', 'lexical']);
    assert.deepEqual(report.problems, []);
    const unpacked = files.filter((file) => file.unpacked).map((file) => file.path);
    assert.deepEqual(unpacked.sort(), [
      'node_modules/@node-llama-cpp/linux-x64/bins/linux-x64/libggml-base.so',
      'node_modules/@node-llama-cpp/linux-x64/bins/linux-x64/llama-addon.node',
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    ]);
    assert.equal(
      report.unpackedBytes,
      'ELF llama'.length + 'ELF ggml'.length + 'ELF sqlite'.length,
    );
    const total = Object.values(essentials).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    assert.equal(report.asarBytes + report.unpackedBytes, total);
    assert.deepEqual(report.packages.map((entry) => entry.name).sort(), [
      '(the app)',
      '@node-llama-cpp/linux-x64',
      'better-sqlite3',
      'node-llama-cpp',
      'zod',
    ]);
  });

  it('fails on a renderer package, another platform’s binaries, CUDA, llama.cpp’s source and a whole local build', async () => {
    const resources = await packagedApp('fat', {
      ...essentials,
      'node_modules/react/package.json': manifest('react', '19.3.1'),
      'node_modules/ipull/node_modules/lexical/package.json': manifest('lexical', '0.52.0'),
      'node_modules/@node-llama-cpp/linux-arm64/bins/linux-arm64/llama-addon.node': 'ELF arm',
      'node_modules/@node-llama-cpp/win-x64/bins/win-x64/llama-addon.node': 'PE win',
      'node_modules/@node-llama-cpp/linux-x64-cuda/bins/linux-x64-cuda/llama-addon.node': 'ELF',
      'node_modules/@reflink/reflink-darwin-arm64/reflink.darwin-arm64.node': 'Mach-O',
      'node_modules/node-llama-cpp/llama/gitRelease.bundle': 'git bundle',
      'node_modules/node-llama-cpp/llama/llama.cpp/src/llama.cpp': '// source',
      'node_modules/node-llama-cpp/llama/localBuilds/linux-x64/Release/llama-addon.node': 'ELF',
      'node_modules/node-llama-cpp/llama/localBuilds/linux-x64/CMakeCache.txt': 'cmake',
    });
    const report = inspectPackage(packagedFiles.listPackagedFiles(resources), linuxX64, [
      'react',
      'lexical',
    ]);
    assert.deepEqual(report.problems.sort(), [
      '@node-llama-cpp/linux-x64-cuda: CUDA builds are not shipped',
      'lexical is a devDependency the app does not run',
      "localBuilds/linux-x64: only a local build's Release output is shipped",
      "node-llama-cpp/llama/gitRelease.bundle: llama.cpp's build kit is not shipped",
      "node-llama-cpp/llama/llama.cpp: llama.cpp's build kit is not shipped",
      'node_modules/@node-llama-cpp/linux-arm64 holds native code built for linux-arm64',
      'node_modules/@node-llama-cpp/win-x64 holds native code built for win-x64',
      'node_modules/@reflink/reflink-darwin-arm64 holds native code built for mac-arm64',
      'react is a devDependency the app does not run',
    ]);
  });

  it('fails when the target’s llama.cpp build or SQLite is missing, or native code sits inside the asar', async () => {
    const withoutEngine = { ...essentials };
    delete withoutEngine['node_modules/@node-llama-cpp/linux-x64/bins/linux-x64/llama-addon.node'];
    const resources = await packagedApp('broken', {
      ...withoutEngine,
      'node_modules/ws/lib/bufferutil.dll': 'PE',
    });
    const report = inspectPackage(packagedFiles.listPackagedFiles(resources), linuxX64, []);
    assert.deepEqual(report.problems.sort(), [
      "missing: llama.cpp's prebuilt CPU build for linux-x64",
      'node_modules/ws/lib/bufferutil.dll is native code inside the asar (it cannot be loaded from there)',
    ]);
    // The arm64 package of the same app misses its own build and carries x64's.
    const arm = inspectPackage(
      packagedFiles.listPackagedFiles(await packagedApp('x64', essentials)),
      {
        os: 'linux',
        arch: 'arm64',
      },
      [],
    );
    assert.ok(arm.problems.includes("missing: llama.cpp's prebuilt CPU build for linux-arm64"));
    assert.ok(
      arm.problems.includes(
        'node_modules/@node-llama-cpp/linux-x64 holds native code built for linux-x64',
      ),
    );
  });
});

describe('platformNamedBy', () => {
  it('reads the platform a native package names, in Node’s and in electron-builder’s words', () => {
    assert.deepEqual(platformNamedBy('@node-llama-cpp/mac-arm64-metal/bins/x.node'), {
      os: 'mac',
      arch: 'arm64',
    });
    assert.deepEqual(platformNamedBy('@reflink/reflink-win32-x64-msvc/r.node'), {
      os: 'win',
      arch: 'x64',
    });
    assert.deepEqual(platformNamedBy('@reflink/reflink-linux-x64-gnu/r.node'), {
      os: 'linux',
      arch: 'x64',
    });
    assert.equal(platformNamedBy('better-sqlite3/build/Release/better_sqlite3.node'), null);
    assert.equal(platformNamedBy('darwinism/x64.node'), null);
  });
});

describe('THIRD_PARTY_NOTICES.txt', () => {
  it('names each packaged package once with its license and license text, nested ones too', async () => {
    const resources = await packagedApp('notices', {
      ...essentials,
      'node_modules/ipull/package.json': manifest('ipull', '3.9.5'),
      'node_modules/ipull/LICENSE.md': 'MIT (ipull)',
      'node_modules/ipull/node_modules/zod/package.json': manifest('zod', '3.0.0', 'MIT'),
      'node_modules/ipull/node_modules/zod/dist/package.json': '{"type":"module"}',
      'node_modules/ws/package.json': JSON.stringify({
        name: 'ws',
        version: '8.23.0',
        license: { type: 'MIT' },
      }),
    });
    const count = packagedFiles.writeThirdPartyNotices(resources, 'Inkwell');
    const text = readFileSync(path.join(resources, packagedFiles.NOTICES_FILE), 'utf8');
    const headings = [...text.matchAll(/^-{78}\n(.+)\n-{78}$/gm)].map((match) => match[1]);
    assert.deepEqual(headings, [
      '@node-llama-cpp/linux-x64 3.21.1 (MIT)',
      'better-sqlite3 12.11.1 (MIT)',
      'ipull 3.9.5 (MIT)',
      'node-llama-cpp 3.21.1 (MIT)',
      'ws 8.23.0 (MIT)',
      'zod 3.0.0 (MIT)',
      'zod 4.6.7 (MIT)',
    ]);
    assert.equal(count, headings.length);
    assert.match(text, /ipull 3\.9\.5 \(MIT\)\n-+\nMIT \(ipull\)/);
    assert.match(text, /ws 8\.23\.0 \(MIT\)\n-+\n\(no license file in the package\)/);
  });
});
