// @ts-check
/**
 * The decisions behind scripts/native-builds.mjs, free of side effects except reading a few small files, so they
 * can be unit-tested: where each better-sqlite3 build lives, whether Electron is really installed, whether to build,
 * the exact node-gyp command line and environment, and how to tell an Electron build from a Node one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const DEFAULT_ELECTRON_DIST_URL = 'https://electronjs.org/headers';

/** How to get the desktop build later; printed whenever it is skipped or fails. */
export const REBUILD_HINT = 'npm run rebuild:electron';

/**
 * @typedef {object} ProjectPaths
 * @property {string} root
 * @property {string} betterSqlite3Dir  node_modules/better-sqlite3
 * @property {string} nodeAddon         the Node build better-sqlite3 loads by default
 * @property {string} electronDir       node_modules/electron
 * @property {string} nodeGypJs         node-gyp's CLI, a devDependency
 * @property {string} nativeDir         .native, where per-runtime builds are kept
 */

/**
 * Every path the script touches, from the project root.
 * @param {string} root
 * @returns {ProjectPaths}
 */
export function projectPaths(root) {
  const betterSqlite3Dir = join(root, 'node_modules', 'better-sqlite3');
  return {
    root,
    betterSqlite3Dir,
    nodeAddon: join(betterSqlite3Dir, 'build', 'Release', 'better_sqlite3.node'),
    electronDir: join(root, 'node_modules', 'electron'),
    nodeGypJs: join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    nativeDir: join(root, '.native'),
  };
}

/**
 * Where the Electron build for one ABI goes. Must match `electronBindingPath` in src/main/native-binding.ts (a unit
 * test compares them).
 * @param {string} root
 * @param {string} abi  Electron's NODE_MODULE_VERSION, e.g. "140"
 */
export function electronAddonPath(root, abi) {
  return join(root, '.native', `electron-${abi}`, 'better_sqlite3.node');
}

/**
 * The file recording what an Electron build was made from, to skip identical rebuilds on every `npm install`.
 * @param {string} root
 * @param {string} abi
 */
export function electronStampPath(root, abi) {
  return join(root, '.native', `electron-${abi}`, 'build-info.json');
}

/**
 * @typedef {{ status: 'installed', version: string, abi: string, executable: string }
 *   | { status: 'absent', reason: string }} ElectronInfo
 */

/**
 * @param {string} path
 * @returns {string | undefined}
 */
function readText(path) {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/**
 * Whether the Electron binary is really there (the npm package installs without it and downloads it lazily):
 * `path.txt` names the executable, which must exist under `dist/` (or under ELECTRON_OVERRIDE_DIST_PATH, which
 * Electron's own launcher honours too).
 * @param {string} root
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {ElectronInfo}
 */
export function inspectElectron(root, env = process.env) {
  const { electronDir } = projectPaths(root);
  const packageText = readText(join(electronDir, 'package.json'));
  if (packageText === undefined) return { status: 'absent', reason: 'the electron package is not installed' };
  /** @type {{ version?: unknown }} */
  const pkg = JSON.parse(packageText);
  if (typeof pkg.version !== 'string')
    return { status: 'absent', reason: 'node_modules/electron has no version' };
  const abi = readText(join(electronDir, 'abi_version'));
  if (!abi || !/^\d+$/.test(abi)) {
    return { status: 'absent', reason: 'node_modules/electron/abi_version is missing or unreadable' };
  }
  const executableName = readText(join(electronDir, 'path.txt'));
  if (!executableName) {
    return {
      status: 'absent',
      reason: 'the Electron binary was not downloaded (no node_modules/electron/path.txt)',
    };
  }
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist');
  const executable = join(distDir, executableName);
  if (!existsSync(executable)) {
    return { status: 'absent', reason: `the Electron binary is missing (${executable})` };
  }
  return { status: 'installed', version: pkg.version, abi, executable };
}

/**
 * @typedef {object} BuildStamp
 * @property {string} electron       Electron version built for
 * @property {string} abi
 * @property {string} betterSqlite3  better-sqlite3 version built
 * @property {string} platform
 * @property {string} arch
 */

/**
 * The stamp of a build about to be made, or found on disk (`undefined` when unreadable).
 * @param {string} path
 * @returns {BuildStamp | undefined}
 */
export function readStamp(path) {
  const text = readText(path);
  if (text === undefined) return undefined;
  try {
    return /** @type {BuildStamp} */ (JSON.parse(text));
  } catch {
    return undefined;
  }
}

/**
 * @param {BuildStamp | undefined} a
 * @param {BuildStamp} b
 */
export function sameStamp(a, b) {
  return (
    a !== undefined &&
    a.electron === b.electron &&
    a.abi === b.abi &&
    a.betterSqlite3 === b.betterSqlite3 &&
    a.platform === b.platform &&
    a.arch === b.arch
  );
}

/**
 * The single line printed when the desktop build is skipped, saying how to get it later.
 * @param {string} reason
 */
export function skipMessage(reason) {
  return (
    `[hookbench] Desktop (Electron) build of better-sqlite3 skipped: ${reason}. Tests and the CLI work; ` +
    `for the desktop app, install the binary (node node_modules/electron/install.js) then run \`${REBUILD_HINT}\`.`
  );
}

/**
 * @typedef {{ action: 'skip', message: string }
 *   | { action: 'up-to-date', message: string }
 *   | { action: 'build', stamp: BuildStamp, electron: { version: string, abi: string, executable: string } }
 * } ElectronPlan
 */

/**
 * Decides what to do about the Electron build: skip when the binary is absent, nothing when an identical build is
 * already in place (unless forced), else build.
 * @param {object} input
 * @param {ElectronInfo} input.electron
 * @param {string} input.betterSqlite3Version
 * @param {string} input.platform
 * @param {string} input.arch
 * @param {boolean} input.addonExists   whether .native/electron-<abi>/better_sqlite3.node exists
 * @param {BuildStamp | undefined} input.existingStamp
 * @param {boolean} input.force
 * @returns {ElectronPlan}
 */
export function planElectronBuild(input) {
  const { electron } = input;
  if (electron.status === 'absent') return { action: 'skip', message: skipMessage(electron.reason) };
  /** @type {BuildStamp} */
  const stamp = {
    electron: electron.version,
    abi: electron.abi,
    betterSqlite3: input.betterSqlite3Version,
    platform: input.platform,
    arch: input.arch,
  };
  if (!input.force && input.addonExists && sameStamp(input.existingStamp, stamp)) {
    return {
      action: 'up-to-date',
      message:
        `[hookbench] better-sqlite3 ${stamp.betterSqlite3} for Electron ${stamp.electron} (ABI ${stamp.abi}) ` +
        `is up to date (${REBUILD_HINT} forces a rebuild).`,
    };
  }
  const { version, abi, executable } = electron;
  return { action: 'build', stamp, electron: { version, abi, executable } };
}

/**
 * The node-gyp command line for an Electron build, run with `node` in a copy of the better-sqlite3 package.
 * `--runtime`, `--target` and `--dist-url` make node-gyp fetch Electron's headers; `nodedir` is deliberately not
 * passed at all (see `electronBuildEnv`), because any nodedir means Node's own headers: the trap that makes other
 * tools report success while building for the wrong ABI.
 * @param {object} input
 * @param {string} input.nodeGypJs
 * @param {string} input.electronVersion
 * @param {string} input.arch
 * @param {string} [input.distUrl]
 * @param {string} [input.devdir]  where node-gyp caches Electron's headers
 * @returns {string[]}
 */
export function nodeGypArgs(input) {
  return [
    input.nodeGypJs,
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${input.electronVersion}`,
    `--dist-url=${input.distUrl ?? DEFAULT_ELECTRON_DIST_URL}`,
    `--arch=${input.arch}`,
    `--devdir=${input.devdir ?? join(homedir(), '.electron-gyp')}`,
    '--jobs=max',
  ];
}

/** npm config that only affects how headers are downloaded or which compiler is used; everything else is dropped. */
const KEPT_NPM_CONFIG = new Set([
  'proxy',
  'https-proxy',
  'http-proxy',
  'noproxy',
  'cafile',
  'python',
  'msvs-version',
]);

/**
 * The environment for the Electron node-gyp run. node-gyp reads every `npm_config_*` (and
 * `npm_package_config_node_gyp_*`) variable and lets it OVERRIDE the command line, so an inherited
 * `npm_config_nodedir` (set here by the user's npm config) or `npm_config_target`/`runtime`/`dist_url` would
 * silently build against Node's headers. Those are removed; proxy, CA and compiler settings are kept.
 * @param {NodeJS.ProcessEnv} env
 * @returns {NodeJS.ProcessEnv}
 */
export function electronBuildEnv(env) {
  /** @type {NodeJS.ProcessEnv} */
  const out = {};
  for (const [key, value] of Object.entries(env)) {
    const npmConfig = /^npm_config_(.+)$/i.exec(key);
    if (npmConfig?.[1] !== undefined) {
      if (KEPT_NPM_CONFIG.has(npmConfig[1].toLowerCase().replaceAll('_', '-'))) out[key] = value;
      continue;
    }
    if (/^npm_package_config_node_gyp_/i.test(key)) continue;
    out[key] = value;
  }
  return out;
}

/**
 * Reads the outcome of loading the new addon in plain Node, which must FAIL with the Electron ABI in its message:
 * that proves the addon was compiled against Electron's headers and not Node's.
 * @param {{ status: number | null, output: string }} result
 * @param {string} electronAbi
 * @param {string} nodeAbi  process.versions.modules of the Node running the check
 * @returns {{ ok: true } | { ok: false, message: string }}
 */
export function checkBuiltForElectron(result, electronAbi, nodeAbi) {
  // Cannot tell the two apart if they share an ABI (never happened so far); the Electron check then decides.
  if (electronAbi === nodeAbi) return { ok: true };
  if (result.status === 0) {
    return {
      ok: false,
      message: `the addon loads in Node (ABI ${nodeAbi}), so it was compiled against Node's headers, not Electron's`,
    };
  }
  const found = /NODE_MODULE_VERSION\s+(\d+)/.exec(result.output);
  if (found?.[1] === electronAbi) return { ok: true };
  return {
    ok: false,
    message: found
      ? `the addon was compiled for ABI ${found[1]}, not Electron's ${electronAbi}`
      : `the addon could not be checked: ${result.output.trim().split('\n').slice(-3).join(' ')}`,
  };
}

/**
 * Reads the outcome of opening an in-memory database with the new addon inside Electron itself
 * (ELECTRON_RUN_AS_NODE). A failure that names the addon or an ABI is fatal; a failure to start Electron at all
 * (a headless box without its shared libraries) only means this second check could not run.
 * @param {{ status: number | null, output: string }} result
 * @returns {'verified' | 'rejected' | 'unchecked'}
 */
export function readElectronCheck(result) {
  if (result.status === 0) return 'verified';
  if (/better_sqlite3|NODE_MODULE_VERSION|invalid ELF|not a valid Win32 application/i.test(result.output)) {
    return 'rejected';
  }
  return 'unchecked';
}

/**
 * @typedef {object} CliOptions
 * @property {boolean} force     rebuild the Electron addon even if an identical one exists
 * @property {boolean} strict    exit 1 when the Electron build is skipped or fails (for `npm run rebuild:electron`)
 * @property {string | undefined} root
 * @property {string | undefined} distUrl
 * @property {string | undefined} devdir
 */

/**
 * @param {readonly string[]} argv  arguments after the script name
 * @returns {CliOptions}
 */
export function parseCliArgs(argv) {
  /** @type {CliOptions} */
  const options = { force: false, strict: false, root: undefined, distUrl: undefined, devdir: undefined };
  for (const arg of argv) {
    const [name, ...rest] = arg.split('=');
    const value = rest.join('=');
    if (name === '--force') options.force = true;
    else if (name === '--strict') options.strict = true;
    else if (name === '--root' && value) options.root = value;
    else if (name === '--dist-url' && value) options.distUrl = value;
    else if (name === '--devdir' && value) options.devdir = value;
    else
      throw new Error(
        `Unknown argument ${arg}. Known: --force, --strict, --root=<dir>, --dist-url=<url>, --devdir=<dir>.`,
      );
  }
  return options;
}
