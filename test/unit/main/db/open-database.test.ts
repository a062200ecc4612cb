import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError, moveDatabaseAside, openDatabase } from '../../../../src/main/db/open-database';
import { migrations } from '../../../../src/main/db/migrations';
import { makeTempDir } from '../../../helpers/temp-dir';

describe('openDatabase', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('creates the file in WAL mode with every migration applied and recorded', () => {
    const path = join(temp.dir, 'nested', 'history.sqlite');
    const db = openDatabase(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    const recorded = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(recorded).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })));
    db.close();
    // Opening again applies nothing new and keeps the data.
    const again = openDatabase(path);
    expect(again.pragma('user_version', { simple: true })).toBe(migrations.length);
    again.close();
  });

  it('refuses a database written by a newer schema and offers to move it aside', () => {
    const path = join(temp.dir, 'history.sqlite');
    openDatabase(path).close();
    const raw = new Database(path);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => openDatabase(path)).toThrow(/newer Hookbench \(schema 99/);
    try {
      openDatabase(path);
    } catch (error) {
      expect(error).toBeInstanceOf(DatabaseOpenError);
      expect((error as DatabaseOpenError).problem).toBe('newer-schema');
      expect((error as DatabaseOpenError).canMoveAside).toBe(true);
    }
  });

  it('names a damaged file as corrupt and leaves it untouched', () => {
    const path = join(temp.dir, 'history.sqlite');
    const garbage = Buffer.alloc(8192, 0x5a);
    writeFileSync(path, garbage);
    let caught: unknown;
    try {
      openDatabase(path);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DatabaseOpenError);
    expect((caught as DatabaseOpenError).problem).toBe('corrupt');
    expect((caught as DatabaseOpenError).message).toContain(path);
    expect(existsSync(path)).toBe(true);
  });

  it('fails loudly when an applied migration was edited afterwards', () => {
    const path = join(temp.dir, 'history.sqlite');
    openDatabase(path).close();
    const edited = migrations.map((m) => (m.version === 1 ? { ...m, sql: m.sql + '\n-- edited' } : m));
    expect(() => openDatabase(path, { migrations: edited })).toThrow(/Migration 1 \(captures\) was changed/);
  });

  it('rolls back a failing migration entirely', () => {
    const path = join(temp.dir, 'history.sqlite');
    const broken = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: 'broken',
        sql: 'CREATE TABLE t (a); SELECT nope FROM missing;',
      },
    ];
    expect(() => openDatabase(path, { migrations: broken })).toThrow(DatabaseOpenError);
    const raw = new Database(path);
    expect(raw.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 't'").get()).toEqual({ n: 0 });
    raw.close();
  });

  it('moves a database and its WAL files aside without deleting anything', () => {
    const path = join(temp.dir, 'history.sqlite');
    const db = openDatabase(path);
    db.close();
    writeFileSync(`${path}-wal`, 'wal');
    const target = moveDatabaseAside(path, new Date('2026-01-02T03:04:05.678Z'));
    expect(target).toBe(`${path}.broken-2026-01-02T03-04-05-678Z`);
    expect(existsSync(path)).toBe(false);
    expect(existsSync(target)).toBe(true);
    expect(existsSync(`${target}-wal`)).toBe(true);
  });
});
