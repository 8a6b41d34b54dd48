import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Inkwell';

/**
 * The folder where Inkwell keeps its database when no --data-dir is given. It is the folder
 * Electron's app.getPath('userData') returns for an app called "Inkwell", so the desktop app and
 * the headless server share one library of documents.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32') {
    const appData = env.APPDATA || path.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, APP_NAME);
  }
  const configHome = env.XDG_CONFIG_HOME || path.join(home, '.config');
  return path.join(configHome, APP_NAME);
}
