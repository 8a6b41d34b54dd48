/**
 * What can be checked about packaging without downloading Electron: electron-builder.yml is valid
 * against electron-builder's own schema, names every target, keeps native code out of the asar,
 * ships the demo model and icons, and its afterPack hook sets exactly Inkwell's fuses on the
 * binary (run here on a stand-in file carrying Electron's fuse wire).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

const require = createRequire(import.meta.url);
/** The fuse wire stores each fuse as an ASCII digit (@electron/fuses' FuseState, not exported). */
const FuseState = { DISABLE: 48, ENABLE: 49 } as const;
const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const yaml = require('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  appId: string;
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  afterPack: string;
  extraResources: { from: string; to: string; filter: string[] }[];
  linux: { target: string[]; icon: string };
  mac: { target: { target: string; arch: string[] }[]; icon: string };
  win: { target: string[]; icon: string };
}

const config = yaml.load(
  readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8'),
) as BuilderConfig;

interface AfterPackModule {
  (context: unknown): Promise<void>;
  fuseSettings: Record<number, boolean>;
}
const afterPack = require(path.join(repoRoot, config.afterPack)) as AfterPackModule;

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

describe('afterPack fuses', () => {
  const expected = {
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
  };

  it('sets exactly these fuses', () => {
    assert.deepEqual(afterPack.fuseSettings, expected);
  });

  it('flips them in the packaged binary', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'inkwell-fuses-'));
    try {
      // Electron's fuse wire: sentinel, version 1, length, then one byte per fuse
      // ('0' off, '1' on), as in a freshly downloaded binary (all at their defaults).
      const sentinel = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX', 'ascii');
      const defaults = Buffer.from('10110001', 'ascii');
      const binary = Buffer.concat([
        Buffer.alloc(64, 0x90),
        sentinel,
        Buffer.from([1, defaults.length]),
        defaults,
        Buffer.alloc(64, 0x90),
      ]);
      const executable = path.join(dir, 'inkwell');
      writeFileSync(executable, binary);
      const log = console.log;
      console.log = () => undefined;
      try {
        await afterPack({
          appOutDir: dir,
          electronPlatformName: 'linux',
          arch: 1,
          packager: { executableName: 'inkwell', appInfo: { productFilename: 'Inkwell' } },
        });
      } finally {
        console.log = log;
      }
      const wire = await getCurrentFuseWire(executable);
      for (const [option, enabled] of Object.entries(expected)) {
        const state = wire[Number(option) as FuseV1Options];
        assert.equal(
          state,
          enabled ? FuseState.ENABLE : FuseState.DISABLE,
          FuseV1Options[Number(option)],
        );
      }
      // Cookie encryption and the V8 snapshot fuse are left as Electron ships them.
      assert.equal(wire[FuseV1Options.EnableCookieEncryption], FuseState.DISABLE);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
