// The SQLite side of bench/lib/ceiling-server.mjs: a small capture table written one transaction per batch. Imported
// directly (inline mode) or run as a worker thread (worker mode: commits each posted batch, then posts its number back).
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** Opens the table and returns the function that commits one batch of rows. */
export function openWriter(file) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE IF NOT EXISTS captures (id INTEGER PRIMARY KEY, received_at INTEGER, method TEXT, url TEXT,
    headers TEXT, body BLOB);
    CREATE INDEX IF NOT EXISTS captures_received_at ON captures (received_at);
    CREATE INDEX IF NOT EXISTS captures_method_id ON captures (method, id);`);
  const insert = db.prepare(
    'INSERT INTO captures (received_at, method, url, headers, body) VALUES (?, ?, ?, ?, ?)',
  );
  return db.transaction((rows) => {
    for (const r of rows) insert.run(r.receivedAt, r.method, r.url, r.headers, Buffer.from(r.body));
  });
}

if (!isMainThread && parentPort) {
  const commit = openWriter(workerData.file);
  parentPort.on('message', ({ seq, rows }) => {
    commit(rows);
    parentPort.postMessage(seq);
  });
}
