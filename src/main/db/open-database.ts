import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrations as allMigrations } from './migrations';
import type { Migration } from './migrations/migration';

export type DatabaseProblem =
  'corrupt' | 'locked' | 'disk-full' | 'cannot-open' | 'newer-schema' | 'edited-migration';

/**
 * Why the history database could not be opened, in words a user can act on. `canMoveAside` says whether moving the
 * file away and starting a fresh one would help; the data is never wiped by Hookbench itself.
 */
export class DatabaseOpenError extends Error {
  constructor(
    readonly problem: DatabaseProblem,
    readonly path: string,
    message: string,
    readonly canMoveAside: boolean,
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}

export interface OpenDatabaseOptions {
  /** Path of the better-sqlite3 addon built for the running runtime (Electron or Node). */
  nativeBinding?: string;
  migrations?: readonly Migration[];
}

function checksum(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

function classify(error: unknown, path: string): DatabaseOpenError {
  const code = (error as { code?: string }).code ?? '';
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new DatabaseOpenError(
      'corrupt',
      path,
      `The history database ${path} is damaged (${detail}).`,
      true,
    );
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new DatabaseOpenError(
      'locked',
      path,
      `The history database ${path} is locked by another program (${detail}). Close the other Hookbench and retry.`,
      false,
    );
  }
  if (code === 'SQLITE_FULL') {
    return new DatabaseOpenError(
      'disk-full',
      path,
      `The disk holding ${path} is full. Free some space and retry.`,
      false,
    );
  }
  return new DatabaseOpenError(
    'cannot-open',
    path,
    `Cannot open the history database ${path}: ${detail}`,
    false,
  );
}

function migrate(db: Database.Database, path: string, migrations: readonly Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length;
  if (current > latest) {
    throw new DatabaseOpenError(
      'newer-schema',
      path,
      `The history database ${path} was written by a newer Hookbench (schema ${current}, this one knows ${latest}). ` +
        'Update Hookbench, or move the file aside to start a new history.',
      true,
    );
  }
  const applied = db.prepare('SELECT version, name, checksum FROM schema_migrations').all() as {
    version: number;
    name: string;
    checksum: string;
  }[];
  for (const row of applied) {
    const known = migrations[row.version - 1];
    if (known && checksum(known) !== row.checksum) {
      throw new DatabaseOpenError(
        'edited-migration',
        path,
        `Migration ${row.version} (${row.name}) was changed after it was applied to ${path}; ship a new migration instead.`,
        false,
      );
    }
  }
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (@version, @name, @checksum, @appliedAt)',
  );
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(migration.sql);
      record.run({
        version: migration.version,
        name: migration.name,
        checksum: checksum(migration),
        appliedAt: Date.now(),
      });
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

/**
 * Opens (creating if needed) the history database: WAL, foreign keys on, every pending migration applied in its
 * own transaction. Throws a `DatabaseOpenError` that says what is wrong instead of touching a damaged file.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database.Database {
  mkdirSync(dirname(path), { recursive: true });
  let db: Database.Database | undefined;
  try {
    db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode survives a killed process (what "acknowledged means stored" needs); only power loss can
    // drop the last transactions, which FULL would cover at a large cost per capture.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // A larger page cache and rarer checkpoints: hot index pages are then written back once per checkpoint rather
    // than every few hundred captures (measured in bench/receiver-throughput.mjs).
    db.pragma('cache_size = -65536');
    db.pragma('wal_autocheckpoint = 10000');
    migrate(db, path, options.migrations ?? allMigrations);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof DatabaseOpenError) throw error;
    throw classify(error, path);
  }
}

/**
 * Moves a database the user chose to give up on (and its WAL files) to `<name>.broken-<time>` so a fresh history can
 * start; returns the new path. Nothing is deleted.
 */
export function moveDatabaseAside(path: string, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = `${path}.broken-${stamp}`;
  renameSync(path, target);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix);
  }
  return target;
}
