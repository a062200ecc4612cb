// Checking payloads against the documented shapes: payloads per second, identification included.
//
//   npm run bench:check                          (3 rounds of 3 s over the corpus; medians reported)
//   npm run bench:check -- --duration 1 --rounds 1      (smoke run)
//   npm run bench:check -- --receiver                   (also: a burst through a real receiver, answer vs check)
//
// Runs under tsx (`node --import tsx bench/check.mjs`) and imports the TypeScript sources, so it times the real code:
// `PayloadChecker.check` with the shipped catalogue, from the body's bytes (as the receiver stores them) to the
// findings, identification included (no forced event). The corpus is every documented example of the catalogue, a
// sample of every Credo AI event, an `event_type` body for every compliance platform event, and mutated variants of
// each (field removed, type changed, field added, prefix/suffix changed, double-encoded, JSON inside a string, not
// JSON, unidentified). Target: at least 10,000 payloads per second. Exits 1 when it is missed.
import { cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib/child-process.mjs';
import { readOptions } from './lib/options.mjs';

const options = readOptions({
  duration: { type: 'string', env: 'BENCH_DURATION', default: '3', number: true },
  rounds: { type: 'string', env: 'BENCH_ROUNDS', default: '3', number: true },
  receiver: { type: 'boolean', default: false },
  burst: { type: 'string', env: 'BENCH_BURST', default: '2000', number: true },
  json: { type: 'boolean', default: false },
});
const TARGET = 10_000;

const load = (path) => import(pathToFileURL(join(ROOT, 'src', path)).href);
const { Catalog } = await load('main/core/catalog/catalog.ts');
const { defaultCatalogDir } = await load('main/core/catalog/catalog-paths.ts');
const { PayloadChecker } = await load('main/core/check/payload-checker.ts');
const { samplePayload, newSampleContext } = await load('main/core/fire/sample-payload.ts');

const loadStart = performance.now();
const catalog = new Catalog({ builtinDir: defaultCatalogDir(), userDir: null });
const catalogMs = performance.now() - loadStart;
const checker = new PayloadChecker(catalog);

const clone = (v) => structuredClone(v);
const without = (value, key) => {
  const out = clone(value);
  Reflect.deleteProperty(out, key);
  return out;
};

/** @type {{ category: string, body: Buffer, contentType: string, headers: [string, string][] }[]} */
const corpus = [];
const add = (category, value, headers = [['Content-Type', 'application/json']]) =>
  corpus.push({
    category,
    body: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
    contentType: 'application/json',
    headers,
  });

const credo = catalog.get('credo-ai');
const svix = [
  ['Content-Type', 'application/json'],
  ['svix-id', 'msg_2Qx'],
  ['User-Agent', 'Svix-Webhooks/1.23.0'],
];
const credoBodies = [
  ...credo.events.flatMap((e) => e.info.examples.map((x) => x.value)),
  ...credo.events.map((e) => samplePayload(credo, e, newSampleContext()).payload),
];
for (const body of credoBodies) {
  add('documented', body, svix);
  const data = body.data;
  const first = Object.keys(data)[0];
  add('field removed', { ...body, data: without(data, first) }, svix);
  add('type changed', { ...body, data: { ...data, [first]: 42 } }, svix);
  add('field added', { ...body, data: { ...data, riskScore: 0.4 } }, svix);
  add(
    'prefix/suffix changed',
    { ...body, type: String(body.type).replace(/^[^.]*\./, 'Acme.') + '.v2' },
    svix,
  );
  add('double-encoded', JSON.stringify(JSON.stringify(body)), svix);
}
const credas = catalog.get('credas').byName.get('process.completed').info.examples[0].value;
add('documented', credas);
add('field removed', without(credas, 'StatusDescription'));
add('type changed', { ...credas, Status: '2' });
add('field added', { ...credas, Reference: 'A-1' });
add('enum', { ...credas, Status: 3 });
add('double-encoded', JSON.stringify(JSON.stringify(credas)));
add('JSON in a string', { UpdateType: 1, Payload: JSON.stringify(credas) });
for (const event of catalog.get('compliance-platform-v1').events)
  add('undocumented shape', { event_type: event.info.name, data: { id: 'a1' } });
add('not JSON', '{"data": {"truncated":');
add('not JSON', 'payload=%7B%7D');
add('unidentified', { hello: 'world', items: [1, 2, 3] });
add('unidentified', { type: 'CredoAI.use_case_review_comments.v1', data: { reviewId: 'x' } }, svix);

const run = (entry) =>
  checker.check({ body: entry.body, contentType: entry.contentType, headers: entry.headers });

// Warm up (JIT, Ajv's compiled validators, schema views).
for (let i = 0; i < 20_000; i++) run(corpus[i % corpus.length]);

function round(seconds) {
  const end = performance.now() + seconds * 1000;
  let n = 0;
  const started = performance.now();
  while (performance.now() < end) {
    for (const entry of corpus) run(entry);
    n += corpus.length;
  }
  return n / ((performance.now() - started) / 1000);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const rates = [];
for (let r = 0; r < options.rounds; r++) rates.push(round(options.duration));

// Per category: the same loop over that category's payloads only.
const categories = [...new Set(corpus.map((c) => c.category))];
const perCategory = categories.map((category) => {
  const entries = corpus.filter((c) => c.category === category);
  const end = performance.now() + Math.max(0.3, options.duration / 4) * 1000;
  const started = performance.now();
  let n = 0;
  while (performance.now() < end) {
    for (const entry of entries) run(entry);
    n += entries.length;
  }
  const verdicts = [...new Set(entries.map((e) => run(e).result.verdict))].join(', ');
  return { category, payloads: entries.length, rate: n / ((performance.now() - started) / 1000), verdicts };
});

let receiver = null;
if (options.receiver) receiver = await receiverBurst(options.burst);

/**
 * A burst through a real receiver (in this process, port 0): `burst` requests, 20 in flight. Reports answer latency
 * and how long after the last answer the last check was stored: checks run after each answer and never before it.
 */
async function receiverBurst(total) {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { createWorkbench } = await load('main/core/workbench.ts');
  const { Pool } = await import('undici');
  const dir = mkdtempSync(join(tmpdir(), 'hookbench-bench-check-'));
  const wb = createWorkbench({ dataDir: dir, mode: 'browser', version: 'bench', receiver: { port: 0 } });
  try {
    const { url } = await wb.start();
    await wb.handlers['check:payload']({ body: '{}' }); // loads the catalogue before timing
    let checkedAt = 0;
    let checked = 0;
    wb.events.on('capture:updated', (c) => {
      if (c.check.verdict !== 'pending') {
        checked++;
        checkedAt = performance.now();
      }
    });
    const pool = new Pool(url, { connections: 20 });
    const latencies = [];
    let next = 0;
    let lastAnswer = 0;
    const started = performance.now();
    const worker = async () => {
      while (next < total) {
        const entry = corpus[next++ % corpus.length];
        const t0 = performance.now();
        const res = await pool.request({
          path: '/hooks/default',
          method: 'POST',
          headers: Object.fromEntries(entry.headers),
          body: entry.body,
        });
        await res.body.dump();
        lastAnswer = performance.now();
        latencies.push(lastAnswer - t0);
      }
    };
    await Promise.all(Array.from({ length: 20 }, worker));
    const deadline = performance.now() + 30_000;
    while (checked < total && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    await pool.close();
    latencies.sort((a, b) => a - b);
    const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
    return {
      requests: total,
      requestsPerSecond: total / ((lastAnswer - started) / 1000),
      answerP50Ms: pct(50),
      answerP99Ms: pct(99),
      checked,
      lastCheckAfterLastAnswerMs: Math.max(0, checkedAt - lastAnswer),
    };
  } finally {
    await wb.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const result = {
  date: new Date().toISOString(),
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
  node: process.version,
  catalogLoadMs: catalogMs,
  corpus: corpus.length,
  rounds: rates,
  median: median(rates),
  target: TARGET,
  pass: median(rates) >= TARGET,
  perCategory,
  receiver,
};

if (options.json) console.log(JSON.stringify(result, null, 2));
else {
  const fmt = (n) => Math.round(n).toLocaleString('en-US');
  console.log(
    `Checking payloads: ${result.corpus} payloads in the corpus, catalogue loaded in ${fmt(catalogMs)} ms`,
  );
  console.log(`Rounds (payloads/s): ${rates.map(fmt).join(', ')}  → median ${fmt(result.median)}`);
  console.log(`Target ≥ ${fmt(TARGET)}/s: ${result.pass ? 'PASS' : 'FAIL'}`);
  console.log('');
  console.log('| category | payloads | payloads/s | verdicts |');
  console.log('| --- | ---: | ---: | --- |');
  for (const c of perCategory)
    console.log(`| ${c.category} | ${c.payloads} | ${fmt(c.rate)} | ${c.verdicts} |`);
  if (receiver) {
    console.log('');
    console.log(
      `Receiver burst: ${receiver.requests} requests, 20 in flight, ${fmt(receiver.requestsPerSecond)} req/s; answer p50 ${receiver.answerP50Ms.toFixed(2)} ms, p99 ${receiver.answerP99Ms.toFixed(2)} ms; ${receiver.checked} checks stored, the last ${receiver.lastCheckAfterLastAnswerMs.toFixed(1)} ms after the last answer`,
    );
  }
}
process.exitCode = result.pass ? 0 : 1;
