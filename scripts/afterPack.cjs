/**
 * electron-builder afterPack hook: sets Electron's fuses on the packaged binary, before signing.
 * Turned off: running the app as plain Node (ELECTRON_RUN_AS_NODE), NODE_OPTIONS, --inspect
 * arguments, and file:// extra privileges (we serve app://). Turned on: the asar integrity check
 * and loading the app only from that asar, so a changed app.asar (or a loose app/ folder) does
 * not run. CommonJS because electron-builder requires hooks.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads hooks with require() */
const path = require('node:path');
const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');

/** Exactly the fuses Inkwell sets (test/unit/electronBuilderConfig.test.ts checks this list). */
const fuseSettings = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
};

/** The packaged Electron executable for the platform electron-builder just packed. */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const productFilename = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return path.join(appOutDir, `${productFilename}.app`);
  }
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${productFilename}.exe`);
  return path.join(appOutDir, packager.executableName);
}

async function afterPack(context) {
  const binary = electronBinaryPath(context);
  // arm64 macOS refuses to run an ad-hoc signed binary whose bytes changed, so the fuse flip
  // re-signs it ad hoc; the real signature comes later in electron-builder's signing step.
  const isMacArm = context.electronPlatformName === 'darwin' && context.arch === 3;
  await flipFuses(binary, {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: isMacArm,
    ...fuseSettings,
  });
  console.log(`  • fuses set on ${path.basename(binary)}`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fuseSettings = fuseSettings;
module.exports.electronBinaryPath = electronBinaryPath;
