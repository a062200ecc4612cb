import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { DatabaseOpenError, moveDatabaseAside, openDatabase } from '../../../../src/main/db/open-database';
import {
  MOVE_ASIDE_LABEL,
  createQuitGuard,
  dataDirFromArgv,
  databaseDialog,
  openWithRecovery,
  type DatabaseChoice,
} from '../../../../src/main/desktop-startup';

describe('dataDirFromArgv', () => {
  it('reads --data-dir=<dir> and --data-dir <dir>, resolved against the working directory', () => {
    expect(dataDirFromArgv(['electron', '.', '--data-dir=/tmp/hb'], '/home/u')).toBe('/tmp/hb');
    expect(dataDirFromArgv(['electron', '.', '--data-dir', 'hb-data'], '/home/u')).toBe('/home/u/hb-data');
    expect(dataDirFromArgv(['x', '--data-dir=a=b'], '/w')).toBe('/w/a=b');
  });

  it('is undefined without the argument, so the shared default (and HOOKBENCH_DATA_DIR) applies', () => {
    expect(dataDirFromArgv(['electron', '.', '--inspect'], '/home/u')).toBeUndefined();
    expect(dataDirFromArgv([], '/home/u')).toBeUndefined();
  });

  it('refuses an empty value instead of silently using the default history', () => {
    expect(() => dataDirFromArgv(['electron', '--data-dir='], '/w')).toThrow(/--data-dir needs a folder/);
    expect(() => dataDirFromArgv(['electron', '--data-dir'], '/w')).toThrow(/--data-dir needs a folder/);
  });
});

describe('databaseDialog', () => {
  it('offers moving aside first when a fresh file would help, and says nothing is deleted', () => {
    const dialog = databaseDialog(
      new DatabaseOpenError('corrupt', '/d/history.sqlite', 'It is damaged.', true),
    );
    expect(dialog.buttons).toEqual([MOVE_ASIDE_LABEL, 'Try again', 'Quit']);
    expect(dialog.choices).toEqual(['move-aside', 'retry', 'quit']);
    expect(dialog.buttons[0]).toBe('Move it aside and start a new history');
    expect(dialog.detail).toContain('It is damaged.');
    expect(dialog.detail).toContain('nothing is deleted');
    expect(dialog.cancelId).toBe(2);
  });

  it('does not offer moving aside for a lock or a full disk', () => {
    const dialog = databaseDialog(new DatabaseOpenError('locked', '/d/history.sqlite', 'Locked.', false));
    expect(dialog.buttons).toEqual(['Try again', 'Quit']);
    expect(dialog.choices[dialog.cancelId]).toBe('quit');
    expect(dialog.detail).toBe('Locked.');
  });
});

describe('openWithRecovery', () => {
  let dir: string;
  let path: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hookbench-startup-'));
    path = join(dir, 'history.sqlite');
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('after the user chooses to move a damaged history aside, keeps its bytes and opens a new one', async () => {
    const garbage = Buffer.from('this is not a database, but it is the user’s file'.repeat(200));
    writeFileSync(path, garbage);
    const asked: DatabaseOpenError[] = [];
    const db = await openWithRecovery(
      () => openDatabase(path),
      (error) => {
        asked.push(error);
        return Promise.resolve<DatabaseChoice>('move-aside');
      },
      (p) => moveDatabaseAside(p),
      () => undefined,
    );
    try {
      expect(asked).toHaveLength(1);
      expect(asked[0]?.problem).toBe('corrupt');
      expect(db).toBeDefined();
      const kept = readdirSync(dir).filter((name) => name.startsWith('history.sqlite.broken-'));
      expect(kept).toHaveLength(1);
      expect(readFileSync(join(dir, kept[0]!)).equals(garbage)).toBe(true);
      expect(db?.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    } finally {
      db?.close();
    }
  });

  it('gives up without touching the file when the user quits', async () => {
    writeFileSync(path, 'garbage'.repeat(1000));
    const moveAside = vi.fn((p: string) => p);
    const result = await openWithRecovery(
      () => openDatabase(path),
      () => Promise.resolve<DatabaseChoice>('quit'),
      moveAside,
    );
    expect(result).toBeUndefined();
    expect(moveAside).not.toHaveBeenCalled();
    expect(readFileSync(path, 'utf8')).toBe('garbage'.repeat(1000));
  });

  it('retries as often as asked, then succeeds once the problem is gone', async () => {
    let attempts = 0;
    const result = await openWithRecovery(
      () => {
        attempts++;
        if (attempts < 3) throw new DatabaseOpenError('locked', path, 'Locked.', false);
        return 'opened';
      },
      () => Promise.resolve<DatabaseChoice>('retry'),
      () => {
        throw new Error('must not move a locked database');
      },
    );
    expect(result).toBe('opened');
    expect(attempts).toBe(3);
  });

  it('never moves aside a database for which that would not help', async () => {
    let attempts = 0;
    const moveAside = vi.fn((p: string) => p);
    await openWithRecovery(
      () => {
        if (attempts++ === 0) throw new DatabaseOpenError('locked', path, 'Locked.', false);
        return 'opened';
      },
      () => Promise.resolve<DatabaseChoice>('move-aside'),
      moveAside,
    );
    expect(moveAside).not.toHaveBeenCalled();
  });

  it('lets any other error through unchanged', async () => {
    const boom = new Error('boom');
    await expect(
      openWithRecovery(
        () => {
          throw boom;
        },
        () => Promise.resolve<DatabaseChoice>('retry'),
        (p) => p,
      ),
    ).rejects.toBe(boom);
    expect(existsSync(path)).toBe(false);
  });
});

describe('createQuitGuard', () => {
  function quitEvent(): { preventDefault: Mock<() => void> } {
    return { preventDefault: vi.fn<() => void>() };
  }

  it('holds the first quit, closes the workbench once, then quits for real', async () => {
    let finishClose: () => void = () => undefined;
    const close = vi.fn(() => new Promise<void>((resolve) => (finishClose = resolve)));
    const quit = vi.fn();
    const guard = createQuitGuard(close, quit);

    const first = quitEvent();
    guard(first);
    expect(first.preventDefault).toHaveBeenCalledTimes(1);
    expect(close).toHaveBeenCalledTimes(1);

    const impatient = quitEvent();
    guard(impatient);
    expect(impatient.preventDefault).toHaveBeenCalledTimes(1);
    expect(close).toHaveBeenCalledTimes(1);
    expect(quit).not.toHaveBeenCalled();

    finishClose();
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1));

    const final = quitEvent();
    guard(final);
    expect(final.preventDefault).not.toHaveBeenCalled();
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('still quits when closing fails, and reports the failure', async () => {
    const failure = new Error('disk gone');
    const log = vi.fn();
    const quit = vi.fn();
    const guard = createQuitGuard(() => Promise.reject(failure), quit, log);
    guard(quitEvent());
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1));
    expect(log).toHaveBeenCalledWith(failure);
  });
});
