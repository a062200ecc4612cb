// The lower bound for bench/receiver-ceiling.mjs: the least a receiver can do and still acknowledge only what is
// committed. Reads the body, keeps the request line, raw headers (as JSON) and body, and answers 200 after the
// row is committed in SQLite (WAL, synchronous=NORMAL, a 3-index table much smaller than Hookbench's). Requests of one
// event-loop turn share a transaction, as in Hookbench's CaptureWriter.
//
//   node bench/lib/ceiling-server.mjs inline    SQLite on the event loop's thread
//   node bench/lib/ceiling-server.mjs worker    SQLite on a worker thread; answers wait for the worker's commit
//   node bench/lib/ceiling-server.mjs net       like inline, but HTTP/1.1 read and written over node:net (as Hookbench's
//                                               receiver does), with only Content-Length framing
//
// Prints its URL as the first line and the data directory it writes to nowhere else (removed on SIGTERM).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

const mode = process.argv[2];
if (mode !== 'inline' && mode !== 'worker' && mode !== 'net') {
  throw new Error('usage: ceiling-server.mjs inline|worker|net');
}
const ANSWER = Buffer.from('{"received":true}');
const dir = mkdtempSync(join(tmpdir(), 'hookbench-ceiling-'));
const file = join(dir, 'ceiling.sqlite');

/** @type {(rows: object[]) => Promise<void> | void} */
let commit;
if (mode !== 'worker') {
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

/** One request, kept the same way for both HTTP stacks; `answer` writes the 200 once the batch is committed. */
function received(row, answer) {
  batch.push(row);
  answers.push(answer);
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
}

const NET_ANSWER = Buffer.from(
  `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${ANSWER.length}\r\n` +
    `Connection: keep-alive\r\n\r\n${ANSWER}`,
);

/** The least HTTP/1.1 over node:net: request line, headers as raw pairs, a Content-Length body, one write back. */
function netConnection(socket) {
  let pending = null;
  socket.on('error', () => undefined);
  socket.on('data', (chunk) => {
    pending = pending ? Buffer.concat([pending, chunk]) : chunk;
    for (;;) {
      const end = pending.indexOf('\r\n\r\n');
      if (end === -1) return;
      const lines = pending.toString('latin1', 0, end).split('\r\n');
      const [method, url] = lines[0].split(' ');
      const raw = [];
      let length = 0;
      for (let i = 1; i < lines.length; i++) {
        const colon = lines[i].indexOf(':');
        const name = lines[i].slice(0, colon);
        const value = lines[i].slice(colon + 1).trim();
        raw.push(name, value);
        if (name.length === 14 && name.toLowerCase() === 'content-length') length = Number(value);
      }
      if (pending.length < end + 4 + length) return;
      const body = pending.subarray(end + 4, end + 4 + length);
      pending = pending.length === end + 4 + length ? null : pending.subarray(end + 4 + length);
      const row = { receivedAt: Date.now(), method, url, headers: JSON.stringify(raw), body };
      received(row, () => socket.write(NET_ANSWER));
      if (pending === null) return;
    }
  });
}

const server =
  mode === 'net'
    ? createNetServer({ noDelay: true }, netConnection)
    : createServer((req, res) => {
        const chunks = [];
        const receivedAt = Date.now();
        req.on('data', (chunk) => chunks.push(chunk));
        req.on('end', () => {
          const row = {
            receivedAt,
            method: req.method,
            url: req.url,
            headers: JSON.stringify(req.rawHeaders),
            body: Buffer.concat(chunks),
          };
          received(row, () => {
            res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': ANSWER.length });
            res.end(ANSWER);
          });
        });
      });
server.listen(0, '127.0.0.1', () => process.stdout.write(`http://127.0.0.1:${server.address().port}\n`));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections?.();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
}
