// Compares builds of Hookbench's receiver under the same load, alternating them within one run so the machine's
// changing load hits all of them alike. Each run starts `hookbench listen` of one build (`--listen-json`: with
// `--json`) with a fresh data directory, warms up for 1 s, measures, and kills the process (its catch-up is not
// waited for, so a fresh process never competes with an earlier one). "bare" stands for the bare node:http server of
// bench/lib.
//
//   npm run bench:receiver-ab -- --builds bare,.,/tmp/other-checkout     (a build is a folder with bin/ and out/)
//   npm run bench:receiver-ab -- --rounds 4 --duration 6 --builds .,/tmp/other-checkout
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { startNode, ticksIn } from './lib/child-process.mjs';
import { webhookRequest } from './lib/load.mjs';
import { readOptions } from './lib/options.mjs';

const options = readOptions({
  builds: { type: 'string', env: 'BENCH_BUILDS', default: 'bare,.' },
  duration: { type: 'string', env: 'BENCH_DURATION', default: '6', number: true },
  rounds: { type: 'string', env: 'BENCH_ROUNDS', default: '4', number: true },
  connections: { type: 'string', env: 'BENCH_CONNECTIONS', default: '50', number: true },
  'listen-json': { type: 'boolean', default: false },
});
const builds = String(options.builds)
  .split(',')
  .map((b) => b.trim())
  .filter(Boolean);
const results = Object.fromEntries(builds.map((b) => [b, []]));

for (let round = 1; round <= options.rounds; round++) {
  // Alternate the order so no build always runs first.
  for (const build of round % 2 ? builds : [...builds].reverse()) {
    const dir = mkdtempSync(join(tmpdir(), 'hookbench-ab-'));
    const args =
      build === 'bare'
        ? ['bench/lib/bare-server.mjs']
        : [
            join(resolve(build), 'bin', 'hookbench.mjs'),
            'listen',
            '--port',
            '0',
            '--data-dir',
            join(dir, 'data'),
            ...(options['listen-json'] ? ['--json'] : []),
          ];
    const { child, firstLine } = await startNode(args, { stdoutFile: join(dir, 'out') });
    try {
      const request = webhookRequest(firstLine, options.connections);
      await autocannon({ ...request, duration: 1 });
      const before = ticksIn(`/proc/${child.pid}/stat`);
      const run = await autocannon({ ...request, duration: options.duration });
      const cpuUs =
        ((ticksIn(`/proc/${child.pid}/stat`) - before) * 10_000) / Math.max(1, run.requests.total);
      results[build].push({ rate: run.requests.average, cpuUs });
      console.log(
        `round ${round}  ${build.padEnd(24)} ${Math.round(run.requests.average).toLocaleString('en-US').padStart(7)} req/s` +
          `  ${cpuUs.toFixed(1)} µs CPU/req  p99 ${run.latency.p99} ms`,
      );
    } finally {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
for (const build of builds) {
  const rate = median(results[build].map((r) => r.rate));
  const cpu = median(results[build].map((r) => r.cpuUs));
  const ratio = results.bare
    ? ` = ${((rate / median(results.bare.map((r) => r.rate))) * 100).toFixed(1)}% of bare`
    : '';
  console.log(
    `median  ${build.padEnd(24)} ${Math.round(rate).toLocaleString('en-US')} req/s, ${cpu.toFixed(1)} µs CPU/req${ratio}`,
  );
}
