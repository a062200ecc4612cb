import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_ELECTRON_DIST_URL,
  checkBuiltForElectron,
  electronAddonPath,
  electronBuildEnv,
  inspectElectron,
  nodeGypArgs,
  parseCliArgs,
  planElectronBuild,
  projectPaths,
  readElectronCheck,
  sameStamp,
  skipMessage,
} from '../../../scripts/native-builds-lib.mjs';
import { electronBindingPath } from '../../../src/main/native-binding';

const repoRoot = resolve(import.meta.dirname, '../../..');

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'hookbench-native-lib-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** Lays out node_modules/electron as npm leaves it, with or without the downloaded binary. */
function fakeElectron(options: { pathTxt?: string; binary?: boolean; abi?: string } = {}): string {
  const dir = join(root, 'node_modules', 'electron');
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1' }));
  writeFileSync(join(dir, 'abi_version'), options.abi ?? '140');
  if (options.pathTxt !== undefined) writeFileSync(join(dir, 'path.txt'), options.pathTxt);
  if (options.binary) writeFileSync(join(dir, 'dist', options.pathTxt ?? 'electron'), '');
  return dir;
}

describe('paths', () => {
  it('puts the Electron build where the app looks for it', () => {
    expect(electronAddonPath(root, '140')).toBe(electronBindingPath(root, '140'));
    expect(electronAddonPath(root, '140')).toBe(join(root, '.native', 'electron-140', 'better_sqlite3.node'));
  });

  it('keeps the Node build where better-sqlite3 loads it by default', () => {
    expect(projectPaths(root).nodeAddon).toBe(
      join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
    );
  });
});

describe('inspectElectron', () => {
  it('is absent when the electron package is not installed', () => {
    expect(inspectElectron(root, {})).toEqual({
      status: 'absent',
      reason: 'the electron package is not installed',
    });
  });

  it('is absent when the binary was never downloaded (no path.txt), as on this machine', () => {
    fakeElectron();
    const info = inspectElectron(root, {});
    expect(info.status).toBe('absent');
    expect(info.status === 'absent' && info.reason).toMatch(/not downloaded/);
  });

  it('is absent when path.txt names a binary that is not there', () => {
    fakeElectron({ pathTxt: 'electron' });
    const info = inspectElectron(root, {});
    expect(info.status === 'absent' && info.reason).toMatch(/binary is missing/);
  });

  it('is installed when the binary path.txt names exists, with the version and ABI to build for', () => {
    const dir = fakeElectron({ pathTxt: 'electron', binary: true, abi: '140\n' });
    expect(inspectElectron(root, {})).toEqual({
      status: 'installed',
      version: '45.4.1',
      abi: '140',
      executable: join(dir, 'dist', 'electron'),
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like Electron’s own launcher', () => {
    fakeElectron({ pathTxt: 'electron' });
    const override = join(root, 'custom-dist');
    mkdirSync(override);
    writeFileSync(join(override, 'electron'), '');
    const info = inspectElectron(root, { ELECTRON_OVERRIDE_DIST_PATH: override });
    expect(info).toMatchObject({ status: 'installed', executable: join(override, 'electron') });
  });

  it('rejects an unreadable ABI rather than building into a wrong folder', () => {
    fakeElectron({ pathTxt: 'electron', binary: true, abi: 'abc' });
    expect(inspectElectron(root, {}).status).toBe('absent');
  });
});

describe('planElectronBuild', () => {
  const installed = {
    status: 'installed',
    version: '45.4.1',
    abi: '140',
    executable: '/x/electron',
  } as const;
  const base = {
    electron: installed,
    betterSqlite3Version: '12.11.1',
    platform: 'linux',
    arch: 'x64',
    addonExists: false,
    existingStamp: undefined,
    force: false,
  };
  const stamp = { electron: '45.4.1', abi: '140', betterSqlite3: '12.11.1', platform: 'linux', arch: 'x64' };

  it('skips with one line that says how to get the desktop build later', () => {
    const plan = planElectronBuild({ ...base, electron: { status: 'absent', reason: 'no binary' } });
    expect(plan.action).toBe('skip');
    if (plan.action !== 'skip') return;
    expect(plan.message.split('\n')).toHaveLength(1);
    expect(plan.message).toContain('skipped');
    expect(plan.message).toContain('no binary');
    expect(plan.message).toContain('npm run rebuild:electron');
    expect(plan.message).toBe(skipMessage('no binary'));
  });

  it('builds when the binary exists and there is no build yet', () => {
    const plan = planElectronBuild(base);
    expect(plan).toEqual({
      action: 'build',
      stamp,
      electron: { version: '45.4.1', abi: '140', executable: '/x/electron' },
    });
  });

  it('does nothing when an identical build exists, unless forced', () => {
    expect(planElectronBuild({ ...base, addonExists: true, existingStamp: stamp }).action).toBe('up-to-date');
    expect(planElectronBuild({ ...base, addonExists: true, existingStamp: stamp, force: true }).action).toBe(
      'build',
    );
  });

  it('rebuilds when Electron or better-sqlite3 changed, or the addon is gone', () => {
    const older = { ...stamp, electron: '45.3.0' };
    expect(planElectronBuild({ ...base, addonExists: true, existingStamp: older }).action).toBe('build');
    const otherSqlite = { ...stamp, betterSqlite3: '12.10.0' };
    expect(planElectronBuild({ ...base, addonExists: true, existingStamp: otherSqlite }).action).toBe(
      'build',
    );
    expect(planElectronBuild({ ...base, addonExists: false, existingStamp: stamp }).action).toBe('build');
  });

  it('compares stamps field by field', () => {
    expect(sameStamp(stamp, { ...stamp })).toBe(true);
    expect(sameStamp(undefined, stamp)).toBe(false);
    expect(sameStamp({ ...stamp, arch: 'arm64' }, stamp)).toBe(false);
  });
});

describe('nodeGypArgs', () => {
  it('targets Electron’s headers and never passes a nodedir', () => {
    const args = nodeGypArgs({ nodeGypJs: '/n/node-gyp.js', electronVersion: '45.4.1', arch: 'arm64' });
    expect(args[0]).toBe('/n/node-gyp.js');
    expect(args).toContain('rebuild');
    expect(args).toContain('--runtime=electron');
    expect(args).toContain('--target=45.4.1');
    expect(args).toContain(`--dist-url=${DEFAULT_ELECTRON_DIST_URL}`);
    expect(DEFAULT_ELECTRON_DIST_URL).toBe('https://electronjs.org/headers');
    expect(args).toContain('--arch=arm64');
    expect(args).toContain(`--devdir=${join(homedir(), '.electron-gyp')}`);
    expect(args.some((arg) => arg.startsWith('--nodedir'))).toBe(false);
  });

  it('uses a mirror and header cache when given', () => {
    const args = nodeGypArgs({
      nodeGypJs: 'g',
      electronVersion: '1.2.3',
      arch: 'x64',
      distUrl: 'https://mirror.example/electron/',
      devdir: '/cache',
    });
    expect(args).toContain('--dist-url=https://mirror.example/electron/');
    expect(args).toContain('--devdir=/cache');
  });
});

describe('electronBuildEnv', () => {
  it('drops every npm config node-gyp would let override the command line, whatever its case', () => {
    const env = electronBuildEnv({
      PATH: '/usr/bin',
      HOME: '/root',
      npm_config_nodedir: '/usr',
      NPM_CONFIG_NODEDIR: '/usr',
      npm_config_target: '20.20.2',
      npm_config_runtime: 'node',
      npm_config_dist_url: 'https://nodejs.org/dist',
      npm_config_disturl: 'https://nodejs.org/dist',
      npm_config_devdir: '/tmp/x',
      npm_config_arch: 'ia32',
      npm_package_config_node_gyp_nodedir: '/usr',
      npm_config_proxy: 'http://proxy:3128',
      npm_config_https_proxy: 'http://proxy:3128',
      npm_config_cafile: '/etc/ca.pem',
      npm_config_python: '/usr/bin/python3',
    });
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/root',
      npm_config_proxy: 'http://proxy:3128',
      npm_config_https_proxy: 'http://proxy:3128',
      npm_config_cafile: '/etc/ca.pem',
      npm_config_python: '/usr/bin/python3',
    });
  });
});

describe('checkBuiltForElectron', () => {
  it('rejects the real Node build of better-sqlite3: it loads in Node, so it is not an Electron build', () => {
    const nodeAddon = projectPaths(repoRoot).nodeAddon;
    const loaded = spawnSync(process.execPath, ['-e', 'require(process.argv[1])', nodeAddon], {
      encoding: 'utf8',
    });
    const verdict = checkBuiltForElectron(
      { status: loaded.status, output: `${loaded.stdout}${loaded.stderr}` },
      '140',
      process.versions.modules,
    );
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.message).toMatch(/Node's headers/);
  });

  it('accepts an addon Node refuses because it was compiled for the Electron ABI', () => {
    const output =
      "Error: The module '/t/better_sqlite3.node'\nwas compiled against a different Node.js version using\n" +
      'NODE_MODULE_VERSION 140. This version of Node.js requires\nNODE_MODULE_VERSION 115.';
    expect(checkBuiltForElectron({ status: 1, output }, '140', '115')).toEqual({ ok: true });
    expect(checkBuiltForElectron({ status: 1, output }, '139', '115')).toMatchObject({ ok: false });
  });

  it('rejects an addon that fails for another reason', () => {
    const verdict = checkBuiltForElectron({ status: 1, output: 'invalid ELF header' }, '140', '115');
    expect(verdict).toMatchObject({ ok: false });
  });
});

describe('readElectronCheck', () => {
  it('tells a verified build, a rejected build and an Electron that could not start apart', () => {
    expect(readElectronCheck({ status: 0, output: '' })).toBe('verified');
    expect(readElectronCheck({ status: 1, output: 'better_sqlite3.node: NODE_MODULE_VERSION 115' })).toBe(
      'rejected',
    );
    expect(
      readElectronCheck({ status: 127, output: 'error while loading shared libraries: libnss3.so' }),
    ).toBe('unchecked');
  });
});

describe('parseCliArgs', () => {
  it('reads the flags of postinstall and rebuild:electron', () => {
    expect(parseCliArgs([])).toEqual({
      force: false,
      strict: false,
      root: undefined,
      distUrl: undefined,
      devdir: undefined,
    });
    expect(
      parseCliArgs(['--force', '--strict', '--dist-url=https://m.example/a=b', '--root=/r']),
    ).toMatchObject({
      force: true,
      strict: true,
      distUrl: 'https://m.example/a=b',
      root: '/r',
    });
  });

  it('refuses unknown flags by name', () => {
    expect(() => parseCliArgs(['--nodedir=/usr'])).toThrow(/Unknown argument --nodedir=\/usr/);
  });
});
