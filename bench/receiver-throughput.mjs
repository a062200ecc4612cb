// Receiver throughput: sustained captures per second with persistence, against a bare node:http server, in one run.
//
//   npm run bench:receiver                      (10 s per server, 50 connections, 1 KiB JSON bodies)
//   npm run bench:receiver -- --duration 2      (quick smoke run)
//   npm run bench:receiver -- --rounds 3        (alternate the two servers three times; medians reported)
//   npm run bench:receiver -- --profile         (also a CPU profile of the Hookbench process: where the time goes)
//   npm run bench:receiver -- --hookbench-bin /tmp/copy/bin/hookbench.mjs   (measure another build, e.g. a change)
//   npm run bench:receiver -- --listen-json     (Hookbench prints `listen --json` lines instead of its human lines)
//
// Both servers run as child processes (each its own event loop and process); autocannon runs here with the same
// options against each. After the measured rounds, a verification run sends bodies carrying sequence numbers to
// Hookbench under the same load. Then Hookbench is stopped and its SQLite file is checked: every request autocannon
// got a 2xx for must be stored (the count check), and every acknowledged sequence number must be in a stored body.
// Needs a current build (`npx electron-vite build`): Hookbench runs as `node bin/hookbench.mjs listen`.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { cpuSecondsOf, startNode, stopNode } from './lib/child-process.mjs';
import { topSelfTime } from './lib/cpu-profile.mjs';
import { readOptions } from './lib/options.mjs';

const options = readOptions({
  duration: { type: 'string', env: 'BENCH_DURATION', default: '10', number: true },
  connections: { type: 'string', env: 'BENCH_CONNECTIONS', default: '50', number: true },
  warmup: { type: 'string', env: 'BENCH_WARMUP', default: '2', number: true },
  rounds: { type: 'string', env: 'BENCH_ROUNDS', default: '1', number: true },
  'body-bytes': { type: 'string', env: 'BENCH_BODY_BYTES', default: '1024', number: true },
  // The sequence-numbered run is separate from the measured rounds: rebuilding each request costs autocannon about
  // as much CPU as the bare server spends answering it, which would cap the baseline and flatter the ratio.
  'verify-seconds': { type: 'string', env: 'BENCH_VERIFY_SECONDS', default: '3', number: true },
  'hookbench-bin': { type: 'string', env: 'BENCH_HOOKBENCH_BIN', default: 'bin/hookbench.mjs' },
  profile: { type: 'boolean', default: false },
  // `hookbench listen` prints a line per capture, as a person runs it; --listen-json measures its `--json` lines,
  // which are six times longer (~460 bytes a capture, about 16 MB/s to write under this load).
  'listen-json': { type: 'boolean', default: false },
  'keep-data': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
});
if (options.rounds < 1 || options.duration <= 0)
  throw new Error('--rounds must be at least 1 and --duration above 0');

/** Where a data directory keeps its history (src/main/core/paths.ts, databasePathIn). */
const DATABASE_FILE = 'history.sqlite';
const SEQ_DIGITS = 10;
const SEQ_PLACEHOLDER = '#'.repeat(SEQ_DIGITS);

/** A Credo AI–style event envelope padded to exactly `size` bytes, with a fixed-width slot for a sequence number. */
function webhookBody(size) {
  const envelope = {
    data: {
      useCaseId: 'QHG9s995aVztB6Xc3caXyW',
      reviewId: 'L7BNWLapGiuMQVNEwuS49N',
      status: 'approved',
      user: { email: 'reviewer@example.com', givenName: 'Alex', role: 'admin' },
      seq: SEQ_PLACEHOLDER,
      note: '',
    },
    type: 'CredoAI.use_case_review_status_updated.v1',
    time: '2025-08-08T05:56:32.136590Z',
    source: 'CredoAI',
    subject: 'use_case_review_status_updated',
  };
  const bare = Buffer.byteLength(JSON.stringify(envelope));
  if (bare > size) throw new Error(`--body-bytes must be at least ${bare}`);
  envelope.data.note = 'x'.repeat(size - bare);
  return JSON.stringify(envelope);
}

const body = webhookBody(options['body-bytes']);
const fixedBody = body.replace(SEQ_PLACEHOLDER, '0'.repeat(SEQ_DIGITS));

/**
 * One autocannon run: POST of the body to /hooks/default on every connection. With `sequence`, each body carries the
 * next sequence number and the numbers answered 2xx are collected (pipelining 1: one request per connection in
 * flight, so the connection's context knows which request an answer belongs to).
 */
function load(baseUrl, duration, sequence = null) {
  const request = { method: 'POST', path: '/hooks/default', body: fixedBody };
  if (sequence) {
    request.setupRequest = (req, context) => {
      context.seq = ++sequence.sent;
      return { ...req, body: body.replace(SEQ_PLACEHOLDER, String(context.seq).padStart(SEQ_DIGITS, '0')) };
    };
    request.onResponse = (status, _body, context) => {
      if (status >= 200 && status < 300) sequence.acked.push(context.seq);
    };
  }
  return autocannon({
    url: baseUrl,
    connections: options.connections,
    duration,
    pipelining: 1,
    headers: { 'content-type': 'application/json' },
    requests: [request],
  });
}

/** One measured run against one server process: autocannon's numbers and the CPU the server and autocannon used. */
async function measure(side) {
  const serverBefore = cpuSecondsOf(side.pid);
  const loadBefore = process.cpuUsage();
  const result = await load(side.url, options.duration);
  const used = process.cpuUsage(loadBefore);
  const serverSeconds = serverBefore === null ? null : cpuSecondsOf(side.pid) - serverBefore;
  const loadSeconds = (used.user + used.system) / 1e6;
  const answered = Math.max(1, result.requests.total);
  side.acknowledged += result['2xx'];
  side.autocannonRuns += 1;
  return {
    name: side.name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    '2xx': result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    serverCpu: serverSeconds === null ? null : serverSeconds / result.duration,
    loadCpu: loadSeconds / result.duration,
    // CPU time per answered request: steadier than requests/s when other work shares the machine.
    serverUsPerRequest: serverSeconds === null ? null : (serverSeconds * 1e6) / answered,
    loadUsPerRequest: (loadSeconds * 1e6) / answered,
  };
}

/**
 * What Hookbench left for after the flood: search indexing and checks run at a lower priority than receiving
 * (src/main/core/background/background-work.ts). Watches the database (read-only) until every capture is indexed and
 * checked, and reports how many were waiting when the load stopped, how long the catch-up took and its CPU time.
 */
async function waitForCatchUp(pid, timeoutMs = 600_000) {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  const waiting = () => {
    const max = db.prepare('SELECT coalesce(max(id), 0) AS n FROM captures').get().n;
    const upto = Number(
      db.prepare("SELECT value FROM settings WHERE key = 'search_indexed_upto'").get()?.value ?? 0,
    );
    const unchecked = db
      .prepare("SELECT count(*) AS n FROM captures WHERE check_verdict = 'pending'")
      .get().n;
    return { unindexed: Math.max(0, max - upto), unchecked };
  };
  try {
    const started = performance.now();
    const cpuBefore = cpuSecondsOf(pid);
    const atStop = waiting();
    let now = atStop;
    while (now.unindexed > 0 || now.unchecked > 0) {
      if (performance.now() - started > timeoutMs)
        throw new Error('Hookbench did not catch up within 10 minutes');
      await new Promise((r) => setTimeout(r, 100));
      now = waiting();
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = cpuBefore === null ? null : cpuSecondsOf(pid) - cpuBefore;
    const items = Math.max(atStop.unindexed, atStop.unchecked);
    return {
      ...atStop,
      seconds,
      cpuSeconds: cpu,
      cpuUsPerCapture: cpu === null || items === 0 ? null : (cpu * 1e6) / items,
    };
  } finally {
    db.close();
  }
}

const median = (values) => {
  const sorted = values.filter((v) => v !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const dir = mkdtempSync(join(tmpdir(), 'hookbench-bench-receiver-'));
const dataDir = join(dir, 'data');
const listenOut = join(dir, 'listen.out');
const runs = [];
const sequence = { sent: 0, acked: [] };
let verifyResult = null;
let catchUp;
let check;
let profile = null;
try {
  const bare = await startNode(['bench/lib/bare-server.mjs'], { stdoutFile: join(dir, 'bare.out') });
  const profileArgs = options.profile ? ['--cpu-prof', '--cpu-prof-dir', join(dir, 'profile')] : [];
  let hookbench;
  try {
    hookbench = await startNode(
      [
        ...profileArgs,
        options['hookbench-bin'],
        'listen',
        '--port',
        '0',
        '--data-dir',
        dataDir,
        ...(options['listen-json'] ? ['--json'] : []),
      ],
      { stdoutFile: listenOut },
    );
  } catch (error) {
    await stopNode(bare.child);
    throw error;
  }
  const side = (key, name, started) => ({
    key,
    name,
    url: started.firstLine,
    pid: started.child.pid,
    acknowledged: 0,
    autocannonRuns: 0,
  });
  const sides = {
    bare: side('bare', 'bare node:http', bare),
    hookbench: side(
      'hookbench',
      options['listen-json'] ? 'Hookbench listen --json' : 'Hookbench listen',
      hookbench,
    ),
  };
  try {
    // Both servers stay up for the whole run; rounds alternate which one goes first, so a change in the machine's
    // load during the run does not favour one side.
    for (const s of Object.values(sides)) {
      if (options.warmup > 0) {
        s.acknowledged += (await load(s.url, options.warmup))['2xx'];
        s.autocannonRuns += 1;
      }
    }
    await waitForCatchUp(sides.hookbench.pid);
    for (let round = 1; round <= options.rounds; round++) {
      const order = round % 2 === 1 ? ['bare', 'hookbench'] : ['hookbench', 'bare'];
      for (const key of order) {
        const run = { round, key, ...(await measure(sides[key])) };
        // Hookbench indexes and checks what a flood left after it: let it finish before the next measurement, so
        // neither server is measured while the other still uses the machine's cores.
        if (key === 'hookbench') run.catchUp = await waitForCatchUp(sides.hookbench.pid);
        runs.push(run);
      }
    }
    if (options['verify-seconds'] > 0) {
      const verify = await load(sides.hookbench.url, options['verify-seconds'], sequence);
      sides.hookbench.acknowledged += verify['2xx'];
      sides.hookbench.autocannonRuns += 1;
      verifyResult = {
        requestsPerSecond: verify.requests.average,
        '2xx': verify['2xx'],
        non2xx: verify.non2xx,
      };
    }
    catchUp = await waitForCatchUp(sides.hookbench.pid);
  } finally {
    await stopNode(bare.child);
    const code = await stopNode(hookbench.child);
    if (code !== 0) console.error(`hookbench listen exited with ${code}`);
  }

  // The count check: the database after the receiver stopped, against what autocannon saw acknowledged.
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  const stored = db.prepare('SELECT count(*) AS n FROM captures').get().n;
  const seen = new Set();
  const seqOf = new RegExp(`"seq":"(\\d{${SEQ_DIGITS}})"`);
  for (const row of db.prepare('SELECT body FROM captures').iterate()) {
    const match = seqOf.exec(row.body.toString('utf8'));
    if (match && Number(match[1]) > 0) seen.add(Number(match[1]));
  }
  db.close();
  const missing = sequence.acked.filter((seq) => !seen.has(seq));
  if (options.profile) {
    const [file] = readdirSync(join(dir, 'profile'));
    profile = topSelfTime(join(dir, 'profile', file));
  }
  const printed = readFileSync(listenOut, 'utf8').split('\n').filter(Boolean).length - 1;
  const files = [DATABASE_FILE, `${DATABASE_FILE}-wal`].map((f) => join(dataDir, f));
  const bytes = files.reduce((sum, f) => sum + (statSync(f, { throwIfNoEntry: false })?.size ?? 0), 0);
  check = {
    acknowledged: sides.hookbench.acknowledged,
    stored,
    printedLines: printed,
    // A request in flight when autocannon stops may be stored without autocannon counting its answer: at most one
    // per connection and autocannon run.
    inFlightBound: options.connections * sides.hookbench.autocannonRuns,
    lost: Math.max(0, sides.hookbench.acknowledged - stored),
    sequenceAcknowledged: sequence.acked.length,
    sequenceMissing: missing.length,
    sequenceMissingExamples: missing.slice(0, 5),
    bytesPerCapture: stored > 0 ? bytes / stored : null,
  };
} finally {
  if (!options['keep-data']) rmSync(dir, { recursive: true, force: true });
  else console.error(`kept ${dir}`);
}

/** Medians over the rounds for one side; counts are summed. */
function summary(key) {
  const mine = runs.filter((r) => r.key === key);
  const med = (field) => median(mine.map((r) => r[field]));
  const sum = (field) => mine.reduce((n, r) => n + r[field], 0);
  return {
    name: mine[0].name,
    requestsPerSecond: med('requestsPerSecond'),
    p50: med('p50'),
    p99: med('p99'),
    '2xx': sum('2xx'),
    non2xx: sum('non2xx'),
    errors: sum('errors'),
    timeouts: sum('timeouts'),
    serverCpu: med('serverCpu'),
    loadCpu: med('loadCpu'),
    serverUsPerRequest: med('serverUsPerRequest'),
    loadUsPerRequest: med('loadUsPerRequest'),
  };
}
const results = [summary('bare'), summary('hookbench')];
const hookbenchResult = results[1];
// Ratio per round (the two runs of a round are back to back), then the median.
const ratios = [];
for (let round = 1; round <= options.rounds; round++) {
  const of = (key) => runs.find((r) => r.round === round && r.key === key).requestsPerSecond;
  ratios.push(of('hookbench') / of('bare'));
}
const ratio = median(ratios);
const countOk =
  check.lost === 0 && check.sequenceMissing === 0 && check.stored - check.acknowledged <= check.inFlightBound;
const pass = ratio >= 0.6 && countOk && hookbenchResult.non2xx === 0 && hookbenchResult.errors === 0;

if (options.json) {
  console.log(
    JSON.stringify(
      { options, runs, results, ratios, ratio, verifyResult, catchUp, check, profile, pass },
      null,
      2,
    ),
  );
} else {
  const fmt = (n, digits = 0) =>
    n === null ? 'n/a' : n.toLocaleString('en-US', { maximumFractionDigits: digits });
  const pct = (n) => (n === null ? 'n/a' : `${(n * 100).toFixed(0)}%`);
  console.log(
    `Receiver throughput: ${options.connections} connections, ${options.rounds} round(s) of ${options.duration} s per ` +
      `server (after ${options.warmup} s warm-up each), POST ${Buffer.byteLength(fixedBody)} B JSON to /hooks/default; ` +
      `${cpus().length} CPUs, node ${process.version}\n`,
  );
  const row = (r, label) =>
    `| ${label} | ${fmt(r.requestsPerSecond)} | ${r.p50} | ${r.p99} | ${fmt(r['2xx'])} | ${r.non2xx} | ${r.errors} | ` +
    `${r.timeouts} | ${pct(r.serverCpu)} | ${fmt(r.serverUsPerRequest, 1)} | ${pct(r.loadCpu)} | ${fmt(r.loadUsPerRequest, 1)} |`;
  console.log(
    '| server | req/s (avg) | p50 ms | p99 ms | 2xx | non-2xx | errors | timeouts | server CPU | server CPU µs/req | ' +
      'autocannon CPU | autocannon CPU µs/req |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  if (options.rounds > 1) for (const r of runs) console.log(row(r, `round ${r.round}: ${r.name}`));
  for (const r of results) console.log(row(r, options.rounds > 1 ? `median: ${r.name}` : r.name));
  console.log(
    `\nratio Hookbench / bare: ${(ratio * 100).toFixed(1)}% (target >= 60%)` +
      (options.rounds > 1 ? `; per round: ${ratios.map((x) => `${(x * 100).toFixed(1)}%`).join(', ')}` : ''),
  );
  if (verifyResult) {
    console.log(
      `verification run (sequence-numbered bodies, ${options['verify-seconds']} s): ${fmt(verifyResult.requestsPerSecond)} req/s, ` +
        `${fmt(check.sequenceAcknowledged)} acknowledged, missing from SQLite: ${check.sequenceMissing}` +
        (check.sequenceMissingExamples.length ? ` (e.g. ${check.sequenceMissingExamples.join(', ')})` : ''),
    );
  }
  console.log(
    `count check: acknowledged (2xx, all runs) ${fmt(check.acknowledged)}, stored ${fmt(check.stored)}, lost ${check.lost}; ` +
      `stored - acknowledged = ${check.stored - check.acknowledged} (answers cut off when autocannon stopped, at most ` +
      `${check.inFlightBound}); lines printed by listen ${fmt(check.printedLines)}: ${countOk ? 'pass' : 'FAIL'}`,
  );
  console.log(`database size: ${fmt(check.bytesPerCapture)} bytes per capture (db + wal)`);
  for (const r of runs.filter((run) => run.catchUp)) {
    console.log(
      `round ${r.round}: ${fmt(r.catchUp.unindexed)} captures left to index and ${fmt(r.catchUp.unchecked)} to check; ` +
        `caught up in ${fmt(r.catchUp.seconds, 1)} s (${fmt(r.catchUp.cpuUsPerCapture, 1)} µs of CPU per capture)`,
    );
  }
  if (catchUp) {
    console.log(
      `after the load: ${fmt(catchUp.unindexed)} captures waited for search indexing and ${fmt(catchUp.unchecked)} for ` +
        `their check; caught up in ${fmt(catchUp.seconds, 1)} s using ${fmt(catchUp.cpuSeconds, 1)} s of CPU ` +
        `(${fmt(catchUp.cpuUsPerCapture, 1)} µs per capture)`,
    );
  }
  if (profile) {
    console.log(
      '\nHookbench process, CPU profile (self time, share of its busy time; SQLite counts toward its caller):',
    );
    for (const { name, share } of profile) console.log(`  ${(share * 100).toFixed(1).padStart(5)}%  ${name}`);
  }
  console.log(`result: ${pass ? 'PASS' : 'FAIL'}`);
}
process.exitCode = pass ? 0 : 1;
