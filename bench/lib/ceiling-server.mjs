// The lower bound for bench/receiver-ceiling.mjs: the least a receiver can do and still acknowledge only what is
// committed. Reads the body, keeps the request line, raw headers (as JSON) and body, and answers 200 after the
// row is committed in SQLite (WAL, synchronous=NORMAL, a 3-index table much smaller than Hookbench's). Requests of one
// event-loop turn share a transaction, as in Hookbench's CaptureWriter.
//
//   node bench/lib/ceiling-server.mjs inline    SQLite on the event loop's thread
//   node bench/lib/ceiling-server.mjs worker    SQLite on a worker thread; answers wait for the worker's commit
//
// Prints its URL as the first line and the data directory it writes to nowhere else (removed on SIGTERM).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

const mode = process.argv[2];
if (mode !== 'inline' && mode !== 'worker') throw new Error('usage: ceiling-server.mjs inline|worker');
const ANSWER = Buffer.from('{"received":true}');
const dir = mkdtempSync(join(tmpdir(), 'hookbench-ceiling-'));
const file = join(dir, 'ceiling.sqlite');

/** @type {(rows: object[]) => Promise<void> | void} */
let commit;
if (mode === 'inline') {
  const { openWriter } = await import('./ceiling-writer.mjs');
  commit = openWriter(file);
} else {
  const worker = new Worker(new URL('./ceiling-writer.mjs', import.meta.url), { workerData: { file } });
  const waiting = new Map();
  let seq = 0;
  worker.on('message', (done) => {
    waiting.get(done)?.();
    waiting.delete(done);
  });
  commit = (rows) =>
    new Promise((resolve) => {
      waiting.set(++seq, resolve);
      worker.postMessage({ seq, rows });
    });
}

let batch = [];
let answers = [];
let scheduled = false;
async function flush() {
  scheduled = false;
  const rows = batch;
  const mine = answers;
  batch = [];
  answers = [];
  await commit(rows);
  for (const answer of mine) answer();
}

const server = createServer((req, res) => {
  const chunks = [];
  const receivedAt = Date.now();
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    batch.push({
      receivedAt,
      method: req.method,
      url: req.url,
      headers: JSON.stringify(req.rawHeaders),
      body: Buffer.concat(chunks),
    });
    answers.push(() => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': ANSWER.length });
      res.end(ANSWER);
    });
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`http://127.0.0.1:${server.address().port}\n`));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
}
