// Bulk fire: the request rate of `hookbench trigger --count N --concurrency C` against autocannon, both sending the
// same event to the same local receiver (`hookbench listen`) in the same run.
//
//   npm run bench:fire                        (5 s per side, 20 in flight, 3 rounds; medians reported)
//   npm run bench:fire -- --duration 2 --rounds 1   (quick smoke run)
//   npm run bench:fire -- --concurrency 50
//
// The receiver runs as a child process (`hookbench listen`, storing every capture in SQLite before answering), so
// both senders hit the real thing. autocannon runs in this process; bulk fire runs as `hookbench trigger` in its own
// process and reports its own rate (requests / time from the first send to the last answer). Each bulk fire sends
// as many requests as autocannon answered per second in the same round times the duration, so both run about as
// long. Both send the same body, the same headers (Content-Type, User-Agent, Svix-Timestamp) and a unique Svix-Id
// per request (autocannon: `[<id>]` replacement; bulk fire: a fresh message id), so the receiver does the same work.
// Needs a current build (`npx electron-vite build`).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ROOT, startNode, stopNode } from './lib/child-process.mjs';
import { readOptions } from './lib/options.mjs';

const options = readOptions({
  duration: { type: 'string', env: 'BENCH_DURATION', default: '5', number: true },
  concurrency: { type: 'string', env: 'BENCH_CONCURRENCY', default: '20', number: true },
  rounds: { type: 'string', env: 'BENCH_ROUNDS', default: '3', number: true },
  warmup: { type: 'string', env: 'BENCH_WARMUP', default: '1', number: true },
  event: { type: 'string', env: 'BENCH_EVENT', default: 'use_case_review_status_updated' },
  json: { type: 'boolean', default: false },
});
if (options.rounds < 1 || options.duration <= 0 || options.concurrency < 1)
  throw new Error('--rounds and --concurrency must be at least 1, --duration above 0');

const BIN = join(ROOT, 'bin', 'hookbench.mjs');

/** Runs `node bin/hookbench.mjs <args>` and resolves with its stdout (rejects on exit codes other than 0 and 1). */
function hookbench(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('exit', (code) =>
      code === 0 || code === 1 ? resolve(out) : reject(new Error(`hookbench ${args[0]}: ${err}`)),
    );
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const dir = mkdtempSync(join(tmpdir(), 'hookbench-bench-fire-'));
const rounds = [];
let bodyBytes;
try {
  const receiver = await startNode(
    [BIN, 'listen', '--port', '0', '--data-dir', join(dir, 'data'), '--json'],
    {
      stdoutFile: join(dir, 'listen.out'),
    },
  );
  const target = `${receiver.firstLine}/hooks/default`;
  try {
    // One real trigger gives the body (a realistic sample) that both sides then send.
    const first = JSON.parse(await hookbench(['trigger', options.event, '--to', target, '--json']));
    const bodyFile = join(dir, 'body.json');
    writeFileSync(bodyFile, first.body);
    bodyBytes = Buffer.byteLength(first.body);
    const sent = Object.fromEntries(first.attempts[0].requestHeaders.map(([n, v]) => [n.toLowerCase(), v]));

    const cannon = (duration) =>
      autocannon({
        url: target,
        method: 'POST',
        connections: options.concurrency,
        pipelining: 1,
        duration,
        idReplacement: true,
        headers: {
          'content-type': sent['content-type'],
          'user-agent': sent['user-agent'],
          'svix-timestamp': sent['svix-timestamp'] ?? String(Math.floor(Date.now() / 1000)),
          'svix-id': 'msg_[<id>]',
        },
        body: first.body,
      });
    const fire = async (count) =>
      JSON.parse(
        await hookbench([
          'trigger',
          options.event,
          '--to',
          target,
          '--body',
          bodyFile,
          '--count',
          String(count),
          '--concurrency',
          String(options.concurrency),
          '--json',
        ]),
      );

    if (options.warmup > 0) {
      const warm = await cannon(options.warmup);
      await fire(Math.max(100, Math.round(warm.requests.average * options.warmup)));
    }
    for (let round = 1; round <= options.rounds; round++) {
      const run = { round };
      const order = round % 2 === 1 ? ['autocannon', 'fire'] : ['fire', 'autocannon'];
      let count = null;
      for (const side of order) {
        if (side === 'autocannon') {
          const r = await cannon(options.duration);
          run.autocannon = {
            rps: r.requests.average,
            p50: r.latency.p50,
            p99: r.latency.p99,
            non2xx: r.non2xx,
            errors: r.errors,
          };
          count ??= Math.round(r.requests.average * options.duration);
        } else {
          // In rounds where bulk fire goes first, size it from the previous round's autocannon rate.
          const size = count ?? Math.round((rounds.at(-1)?.autocannon.rps ?? 1000) * options.duration);
          const r = await fire(size);
          run.fire = {
            rps: r.requestsPerSecond,
            p50: r.latencyMs.p50,
            p95: r.latencyMs.p95,
            p99: r.latencyMs.p99,
            sent: r.sent,
            errors: r.errors,
          };
        }
      }
      run.ratio = run.fire.rps / run.autocannon.rps;
      rounds.push(run);
    }
  } finally {
    await stopNode(receiver.child);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const ratio = median(rounds.map((r) => r.ratio));
const clean = rounds.every(
  (r) => r.fire.errors === 0 && r.autocannon.non2xx === 0 && r.autocannon.errors === 0,
);
const pass = ratio >= 0.7 && clean;
if (options.json) {
  console.log(JSON.stringify({ options, bodyBytes, rounds, ratio, pass }, null, 2));
} else {
  const fmt = (n) => Math.round(n).toLocaleString('en-US');
  console.log(
    `Bulk fire vs autocannon: ${options.event} (${bodyBytes} B), ${options.concurrency} in flight, ${options.rounds} round(s) ` +
      `of ${options.duration} s each, receiver = hookbench listen (SQLite); ${cpus().length} CPUs, node ${process.version}\n`,
  );
  console.log(
    '| round | autocannon req/s | autocannon p50 / p99 ms | bulk fire req/s | bulk fire p50 / p95 / p99 ms | sent | ratio |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rounds) {
    console.log(
      `| ${r.round} | ${fmt(r.autocannon.rps)} | ${r.autocannon.p50} / ${r.autocannon.p99} | ${fmt(r.fire.rps)} | ` +
        `${r.fire.p50} / ${r.fire.p95} / ${r.fire.p99} | ${fmt(r.fire.sent)} | ${(r.ratio * 100).toFixed(1)}% |`,
    );
  }
  console.log(
    `\nmedian ratio bulk fire / autocannon: ${(ratio * 100).toFixed(1)}% (target >= 70%)${clean ? '' : '; some requests failed'}`,
  );
  console.log(`result: ${pass ? 'PASS' : 'FAIL'}`);
}
process.exitCode = pass ? 0 : 1;
