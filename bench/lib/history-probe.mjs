// One measuring process for bench/history-1m.mjs, run as `node --import tsx bench/lib/history-probe.mjs`: tsx lets
// it import the TypeScript sources, so it times the real code path (createWorkbench and the contract's handlers),
// not a copy of their SQL. Prints one JSON object.
//
//   --data-dir D    the history to open (built by bench/history-1m.mjs)
//   --src DIR       the source tree to import (default: this project's src/; a scratch copy to try a change)
//   --repeat N      warm repetitions per query (median reported)
//   --plans         also print EXPLAIN QUERY PLAN for each query
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readOptions } from './options.mjs';
import { ROOT } from './child-process.mjs';
import { COMMON_WORD, RARE_WORD } from './history-fixture.mjs';

const options = readOptions({
  'data-dir': { type: 'string' },
  src: { type: 'string', default: join(ROOT, 'src') },
  repeat: { type: 'string', default: '15', number: true },
  plans: { type: 'boolean', default: false },
});
const src = resolve(options.src);
const load = (path) => import(pathToFileURL(join(src, path)).href);
const { createWorkbench } = await load('main/core/workbench.ts');
const { openDatabase } = await load('main/db/open-database.ts');
const { CaptureRepository } = await load('main/db/capture-repository.ts');

/** The filters measured; the names say what share of the history they match. */
export const CASES = [
  ['first page, unfiltered', {}],
  ['second page, unfiltered', { beforeId: 'after-first-page' }],
  [`FTS "${RARE_WORD}" (~1% of bodies)`, { text: RARE_WORD }],
  [`FTS "${COMMON_WORD}" (~50% of bodies)`, { text: COMMON_WORD }],
  ['inbox credo-prod (~30%)', { inbox: 'credo-prod' }],
  ['inbox ci-smoke (~1%)', { inbox: 'ci-smoke' }],
  [`inbox credas + FTS "${RARE_WORD}"`, { inbox: 'credas', text: RARE_WORD }],
  [`inbox ci-smoke + FTS "${COMMON_WORD}"`, { inbox: 'ci-smoke', text: COMMON_WORD }],
  ['status 5xx (~2%)', { status: '5xx' }],
];

const ms = (start) => performance.now() - start;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// Startup as the desktop app does it (src/main/index.ts): open the workbench, start the receiver, then the window
// asks for what the first screen shows.
const startup = {};
let t = performance.now();
const workbench = createWorkbench({
  dataDir: options['data-dir'],
  mode: 'desktop',
  version: 'bench',
  receiver: { port: 0 },
  retentionIntervalMs: 3_600_000,
});
startup.createWorkbench = ms(t);
t = performance.now();
await workbench.start();
startup.startReceiver = ms(t);
const { handlers } = workbench;
t = performance.now();
await handlers['app:info']();
startup.appInfo = ms(t);
t = performance.now();
await handlers['inbox:list']();
startup.inboxList = ms(t);
t = performance.now();
const firstPage = await handlers['history:list']({ limit: 100 });
startup.historyList = ms(t);
startup.total = Object.values(startup).reduce((a, b) => a + b, 0);
startup.rows = firstPage.items.length;
const beforeId = firstPage.items.at(-1)?.id;

const filterOf = (filter) => (filter.beforeId === 'after-first-page' ? { ...filter, beforeId } : filter);

// Each query through the handler: the first call in this process, then warm repetitions.
const queries = {};
for (const [name, raw] of CASES) {
  const input = { limit: 100, ...filterOf(raw) };
  t = performance.now();
  const result = await handlers['history:list'](input);
  const first = ms(t);
  const warm = [];
  for (let i = 0; i < options.repeat; i++) {
    t = performance.now();
    await handlers['history:list'](input);
    warm.push(ms(t));
  }
  queries[name] = {
    first,
    warm: median(warm),
    items: result.items.length,
    total: result.total,
    capped: result.totalCapped,
  };
}

// The handler's two parts, each on its own (a second connection, warm): the page of rows and the capped count.
const db = openDatabase(workbench.databasePath);
const captures = new CaptureRepository(db);
for (const [name, raw] of CASES) {
  const { beforeId: before, ...filter } = filterOf(raw);
  const list = [];
  const count = [];
  captures.list(filter, 100, before);
  captures.count(filter);
  for (let i = 0; i < options.repeat; i++) {
    t = performance.now();
    captures.list(filter, 100, before);
    list.push(ms(t));
    t = performance.now();
    captures.count(filter);
    count.push(ms(t));
  }
  queries[name].listOnly = median(list);
  queries[name].countOnly = median(count);
}

// EXPLAIN QUERY PLAN of the statements CaptureRepository really ran for each case: its statements' `all` and `get`
// are wrapped to note the SQL and parameters of the last call (after the timings, so they do not pay for it).
if (options.plans) {
  const statementPrototype = Object.getPrototypeOf(db.prepare('SELECT 1'));
  let last = null;
  for (const method of ['all', 'get']) {
    const original = statementPrototype[method];
    statementPrototype[method] = function (...args) {
      last = { sql: this.source, args };
      return original.apply(this, args);
    };
  }
  const planOf = (run) => {
    last = null;
    run();
    if (last === null) return ['(no query: answered from memory)'];
    const { sql, args } = last;
    return db
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...args)
      .map((row) => row.detail);
  };
  for (const [name, raw] of CASES) {
    const { beforeId: before, ...filter } = filterOf(raw);
    queries[name].plans = {
      list: planOf(() => captures.list(filter, 100, before)),
      count: planOf(() => captures.count(filter)),
    };
  }
}
db.close();
await workbench.close();
process.stdout.write(`${JSON.stringify({ startup, queries })}\n`);
