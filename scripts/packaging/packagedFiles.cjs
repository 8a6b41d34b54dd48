/**
 * What a packaged Inkwell holds: every file of its app.asar (unpacked ones included, read from
 * app.asar.unpacked) with its size, and the third-party notices made from the node_modules in
 * it. Both read the packaged app itself, not the source tree, so they describe exactly what an
 * installer carries. CommonJS because electron-builder's afterPack hook requires it.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- loaded by electron-builder with require() */
const { existsSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const asar = require('@electron/asar');

/** The name of the notices file in the app's resources folder (beside app.asar). */
const NOTICES_FILE = 'THIRD_PARTY_NOTICES.txt';

/**
 * Every file in resourcesDir/app.asar, as { path, size, unpacked }, path relative to the asar
 * root with forward slashes and no leading slash.
 */
function listPackagedFiles(resourcesDir) {
  const archive = path.join(resourcesDir, 'app.asar');
  const files = [];
  for (const entry of asar.listPackage(archive, { isPack: false })) {
    const relative = entry.replace(/\\/g, '/').replace(/^\//, '');
    const stat = asar.statFile(archive, relative, false);
    if (!('size' in stat)) continue; // a folder or a link
    files.push({ path: relative, size: stat.size, unpacked: stat.unpacked === true });
  }
  return files;
}

/** The text of one packaged file, from the asar or beside it in app.asar.unpacked. */
function readPackagedFile(resourcesDir, file) {
  if (file.unpacked) return readFileSync(path.join(resourcesDir, 'app.asar.unpacked', file.path));
  return asar.extractFile(path.join(resourcesDir, 'app.asar'), file.path);
}

const LICENSE_FILE = /^(licen[cs]e|copying|notice)([.-].*)?$/i;

/** node_modules/<name>/ or node_modules/@scope/<name>/, at any depth: the package's folder. */
function packageFolderOf(filePath) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\/([^/]+)$/.exec(filePath);
  return match ? { folder: match[1], file: match[2] } : null;
}

/**
 * One entry per packaged package (name@version once, however often it is nested), with its
 * declared license and the text of its license files, sorted by name.
 */
function collectNotices(resourcesDir) {
  const files = listPackagedFiles(resourcesDir);
  const byFolder = new Map();
  for (const file of files) {
    const place = packageFolderOf(file.path);
    if (!place) continue;
    const entry = byFolder.get(place.folder) ?? { manifest: null, licenses: [] };
    if (place.file === 'package.json') entry.manifest = file;
    else if (LICENSE_FILE.test(place.file)) entry.licenses.push(file);
    byFolder.set(place.folder, entry);
  }
  const notices = new Map();
  for (const { manifest, licenses } of byFolder.values()) {
    if (!manifest) continue;
    const pkg = JSON.parse(readPackagedFile(resourcesDir, manifest).toString('utf8'));
    // Folders inside a package that carry their own package.json ({"type":"module"}) are not packages.
    if (typeof pkg.name !== 'string' || typeof pkg.version !== 'string') continue;
    const id = `${pkg.name}@${pkg.version}`;
    if (notices.has(id)) continue;
    notices.set(id, {
      name: pkg.name,
      version: pkg.version,
      license: licenseOf(pkg),
      texts: licenses
        .sort((a, b) => a.path.localeCompare(b.path))
        .map((file) => readPackagedFile(resourcesDir, file).toString('utf8').trim()),
    });
  }
  return [...notices.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version),
  );
}

function licenseOf(pkg) {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license && typeof pkg.license.type === 'string') return pkg.license.type;
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map((entry) => entry.type).join(' OR ');
  return 'UNKNOWN';
}

/** The notices as one plain-text file. */
function formatNotices(productName, notices) {
  const rule = '-'.repeat(78);
  const parts = [
    `${productName} includes the following third-party software, each under its own license.`,
    'Electron and Chromium list their own in LICENSE.electron.txt and LICENSES.chromium.html.',
    '',
  ];
  for (const notice of notices) {
    parts.push(rule, `${notice.name} ${notice.version} (${notice.license})`, rule);
    parts.push(
      notice.texts.length > 0 ? notice.texts.join('\n\n') : '(no license file in the package)',
      '',
    );
  }
  return `${parts.join('\n')}\n`;
}

/** Writes resourcesDir/THIRD_PARTY_NOTICES.txt; returns how many packages it names. */
function writeThirdPartyNotices(resourcesDir, productName) {
  const notices = collectNotices(resourcesDir);
  writeFileSync(path.join(resourcesDir, NOTICES_FILE), formatNotices(productName, notices));
  return notices.length;
}

/** The resources folder (where app.asar is) of a packed app in appOutDir. */
function resourcesDirOf(appOutDir, electronPlatformName, productFilename) {
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return path.join(appOutDir, `${productFilename}.app`, 'Contents', 'Resources');
  }
  return path.join(appOutDir, 'resources');
}

/** Total bytes of the files under a folder (0 when it does not exist). */
function folderSize(folder) {
  if (!existsSync(folder)) return 0;
  const stat = statSync(folder);
  if (!stat.isDirectory()) return stat.size;
  const { readdirSync } = require('node:fs');
  let total = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

module.exports = {
  NOTICES_FILE,
  listPackagedFiles,
  collectNotices,
  formatNotices,
  writeThirdPartyNotices,
  resourcesDirOf,
  folderSize,
};
