/**
 * What can be checked about packaging without downloading Electron: electron-builder.yml is valid
 * against electron-builder's own schema, names every target, keeps native code out of the asar,
 * ships the demo model and icons, and sets Inkwell's fuses. What the packaged app then holds is
 * checked by `npm run check:package` (scripts/packaging/).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const yaml = require('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  appId: string;
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  afterPack: string;
  electronFuses: Record<string, boolean>;
  fileAssociations: { ext: string | string[]; mimeType: string; role: string }[];
  extraResources: { from: string; to: string; filter: string[] }[];
  linux: { target: string[]; icon: string };
  mac: { target: { target: string; arch: string[] }[]; icon: string };
  win: { target: string[]; icon: string };
}

const config = yaml.load(
  readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8'),
) as BuilderConfig;

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as {
      DebugLogger: new (on: boolean) => unknown;
    };
    await validateConfiguration(config, new DebugLogger(false));
  });

  it('builds AppImage + deb, dmg for x64 and arm64, and NSIS', () => {
    assert.equal(config.appId, 'app.inkwell.studio');
    assert.deepEqual(config.linux.target, ['AppImage', 'deb']);
    assert.deepEqual(config.mac.target, [{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    assert.deepEqual(config.win.target, ['nsis']);
  });

  it('packs the built app in an asar with the native code unpacked', () => {
    assert.equal(config.asar, true);
    for (const entry of [
      'node_modules/better-sqlite3/**',
      'node_modules/node-llama-cpp/bins/**',
      'node_modules/@node-llama-cpp/**',
      '**/*.node',
    ]) {
      assert.ok(config.asarUnpack.includes(entry), entry);
    }
    assert.equal(config.npmRebuild, true);
    for (const entry of ['dist/electron/**', 'dist/preload/**', 'dist/renderer/**']) {
      assert.ok(config.files.includes(entry), entry);
    }
  });

  it('offers to open .md, .txt and .docx documents, with their MIME types for Linux', () => {
    assert.deepEqual(
      config.fileAssociations.map((association) => [association.ext, association.mimeType]),
      [
        [['md', 'markdown'], 'text/markdown'],
        ['txt', 'text/plain'],
        ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ],
    );
    assert.ok(config.fileAssociations.every((association) => association.role === 'Editor'));
  });

  it('ships the bundled demo model as an extra resource', () => {
    const models = config.extraResources.find((resource) => resource.to === 'models');
    assert.equal(models?.from, 'resources/models');
    assert.ok(models?.filter.includes('*.gguf'));
    const modelFiles = ['gpt2-brown-mini.q8_0.gguf'];
    for (const file of modelFiles)
      assert.ok(existsSync(path.join(repoRoot, 'resources/models', file)));
  });

  it('has real PNG icons at 512 and 256 pixels', () => {
    for (const size of [512, 256]) {
      const png = readFileSync(path.join(repoRoot, config.linux.icon, `${size}x${size}.png`));
      assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
      assert.equal(png.readUInt32BE(16), size);
      assert.equal(png.readUInt32BE(20), size);
    }
    assert.ok(existsSync(path.join(repoRoot, config.mac.icon)));
    assert.ok(existsSync(path.join(repoRoot, config.win.icon)));
  });
});

describe('Electron fuses', () => {
  // Flipped by electron-builder itself (electronFuses) right before signing; `npm run
  // check:package` reads them back from the packed stand-in binary.
  it('turns off running as Node, NODE_OPTIONS, --inspect and file:// privileges; requires the asar', () => {
    assert.deepEqual(config.electronFuses, {
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      resetAdHocDarwinSignature: true,
    });
  });
});
