/**
 * electron-builder afterPack hook: writes THIRD_PARTY_NOTICES.txt beside app.asar, made from the
 * packages that were just packed (scripts/packaging/packagedFiles.cjs), so it names exactly what
 * this installer carries, for its platform and architecture. The fuses are electron-builder's
 * `electronFuses` (electron-builder.yml), flipped after this hook, right before signing.
 * CommonJS because electron-builder requires hooks.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads hooks with require() */
const path = require('node:path');
const {
  NOTICES_FILE,
  resourcesDirOf,
  writeThirdPartyNotices,
} = require('./packaging/packagedFiles.cjs');

async function afterPack(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const { productName, productFilename } = packager.appInfo;
  const resourcesDir = resourcesDirOf(appOutDir, electronPlatformName, productFilename);
  const count = writeThirdPartyNotices(resourcesDir, productName);
  console.log(`  • ${NOTICES_FILE}: ${count} packages (${path.basename(appOutDir)})`);
}

module.exports = afterPack;
module.exports.default = afterPack;
