/**
 * package.json's `dependencies` are exactly the packages main, the model host and the template
 * render process load (electron/ and shared/ without the preload, which Vite bundles): they are
 * what electron-builder puts in the installer. The renderer's packages are devDependencies.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/** Packages a file loads at run time: value imports and dynamic import(), not `import type`. */
function packagesLoadedBy(source: string): string[] {
  const specifiers = [
    ...source.matchAll(/^\s*import\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?'([^'.][^']*)'/gm),
    ...source.matchAll(/^\s*export\s+(?!type\s)[^'";]*?\sfrom\s+'([^'.][^']*)'/gm),
    ...source.matchAll(/\bimport\(\s*'([^'.][^']*)'\s*\)/g),
  ].map((match) => match[1] ?? '');
  return specifiers
    .filter((specifier) => !specifier.startsWith('node:') && specifier !== 'electron')
    .map((specifier) =>
      specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/'),
    );
}

function mainSideSources(): string[] {
  return ['electron', 'shared'].flatMap((folder) =>
    readdirSync(path.join(repoRoot, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => path.join(folder, file))
      .filter((file) => file !== path.join('electron', 'preload.ts')),
  );
}

describe('runtime dependencies', () => {
  it('are exactly the packages the main side loads', () => {
    const loaded = new Set(
      mainSideSources().flatMap((file) =>
        packagesLoadedBy(readFileSync(path.join(repoRoot, file), 'utf8')),
      ),
    );
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    assert.deepEqual([...loaded].sort(), Object.keys(manifest.dependencies).sort());
  });

  it('reads value imports, re-exports and dynamic imports, not type-only ones', () => {
    const source = [
      "import { z } from 'zod';",
      "import type { Llama } from 'node-llama-cpp';",
      "import Database from 'better-sqlite3';",
      "export { Template } from '@huggingface/jinja';",
      "const ws = await import('ws');",
      "import { join } from 'node:path';",
      "import { local } from './local.js';",
    ].join('\n');
    assert.deepEqual(packagesLoadedBy(source), [
      'zod',
      'better-sqlite3',
      '@huggingface/jinja',
      'ws',
    ]);
  });
});
