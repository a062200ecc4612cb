// How close can any receiver that commits before it answers get to a bare node:http server on this machine? Runs,
// in one process tree and one run, the bare server of bench/receiver-throughput.mjs and the three lower-bound
// receivers of bench/lib/ceiling-server.mjs (on node:http with SQLite on the event loop's thread or on a worker thread,
// and with SQLite inline behind HTTP/1.1 over node:net, as Hookbench's receiver speaks it), with the same autocannon
// load (50 connections, 1 KiB JSON), and prints each one's rate, its ratio to the bare server and the CPU each of its
// threads used. It explains the receiver bench's result; it is not a target itself.
//
//   npm run bench:ceiling
//   npm run bench:ceiling -- --duration 3 --rounds 2
import { readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startNode, stopNode, ticksIn } from './lib/child-process.mjs';
import { webhookRequest } from './lib/load.mjs';
import { readOptions } from './lib/options.mjs';

const options = readOptions({
  duration: { type: 'string', env: 'BENCH_DURATION', default: '5', number: true },
  rounds: { type: 'string', env: 'BENCH_ROUNDS', default: '2', number: true },
  connections: { type: 'string', env: 'BENCH_CONNECTIONS', default: '50', number: true },
});

/** CPU ticks (1/100 s) per thread of a process, by thread id. */
function threadTicks(pid) {
  const out = new Map();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      out.set(tid, ticksIn(`/proc/${pid}/task/${tid}/stat`));
    } catch {
      // The thread ended meanwhile.
    }
  }
  return out;
}

const servers = {
  bare: ['bench/lib/bare-server.mjs'],
  inline: ['bench/lib/ceiling-server.mjs', 'inline'],
  worker: ['bench/lib/ceiling-server.mjs', 'worker'],
  net: ['bench/lib/ceiling-server.mjs', 'net'],
};
const dir = mkdtempSync(join(tmpdir(), 'hookbench-ceiling-run-'));
const rows = [];
try {
  for (let round = 1; round <= options.rounds; round++) {
    const result = {};
    for (const [name, args] of Object.entries(servers)) {
      const { child, firstLine } = await startNode(args, { stdoutFile: join(dir, `${name}.out`) });
      try {
        const request = webhookRequest(firstLine, options.connections);
        await autocannon({ ...request, duration: 1 });
        const before = threadTicks(child.pid);
        const run = await autocannon({
          ...request,
          duration: options.duration,
        });
        const after = threadTicks(child.pid);
        const busy = [...after]
          .map(([tid, ticks]) => (ticks - (before.get(tid) ?? 0)) / run.duration)
          .filter((pct) => pct >= 5)
          .sort((a, b) => b - a);
        result[name] = { rate: run.requests.average, p99: run.latency.p99, threads: busy };
      } finally {
        await stopNode(child);
      }
    }
    rows.push(result);
    for (const [name, r] of Object.entries(result)) {
      const ratio = name === 'bare' ? '' : ` = ${((r.rate / result.bare.rate) * 100).toFixed(1)}% of bare`;
      console.log(
        `round ${round}  ${name.padEnd(6)} ${Math.round(r.rate).toLocaleString('en-US').padStart(7)} req/s${ratio}, ` +
          `p99 ${r.p99} ms, busy threads: ${r.threads.map((t) => `${t.toFixed(0)}%`).join(' + ')}`,
      );
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
