import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { electronBindingPath, resolveElectronBinding } from '../../../../src/main/native-binding';

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'hookbench-native-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('resolveElectronBinding', () => {
  it('returns the Electron build for this ABI when it exists, silently', () => {
    const path = electronBindingPath(root, '140');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, '');
    const log = vi.fn();
    expect(resolveElectronBinding(root, '140', log)).toBe(path);
    expect(path).toBe(join(root, '.native', 'electron-140', 'better_sqlite3.node'));
    expect(log).not.toHaveBeenCalled();
  });

  it('returns undefined and says to run npm run rebuild:electron when there is none for this ABI', () => {
    const other = electronBindingPath(root, '139');
    mkdirSync(dirname(other), { recursive: true });
    writeFileSync(other, '');
    const log = vi.fn();
    expect(resolveElectronBinding(root, '140', log)).toBeUndefined();
    expect(log).toHaveBeenCalledTimes(1);
    const message = String(log.mock.calls[0]?.[0]);
    expect(message).toContain('npm run rebuild:electron');
    expect(message).toContain('ABI 140');
  });
});
