import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** The main connection's own checkpoint interval (pages) when no worker does it. */
export const INLINE_AUTOCHECKPOINT_PAGES = 10_000;

export interface WalCheckpointerOptions {
  /** The better-sqlite3 binary the main connection uses (Electron's build), if not the default one. */
  nativeBinding?: string;
  /** The worker starts once the WAL file is larger than this. Default 8 MiB. */
  startAboveBytes?: number;
  /** How often the WAL's size is looked at, and how often the worker checkpoints. Default 250 / 100 ms. */
  watchEveryMs?: number;
  checkpointEveryMs?: number;
  /** A problem worth a line in the log (the worker could not start or failed; checkpoints went back inline). */
  onProblem?: (message: string) => void;
}

/**
 * The worker's whole program. It is evaluated from this string (not a file of its own) so that it runs the same from
 * the TypeScript sources under test and from the bundle: it gets better-sqlite3's resolved path in `workerData`.
 * A PASSIVE checkpoint copies committed WAL frames into the database file and never blocks the writer.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
const db = new Database(workerData.file, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {});
db.pragma('synchronous = NORMAL');
let checkpoints = 0;
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    checkpoints++;
  } catch (error) {
    if (error && error.code === 'SQLITE_BUSY') return;
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
}, workerData.everyMs);
parentPort.postMessage({ started: true });
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.postMessage({ closed: true, checkpoints });
});
`;

/**
 * Moves WAL checkpoints off the event loop's thread once there is something to gain. SQLite checkpoints on the
 * committing connection by default: every few thousand pages one commit stops to copy the WAL into the database file
 * and wait for the disk, and while the receiver floods that is about a quarter of the time it spends storing a
 * capture. So when the WAL grows past a few MiB this starts a worker thread with its own connection that checkpoints
 * every 100 ms, and turns the main connection's automatic checkpoints off. If the worker cannot start or fails,
 * checkpoints go back to the main connection: the WAL never grows without bound.
 */
export class WalCheckpointer {
  private readonly walPath: string;
  private readonly watch: ReturnType<typeof setInterval>;
  private worker: Worker | null = null;
  private closed = false;
  /** Checkpoints the worker has made, counted when it closes. */
  checkpoints = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly file: string,
    private readonly options: WalCheckpointerOptions = {},
  ) {
    this.walPath = `${file}-wal`;
    this.watch = setInterval(() => this.look(), options.watchEveryMs ?? 250);
    this.watch.unref();
  }

  /** Whether a worker is doing the checkpoints now. */
  get offloaded(): boolean {
    return this.worker !== null;
  }

  private walBytes(): number {
    try {
      return statSync(this.walPath).size;
    } catch {
      return 0;
    }
  }

  private look(): void {
    if (this.worker || this.closed) return;
    if (this.walBytes() <= (this.options.startAboveBytes ?? 8 * 1024 * 1024)) return;
    this.start();
  }

  private start(): void {
    let modulePath: string;
    try {
      modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
    } catch (error) {
      this.giveUp(`better-sqlite3 could not be found for the checkpoint worker: ${String(error)}`);
      return;
    }
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        modulePath,
        file: this.file,
        nativeBinding: this.options.nativeBinding ?? null,
        everyMs: this.options.checkpointEveryMs ?? 100,
      },
    });
    worker.unref();
    this.worker = worker;
    worker.on('message', (message: { started?: boolean; error?: string }) => {
      if (message.started && this.worker === worker) this.db.pragma('wal_autocheckpoint = 0');
      if (message.error) this.giveUp(`WAL checkpoint failed in the worker: ${message.error}`);
    });
    worker.on('error', (error) => this.giveUp(`The checkpoint worker failed: ${error.message}`));
    worker.on('exit', () => {
      if (this.worker === worker && !this.closed) this.giveUp('The checkpoint worker stopped.');
    });
  }

  /** Checkpoints go back to the main connection, for good. */
  private giveUp(message: string): void {
    const worker = this.worker;
    this.worker = null;
    this.closed = true;
    clearInterval(this.watch);
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${INLINE_AUTOCHECKPOINT_PAGES}`);
    void worker?.terminate();
    this.options.onProblem?.(message);
  }

  /** Stops watching and closes the worker's connection. Call before closing the database. */
  async close(): Promise<void> {
    clearInterval(this.watch);
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${INLINE_AUTOCHECKPOINT_PAGES}`);
    if (!worker) return;
    const done = new Promise<void>((resolve) => {
      worker.on('message', (message: { closed?: boolean; checkpoints?: number }) => {
        if (message.closed) {
          this.checkpoints = message.checkpoints ?? 0;
          resolve();
        }
      });
      worker.once('exit', () => resolve());
    });
    worker.postMessage('close');
    await Promise.race([done, new Promise((r) => setTimeout(r, 2_000).unref())]);
    await worker.terminate();
  }
}
