// Builds a large, realistic capture history quickly: the schema comes from the real migrations (the database is
// created by `hookbench listen`), the rows are written with better-sqlite3 into the same columns, in the same form,
// as src/main/db/capture-repository.ts writes them (captures + captures_fts).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startNode, stopNode } from './child-process.mjs';

/** Where a data directory keeps its history (src/main/core/paths.ts, databasePathIn). */
export const DATABASE_FILE = 'history.sqlite';

/** Words whose share of bodies the search benchmark relies on; no other generated token starts with them. */
export const RARE_WORD = 'quarantined'; // ~1% of bodies
export const COMMON_WORD = 'production'; // ~50% of bodies

/** Inboxes with their share of captures; `default` also receives the unmatched ones. */
export const INBOXES = [
  ['default', 0.1],
  ['credo-prod', 0.3],
  ['credo-sandbox', 0.15],
  ['credas', 0.12],
  ['compliance', 0.1],
  ['billing', 0.08],
  ['github', 0.06],
  ['svix-play', 0.05],
  ['legacy', 0.03],
  ['ci-smoke', 0.01],
];

/** Small deterministic PRNG (mulberry32) so every build of the fixture is the same history. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const FILLER = (
  'review approved pending rejected model risk assessment evidence control policy pack attached governance ' +
  'dataset fairness accuracy drift monitor threshold owner team stakeholder comment updated created deleted ' +
  'assigned completed submitted verified identity document address check passport licence selfie liveness ' +
  'questionnaire answer section score rating vendor supplier onboarding session invitation reminder expired ' +
  'invoice payment refund charge customer subscription renewal trial plan seat region europe america asia'
).split(' ');

function weighted(random, table) {
  let r = random();
  for (const [value, weight] of table) {
    if ((r -= weight) < 0) return value;
  }
  return table[table.length - 1][0];
}

/** Generates one capture at a time (ids ascending, receive times spread evenly over `days`). */
export function captureGenerator(count, { days = 30, seed = 42, now = Date.now() } = {}) {
  const random = prng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const id = (length) => {
    let s = '';
    for (let i = 0; i < length; i++) s += BASE62[Math.floor(random() * 62)];
    return s;
  };
  const uuid = () => {
    const h = () =>
      Math.floor(random() * 0x10000)
        .toString(16)
        .padStart(4, '0');
    return `${h()}${h()}-${h()}-4${h().slice(1)}-a${h().slice(1)}-${h()}${h()}${h()}`;
  };
  const words = (n) => {
    const out = [];
    for (let i = 0; i < n; i++) out.push(pick(FILLER));
    return out.join(' ');
  };
  const start = now - days * 86_400_000;
  const step = (days * 86_400_000) / count;
  const recent = new Map(); // inbox -> recent delivery ids, for retries
  const stats = { rare: 0, common: 0 };

  /** Pads `fields` with a free-text comment until the JSON is about `target` bytes. */
  const sized = (value, holder, target) => {
    let json = JSON.stringify(value);
    if (json.length < target) {
      holder.comment = words(Math.max(1, Math.round((target - json.length) / 9)));
      json = JSON.stringify(value);
    }
    return json;
  };

  const credoBody = (target, environment, flagged) => {
    const subject = pick([
      'use_case_review_status_updated',
      'use_case_custom_field_updated',
      'use_case_created',
      'task_assigned',
      'policy_pack_attached',
      'evidence_uploaded',
    ]);
    const data = {
      useCaseId: id(22),
      reviewId: id(22),
      status: flagged ? RARE_WORD : pick(['approved', 'pending', 'rejected', 'in_review']),
      environment,
      user: { email: `${pick(FILLER)}.${pick(FILLER)}@example.com`, givenName: pick(FILLER), role: 'admin' },
    };
    const envelope = {
      data,
      type: `CredoAI.${subject}.v1`,
      time: new Date(start + random() * days * 86_400_000).toISOString(),
      source: 'CredoAI',
      subject,
    };
    return sized(envelope, data, target);
  };
  const credasBody = (target, environment, flagged) => {
    const body = {
      ProcessId: uuid(),
      ClientId: uuid(),
      Status: 2,
      StatusDescription: flagged ? `The process is ${RARE_WORD}` : 'The process is complete',
      Environment: environment,
      Reference: id(12),
    };
    return sized(body, body, target);
  };
  const complianceBody = (target, environment, flagged) => {
    const data = {
      id: uuid(),
      session_id: uuid(),
      result: flagged ? RARE_WORD : pick(['clear', 'consider', 'match']),
      environment,
    };
    const body = {
      event_type: pick(['screening.completed', 'onboarding_session.completed', 'identity.verified']),
      created_at: new Date(start + random() * days * 86_400_000).toISOString(),
      data,
    };
    return sized(body, data, target);
  };

  let n = 0;
  function next() {
    if (n >= count) return null;
    n += 1;
    let inbox = weighted(random, INBOXES);
    const unmatched = inbox === 'default' && random() < 0.5;
    const environment = random() < 0.5 ? 'production' : 'staging';
    const flagged = random() < 0.01;
    if (environment === 'production') stats.common += 1;
    if (flagged) stats.rare += 1;
    const target = 512 + Math.floor(random() * 1536);
    const body =
      inbox === 'credas'
        ? credasBody(target, environment, flagged)
        : inbox === 'compliance'
          ? complianceBody(target, environment, flagged)
          : credoBody(target, environment, flagged);
    const method = weighted(random, [
      ['POST', 0.92],
      ['PUT', 0.04],
      ['PATCH', 0.02],
      ['GET', 0.015],
      ['DELETE', 0.005],
    ]);
    const contentType = weighted(random, [
      ['application/json', 0.8],
      ['application/json; charset=utf-8', 0.12],
      ['application/cloudevents+json', 0.04],
      ['text/plain', 0.02],
      ['application/x-www-form-urlencoded', 0.02],
    ]);
    const path = unmatched ? pick(['/webhook', '/api/callback', '/events']) : `/hooks/${inbox}`;
    const url = random() < 0.1 ? `${path}?source=${pick(FILLER)}` : path;
    if (unmatched) inbox = 'default';

    // Svix-signed deliveries carry a message id; ~8% are retries of a recent one.
    let deliveryId = null;
    let attempt = 1;
    if (random() < 0.7) {
      const ids = recent.get(inbox) ?? [];
      const retry = ids.length > 0 && random() < 0.08 ? pick(ids) : null;
      if (retry) {
        deliveryId = retry.id;
        retry.attempt += 1;
        attempt = retry.attempt;
      } else {
        deliveryId = `msg_${id(27)}`;
        ids.push({ id: deliveryId, attempt: 1 });
        if (ids.length > 20) ids.shift();
        recent.set(inbox, ids);
      }
    }
    const receivedAt = Math.round(start + n * step + random() * step);
    const headers = [
      ['Host', '127.0.0.1:4545'],
      [
        'User-Agent',
        pick(['Svix-Webhooks/1.24', 'CredoAI-Webhooks/2.3', 'python-requests/2.32.3', 'Credas/1.0']),
      ],
      ['Content-Length', String(Buffer.byteLength(body))],
      ['Accept', '*/*'],
      ['Content-Type', contentType],
    ];
    if (deliveryId) {
      headers.push(
        ['svix-id', deliveryId],
        ['svix-timestamp', String(Math.floor(receivedAt / 1000))],
        ['svix-signature', `v1,${Buffer.from(id(32)).toString('base64')}`],
      );
    }
    headers.push(['traceparent', `00-${id(32)}-${id(16)}-01`]);
    const status = weighted(random, [
      [200, 0.88],
      [201, 0.03],
      [202, 0.02],
      [204, 0.01],
      [400, 0.02],
      [401, 0.01],
      [404, 0.01],
      [500, 0.015],
      [503, 0.005],
    ]);
    // Inboxes that verify Svix signatures store the check beside the capture (migration 0003).
    let signature = null;
    if (deliveryId && (inbox === 'credo-prod' || inbox === 'credo-sandbox' || inbox === 'svix-play')) {
      const verdict = weighted(random, [
        ['valid', 0.94],
        ['invalid', 0.04],
        ['expired', 0.02],
      ]);
      const expected = `v1,${Buffer.from(id(32)).toString('base64')}`;
      signature = {
        scheme: 'svix',
        verdict,
        reason:
          verdict === 'invalid'
            ? 'No signature in svix-signature matches the secret.'
            : verdict === 'expired'
              ? 'The svix-timestamp is more than 5 minutes away from the receive time.'
              : null,
        cause: verdict === 'invalid' ? 'wrong-secret' : verdict === 'expired' ? 'timestamp' : null,
        detail: {
          signed: {
            prefix: `${deliveryId}.${Math.floor(receivedAt / 1000)}.`,
            suffix: '',
            includesBody: true,
          },
          expected,
          received: verdict === 'valid' ? expected : `v1,${Buffer.from(id(32)).toString('base64')}`,
          secretMasked: 'whsec_…Zk2Q',
          details: verdict === 'valid' ? [] : ['Tried the secret as base64 and as raw bytes.'],
          checkedAt: receivedAt,
        },
      };
    }
    return {
      signature,
      inbox,
      receivedAt,
      method,
      url,
      path,
      headers,
      contentType,
      body: Buffer.from(body),
      remoteAddress:
        random() < 0.8
          ? '127.0.0.1'
          : `::ffff:10.0.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}`,
      durationMs: 0.2 + random() * 5,
      status,
      unmatched,
      deliveryId,
      attempt,
      pinned: random() < 0.0005,
    };
  }
  return { next, stats };
}

/** Creates the data directory's database with the real migrations by starting `hookbench listen` once. */
export async function createSchema(dataDir) {
  mkdirSync(dataDir, { recursive: true });
  const { child } = await startNode(['bin/hookbench.mjs', 'listen', '--port', '0', '--data-dir', dataDir], {
    stdoutFile: join(dataDir, '..', 'schema-listen.out'),
  });
  const code = await stopNode(child);
  if (code !== 0) throw new Error(`hookbench listen exited with ${code} while creating the schema`);
}

/**
 * Fills the history with `count` captures in transactions of `batch` rows (the receiver's writer commits at most
 * 256 per transaction; the full-text index is flushed per transaction, so this shapes it like the real one).
 */
export function fillHistory(databasePath, count, { batch = 256, onProgress = () => {} } = {}) {
  const db = new Database(databasePath);
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const insertInbox = db.prepare(
    "INSERT OR IGNORE INTO inboxes (slug, name, created_at, settings) VALUES (@slug, @name, @createdAt, '{}')",
  );
  for (const [slug] of INBOXES) insertInbox.run({ slug, name: slug, createdAt: Date.now() });
  // Same columns and value forms as CaptureRepository.insertOne; the signature columns only where the schema has
  // them (migration 0003), so the fixture follows the migrations the built CLI applied.
  const columns = new Set(
    db
      .prepare('PRAGMA table_info(captures)')
      .all()
      .map((c) => c.name),
  );
  const withSignature = columns.has('signature_verdict') && columns.has('signature_detail');
  const insert = db.prepare(`INSERT INTO captures
    (inbox, received_at, method, url, path, http_version, headers, content_type, body, body_size, truncated,
     remote_address, duration_ms, response_status, response_headers, response_body, unmatched, delivery_id,
     attempt, pinned, forwarded, replays${withSignature ? ', signature_scheme, signature_verdict, signature_reason, signature_cause, signature_detail' : ''})
    VALUES (@inbox, @receivedAt, @method, @url, @path, '1.1', @headers, @contentType, @body, @bodySize, 0,
     @remoteAddress, @durationMs, @status, '[["Content-Type","application/json"]]', @responseBody, @unmatched,
     @deliveryId, @attempt, @pinned, NULL, '[]'${withSignature ? ', @signatureScheme, @signatureVerdict, @signatureReason, @signatureCause, @signatureDetail' : ''})`);
  const insertFts = db.prepare(
    'INSERT INTO captures_fts (rowid, url, headers, body) VALUES (@id, @url, @headers, @body)',
  );
  const responseBody = Buffer.from('{"received":true}');
  const generator = captureGenerator(count);
  const writeBatch = db.transaction((rows) => {
    for (const c of rows) {
      const { lastInsertRowid } = insert.run({
        inbox: c.inbox,
        receivedAt: c.receivedAt,
        method: c.method,
        url: c.url,
        path: c.path,
        headers: JSON.stringify(c.headers),
        contentType: c.contentType,
        body: c.body,
        bodySize: c.body.length,
        remoteAddress: c.remoteAddress,
        durationMs: c.durationMs,
        status: c.status,
        responseBody,
        unmatched: c.unmatched ? 1 : 0,
        deliveryId: c.deliveryId,
        attempt: c.attempt,
        pinned: c.pinned ? 1 : 0,
        ...(withSignature
          ? {
              signatureScheme: c.signature?.scheme ?? null,
              signatureVerdict: c.signature?.verdict ?? 'unconfigured',
              signatureReason: c.signature?.reason ?? null,
              signatureCause: c.signature?.cause ?? null,
              signatureDetail: c.signature ? JSON.stringify(c.signature.detail) : null,
            }
          : {}),
      });
      insertFts.run({
        id: lastInsertRowid,
        url: c.url,
        headers: c.headers.map(([name, value]) => `${name}: ${value}`).join('\n'),
        body: c.body.toString('utf8'),
      });
    }
  });
  let done = 0;
  for (;;) {
    const rows = [];
    while (rows.length < batch) {
      const capture = generator.next();
      if (capture === null) break;
      rows.push(capture);
    }
    if (rows.length === 0) break;
    writeBatch(rows);
    done += rows.length;
    onProgress(done);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return generator.stats;
}
