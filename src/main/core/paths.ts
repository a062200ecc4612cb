import { homedir } from 'node:os';
import { join } from 'node:path';

/** The product name: also the folder name of the default data directory. */
export const APP_NAME = 'Hookbench';

/**
 * The data directory the desktop app and the CLI share: `HOOKBENCH_DATA_DIR` when set, else the per-OS place
 * Electron's `app.getPath('userData')` uses for an app named Hookbench.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.HOOKBENCH_DATA_DIR) return env.HOOKBENCH_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME);
}

/** Where the history database lives inside a data directory. */
export function databasePathIn(dataDir: string): string {
  return join(dataDir, 'history.sqlite');
}
