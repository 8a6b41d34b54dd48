#!/usr/bin/env node
/**
 * better-sqlite3 is a native addon built against Node's ABI by `npm install`, which is what the
 * tests use. Electron has its own ABI, so `npm start` builds a second copy for Electron into
 * native/electron-<version>/ and main loads it through better-sqlite3's `nativeBinding` option.
 * node_modules stays untouched, so `npm test` and `npm start` never need a rebuild in between.
 * Building needs Electron's headers, downloaded once by node-gyp from electronjs.org.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const electronVersion = JSON.parse(
  readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;
const target = path.join(root, 'native', `electron-${electronVersion}`, 'better_sqlite3.node');
if (existsSync(target)) {
  console.log(
    `better-sqlite3 for Electron ${electronVersion} is ready (${path.relative(root, target)}).`,
  );
  process.exit(0);
}

const source = path.dirname(require.resolve('better-sqlite3/package.json'));
const work = path.join(root, 'native', '.build-better-sqlite3');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
for (const entry of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) {
  cpSync(path.join(source, entry), path.join(work, entry), { recursive: true });
}

// npm exports its own config (e.g. nodedir=/usr on some machines) to scripts; those settings
// would silently build for Node's ABI again, so node-gyp gets a clean environment.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_config_')),
);
const nodeGyp =
  process.env.npm_config_node_gyp ??
  require.resolve('node-gyp/bin/node-gyp.js', { paths: [path.dirname(process.execPath), root] });

console.log(`Building better-sqlite3 for Electron ${electronVersion} (once; about a minute)...`);
try {
  execFileSync(
    process.execPath,
    [
      nodeGyp,
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: work, env, stdio: 'inherit' },
  );
} catch {
  rmSync(work, { recursive: true, force: true });
  console.error(
    'Could not build better-sqlite3 for Electron (node-gyp needs a C++ toolchain and Electron headers ' +
      'from electronjs.org). Without a network, use the headless mode instead: npm run serve',
  );
  process.exit(1);
}
mkdirSync(path.dirname(target), { recursive: true });
cpSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
rmSync(work, { recursive: true, force: true });
console.log(`Built ${path.relative(root, target)}.`);
