/**
 * The rules a packaged Inkwell must keep, applied to the list of files in its app.asar: no
 * package the app does not run (the renderer's, which Vite bundles, and every other
 * devDependency), no native binary for another OS or architecture, no CUDA build, no llama.cpp
 * source, and what it cannot start without. Pure: packagedFiles.cjs reads the list.
 */

export interface PackagedFile {
  /** Relative to the asar root, forward slashes. */
  path: string;
  size: number;
  /** Stored in app.asar.unpacked rather than in the archive. */
  unpacked: boolean;
}

export type TargetOs = 'linux' | 'mac' | 'win';
export interface Target {
  os: TargetOs;
  /** electron-builder's names: x64, arm64, armv7l, ia32. */
  arch: string;
}

export interface PackageReport {
  asarBytes: number;
  unpackedBytes: number;
  /** Bytes per top-level package (scoped ones as @scope/name), largest first. */
  packages: { name: string; bytes: number }[];
  problems: string[];
}

const OS_ALIASES: Record<string, TargetOs> = {
  linux: 'linux',
  mac: 'mac',
  darwin: 'mac',
  macos: 'mac',
  win: 'win',
  win32: 'win',
  windows: 'win',
};
/** A path segment naming a platform and an architecture, as native packages name their builds. */
const PLATFORM_ARCH =
  /(?:^|[-_.])(linux|mac|darwin|macos|win32|win|windows)-(x64|arm64|armv7l|ia32|x86|riscv64)(?=$|[-_.])/i;
const NATIVE_BINARY = /\.(node|so(\.\d+)*|dll|dylib|exe)$/i;

/** The package a file belongs to: the outermost node_modules/<name> (or @scope/name). */
export function topLevelPackageOf(filePath: string): string | null {
  const match = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(filePath);
  return match?.[1] ?? null;
}

/** Every package folder name on the path (nested ones too), e.g. a/node_modules/b → [a, b]. */
function packagesOnPath(filePath: string): string[] {
  return [...filePath.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].map(
    (match) => match[1] ?? '',
  );
}

/** Which platform a path is built for, by the first segment that names one; null if none. */
export function platformNamedBy(filePath: string): Target | null {
  for (const segment of filePath.split('/')) {
    const [, os, arch] = PLATFORM_ARCH.exec(segment) ?? [];
    const targetOs = os === undefined ? undefined : OS_ALIASES[os.toLowerCase()];
    if (targetOs && arch) return { os: targetOs, arch: arch.toLowerCase() };
  }
  return null;
}

export function inspectPackage(
  files: readonly PackagedFile[],
  target: Target,
  forbiddenPackages: readonly string[],
): PackageReport {
  const problems = new Set<string>();
  const forbidden = new Set(forbiddenPackages);
  const bytesByPackage = new Map<string, number>();
  let asarBytes = 0;
  let unpackedBytes = 0;

  for (const file of files) {
    if (file.unpacked) unpackedBytes += file.size;
    else asarBytes += file.size;
    const top = topLevelPackageOf(file.path) ?? '(the app)';
    bytesByPackage.set(top, (bytesByPackage.get(top) ?? 0) + file.size);

    for (const name of packagesOnPath(file.path)) {
      if (forbidden.has(name)) problems.add(`${name} is a devDependency the app does not run`);
    }
    const built = platformNamedBy(file.path);
    if (
      NATIVE_BINARY.test(file.path) &&
      built &&
      (built.os !== target.os || built.arch !== target.arch)
    ) {
      const where = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)/.exec(file.path)?.[1] ?? file.path;
      problems.add(`${where} holds native code built for ${built.os}-${built.arch}`);
    }
    if (/(^|\/)@node-llama-cpp\/[^/]*cuda/i.test(file.path)) {
      problems.add(`${topLevelPackageOf(file.path) ?? file.path}: CUDA builds are not shipped`);
    }
    const kit = /node-llama-cpp\/llama\/(llama\.cpp|gitRelease\.bundle|addon|xpack)(\/|$)/.exec(
      file.path,
    );
    if (kit) problems.add(`node-llama-cpp/llama/${kit[1]}: llama.cpp's build kit is not shipped`);
    const build =
      /node-llama-cpp\/llama\/localBuilds\/([^/]+)\/(?!Release\/|buildDone\.status$)/.exec(
        file.path,
      );
    if (build)
      problems.add(`localBuilds/${build[1]}: only a local build's Release output is shipped`);
  }

  const has = (pattern: RegExp): boolean => files.some((file) => pattern.test(file.path));
  const required: [RegExp, string][] = [
    [/^dist\/electron\/main\.js$/, 'dist/electron/main.js (the main process)'],
    [/^dist\/renderer\/index\.html$/, 'dist/renderer/index.html (the renderer)'],
    [/^dist\/electron\/engine\/host\/modelHost\.js$/, 'the model host'],
    [/^node_modules\/better-sqlite3\/build\/Release\/better_sqlite3\.node$/, "SQLite's addon"],
    [
      new RegExp(`^node_modules/@node-llama-cpp/${target.os}-${target.arch}/bins/.+\\.node$`),
      `llama.cpp's prebuilt CPU build for ${target.os}-${target.arch}`,
    ],
    [
      /^node_modules\/node-llama-cpp\/llama\/binariesGithubRelease\.json$/,
      'node-llama-cpp metadata',
    ],
  ];
  for (const [pattern, what] of required) {
    if (!has(pattern)) problems.add(`missing: ${what}`);
  }
  for (const file of files) {
    if (NATIVE_BINARY.test(file.path) && !file.unpacked) {
      problems.add(`${file.path} is native code inside the asar (it cannot be loaded from there)`);
    }
  }

  return {
    asarBytes,
    unpackedBytes,
    packages: [...bytesByPackage]
      .map(([name, bytes]) => ({ name, bytes }))
      .sort((a, b) => b.bytes - a.bytes),
    problems: [...problems],
  };
}

/** "12.3 MB" (10^6 bytes, as installers and file managers count). */
export function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
