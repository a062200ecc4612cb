import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../../..');
const script = join(repoRoot, 'scripts', 'native-builds.mjs');
const nodeAddon = join(repoRoot, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

let root: string;

/**
 * A project root like a fresh install's: the real better-sqlite3 and node-gyp (linked), and an electron package
 * with or without its binary. The script must never write into the linked better-sqlite3.
 */
function fakeProject(withBinary: boolean): void {
  mkdirSync(join(root, 'node_modules', 'electron', 'dist'), { recursive: true });
  symlinkSync(
    join(repoRoot, 'node_modules', 'better-sqlite3'),
    join(root, 'node_modules', 'better-sqlite3'),
    'dir',
  );
  symlinkSync(join(repoRoot, 'node_modules', 'node-gyp'), join(root, 'node_modules', 'node-gyp'), 'dir');
  const electron = join(root, 'node_modules', 'electron');
  writeFileSync(join(electron, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1' }));
  writeFileSync(join(electron, 'abi_version'), '140');
  if (withBinary) {
    writeFileSync(join(electron, 'path.txt'), 'electron');
    writeFileSync(join(electron, 'dist', 'electron'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
  }
}

function runScript(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [script, `--root=${root}`, ...args],
      { env: { ...process.env, ...env }, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

function digest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'hookbench-native-script-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('scripts/native-builds.mjs', () => {
  it('without the Electron binary, prints one skip line, exits 0 and leaves the Node build working', async () => {
    fakeProject(false);
    const before = digest(nodeAddon);
    const result = await runScript([]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Desktop \(Electron\) build of better-sqlite3 skipped/);
    expect(lines[0]).toContain('npm run rebuild:electron');
    expect(digest(nodeAddon)).toBe(before);
    expect(existsSync(join(root, '.native'))).toBe(false);
  });

  it('as rebuild:electron (--strict), fails when there is no binary to build for', async () => {
    fakeProject(false);
    const result = await runScript(['--force', '--strict']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('skipped');
  });

  describe('with the Electron binary present', () => {
    let server: Server;
    let requested: string[];
    let distUrl: string;

    beforeEach(async () => {
      requested = [];
      server = createServer((req, res) => {
        requested.push(req.url ?? '');
        res.statusCode = 404;
        res.end('not here');
      });
      await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
      distUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterEach(async () => {
      await new Promise<void>((closed) => server.close(() => closed()));
    });

    it('asks for Electron’s headers even when npm config sets nodedir, and a failed build exits 0 with the Node build intact', async () => {
      fakeProject(true);
      const before = digest(nodeAddon);
      const result = await runScript([`--dist-url=${distUrl}`, `--devdir=${join(root, 'gyp-cache')}`], {
        npm_config_nodedir: '/usr',
        npm_config_runtime: 'node',
      });

      // node-gyp went for Electron's headers at our mirror instead of compiling against the nodedir's.
      expect(requested).toContain('/v45.4.1/node-v45.4.1-headers.tar.gz');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Building better-sqlite3 for Electron 45.4.1 (ABI 140)');
      expect(result.stderr).toContain('The desktop (Electron) build of better-sqlite3 failed');
      expect(result.stderr).toContain('the Node build for tests and the CLI is unaffected');
      expect(result.stderr).toContain('npm run rebuild:electron');

      expect(digest(nodeAddon)).toBe(before);
      expect(existsSync(join(root, 'node_modules', 'better-sqlite3', 'build', 'Release'))).toBe(true);
      expect(existsSync(join(root, '.native', 'electron-140', 'better_sqlite3.node'))).toBe(false);
    }, 120_000);
  });
});
