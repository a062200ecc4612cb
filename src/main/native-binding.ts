import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where scripts/native-builds.mjs puts better-sqlite3 built for Electron's ABI (`process.versions.modules`). Kept
 * beside, never instead of, the Node build in node_modules, so the app and the tests/CLI both work after one
 * install. The script's own copy of this convention is checked against this one by a unit test.
 */
export function electronBindingPath(appRoot: string, abi: string): string {
  return join(appRoot, '.native', `electron-${abi}`, 'better_sqlite3.node');
}

/**
 * The better-sqlite3 addon to hand to the database for the running Electron, or `undefined` when there is none
 * (better-sqlite3 then loads its default build, which only works if that one was built for Electron, as in a
 * packaged app). Logs what to run when the build is missing, since the error better-sqlite3 raises about
 * NODE_MODULE_VERSION does not say how to fix it.
 */
export function resolveElectronBinding(
  appRoot: string,
  abi: string = process.versions.modules,
  log: (message: string) => void = (message) => {
    console.error(message);
  },
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  const path = electronBindingPath(appRoot, abi);
  if (exists(path)) return path;
  log(
    `Hookbench: no better-sqlite3 build for this Electron (ABI ${abi}) at ${path}. ` +
      'Run `npm run rebuild:electron` in the project folder, then start the app again.',
  );
  return undefined;
}
