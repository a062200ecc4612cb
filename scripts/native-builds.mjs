// @ts-check
/**
 * Keeps one better-sqlite3 build per runtime so that, after a single `npm install`, the tests and the CLI (Node)
 * and the desktop app (Electron) all work in any order without a rebuild in between:
 *
 * - Node: node_modules/better-sqlite3/build/Release/better_sqlite3.node, made by better-sqlite3's own install
 *   script; rebuilt here only if it is missing or does not load.
 * - Electron: .native/electron-<abi>/better_sqlite3.node, built with node-gyp against Electron's headers in a COPY
 *   of the package (a failed node-gyp rebuild deletes its build folder, so the Node build is never touched), only
 *   when the Electron binary is installed. The app passes it to better-sqlite3 as `nativeBinding`.
 *
 * Run as `postinstall` it never fails because of Electron: a missing binary or a failed Electron build prints one
 * clear message and exits 0. `npm run rebuild:electron` (--force --strict) exits 1 in those cases instead.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  REBUILD_HINT,
  checkBuiltForElectron,
  electronAddonPath,
  electronBuildEnv,
  electronStampPath,
  inspectElectron,
  nodeGypArgs,
  parseCliArgs,
  planElectronBuild,
  projectPaths,
  readElectronCheck,
  readStamp,
} from './native-builds-lib.mjs';

const log = (/** @type {string} */ line) => console.log(line);
const fail = (/** @type {string} */ line) => console.error(line);

/**
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptions} [options]
 */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`;
  return { status: result.status, output };
}

/** @param {string} output */
function tail(output, lines = 25) {
  return output.trim().split('\n').slice(-lines).join('\n');
}

/**
 * True when the default (Node) build opens a database in this Node.
 * @param {string} betterSqlite3Dir
 */
function nodeBuildWorks(betterSqlite3Dir) {
  const script = 'const D = require(process.argv[1]); new D(":memory:").prepare("select 1").get();';
  return run(process.execPath, ['-e', script, betterSqlite3Dir]).status === 0;
}

/**
 * (a) The Node build must exist and load; if not, rerun better-sqlite3's own install through npm.
 * @param {import('./native-builds-lib.mjs').ProjectPaths} paths
 */
function ensureNodeBuild(paths) {
  if (!existsSync(paths.betterSqlite3Dir)) {
    throw new Error('node_modules/better-sqlite3 is missing; run `npm install` first.');
  }
  if (existsSync(paths.nodeAddon) && nodeBuildWorks(paths.betterSqlite3Dir)) return;
  log(
    `[hookbench] better-sqlite3 for Node ${process.versions.node} is missing or does not load; rebuilding it…`,
  );
  const npmCli = process.env.npm_execpath;
  const result =
    npmCli && /\.[cm]?js$/.test(npmCli)
      ? run(process.execPath, [npmCli, 'rebuild', 'better-sqlite3'], { cwd: paths.root })
      : run('npm', ['rebuild', 'better-sqlite3'], { cwd: paths.root, shell: process.platform === 'win32' });
  if (result.status !== 0 || !nodeBuildWorks(paths.betterSqlite3Dir)) {
    throw new Error(`better-sqlite3 could not be built for Node:\n${tail(result.output)}`);
  }
  log('[hookbench] better-sqlite3 for Node rebuilt.');
}

/**
 * (b) Builds the Electron addon in a temp copy of the package, checks it really targets Electron's ABI, then moves
 * it into .native/. Throws with a readable reason on any failure; nothing outside the temp dir is changed until
 * the build has been verified.
 * @param {import('./native-builds-lib.mjs').ProjectPaths} paths
 * @param {{ version: string, abi: string, executable: string }} electron
 * @param {import('./native-builds-lib.mjs').BuildStamp} stamp
 * @param {{ distUrl?: string, devdir?: string }} options
 */
function buildForElectron(paths, electron, stamp, options) {
  if (!existsSync(paths.nodeGypJs)) throw new Error('node-gyp is not installed (it is a devDependency)');
  const work = mkdtempSync(join(tmpdir(), 'hookbench-better-sqlite3-'));
  try {
    const copy = join(work, 'better-sqlite3');
    // Resolve links first (pnpm, npm link): copying a symlink would build inside the real package after all.
    const source = realpathSync(paths.betterSqlite3Dir);
    const skipped = [join(source, 'build'), join(source, 'node_modules')];
    cpSync(source, copy, {
      recursive: true,
      filter: (path) => !skipped.some((dir) => path === dir || path.startsWith(dir + sep)),
    });

    log(
      `[hookbench] Building better-sqlite3 for Electron ${electron.version} (ABI ${electron.abi}); about a minute…`,
    );
    const args = nodeGypArgs({
      nodeGypJs: paths.nodeGypJs,
      electronVersion: electron.version,
      arch: process.arch,
      distUrl: options.distUrl,
      devdir: options.devdir,
    });
    const build = run(process.execPath, args, { cwd: copy, env: electronBuildEnv(process.env) });
    const built = join(copy, 'build', 'Release', 'better_sqlite3.node');
    if (build.status !== 0 || !existsSync(built)) throw new Error(`node-gyp failed:\n${tail(build.output)}`);

    const inNode = run(process.execPath, ['-e', 'require(process.argv[1])', built]);
    const abiCheck = checkBuiltForElectron(inNode, electron.abi, process.versions.modules);
    if (!abiCheck.ok) throw new Error(abiCheck.message);

    const openScript =
      'const D = require(process.argv[1]); new D(":memory:", { nativeBinding: process.argv[2] }).prepare("select 1").get();';
    const inElectron = run(electron.executable, ['-e', openScript, paths.betterSqlite3Dir, built], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      timeout: 60_000,
    });
    const verdict = readElectronCheck(inElectron);
    if (verdict === 'rejected')
      throw new Error(`Electron cannot load the new addon:\n${tail(inElectron.output)}`);
    if (verdict === 'unchecked') {
      log(`[hookbench] (Could not start Electron to double-check the addon: ${tail(inElectron.output, 2)})`);
    }

    const target = electronAddonPath(paths.root, electron.abi);
    mkdirSync(dirname(target), { recursive: true });
    const staging = `${target}.${process.pid}.tmp`;
    cpSync(built, staging);
    renameSync(staging, target);
    writeFileSync(electronStampPath(paths.root, electron.abi), `${JSON.stringify(stamp, null, 2)}\n`);
    log(
      `[hookbench] Desktop build ready: ${relative(paths.root, target)}${verdict === 'verified' ? ' (verified in Electron)' : ''}.`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function main() {
  const options = parseCliArgs(process.argv.slice(2));
  const root = resolve(options.root ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  const paths = projectPaths(root);

  try {
    ensureNodeBuild(paths);
  } catch (error) {
    fail(`[hookbench] ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }

  const electron = inspectElectron(root);
  /** @type {{ version?: string }} */
  const betterSqlite3 = JSON.parse(readFileSync(join(paths.betterSqlite3Dir, 'package.json'), 'utf8'));
  const plan = planElectronBuild({
    electron,
    betterSqlite3Version: betterSqlite3.version ?? 'unknown',
    platform: process.platform,
    arch: process.arch,
    addonExists: electron.status === 'installed' && existsSync(electronAddonPath(root, electron.abi)),
    existingStamp:
      electron.status === 'installed' ? readStamp(electronStampPath(root, electron.abi)) : undefined,
    force: options.force,
  });
  if (plan.action !== 'build') {
    log(plan.message);
    return plan.action === 'skip' && options.strict ? 1 : 0;
  }
  try {
    buildForElectron(paths, plan.electron, plan.stamp, options);
    return 0;
  } catch (error) {
    fail(
      `[hookbench] The desktop (Electron) build of better-sqlite3 failed; the Node build for tests and the CLI is ` +
        `unaffected. Reason: ${error instanceof Error ? error.message : String(error)}\n` +
        `[hookbench] Fix the cause, then run \`${REBUILD_HINT}\`.`,
    );
    return options.strict ? 1 : 0;
  }
}

process.exitCode = main();
