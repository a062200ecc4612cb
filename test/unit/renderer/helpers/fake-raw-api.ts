import type { RawApi } from '../../../../src/shared/api';
import type { EventChannel } from '../../../../src/shared/channels';
import type { EventPayload } from '../../../../src/shared/contract';
import type { AppSettings, ExportOutput } from '../../../../src/shared/history-models';
import type { Inbox } from '../../../../src/shared/inbox-models';
import type {
  AppInfo,
  CaptureDetail,
  CaptureSummary,
  DownstreamExchange,
  HistoryFilter,
  HistoryListInput,
  Result,
} from '../../../../src/shared/models';
import { appInfo, inbox as inboxFixture } from './fixtures';

type Failable =
  | 'history:list'
  | 'history:get'
  | 'app:info'
  | 'inbox:create'
  | 'inbox:update'
  | 'history:replay'
  | 'history:export'
  | 'history:import'
  | 'settings:update';

/** A `window.hookbench` stand-in backed by an in-memory history, recording calls and able to push events. */
export interface FakeRawApi {
  raw: RawApi;
  /** Captures the fake history holds, any order. */
  captures: CaptureDetail[];
  inboxes: Inbox[];
  info: AppInfo;
  settings: AppSettings;
  /** Every `history:list` input received. */
  listCalls: HistoryListInput[];
  /** Every request by channel, with its input. */
  calls: { channel: string; input: unknown }[];
  /** What `history:replay` answers. */
  replayAnswer: DownstreamExchange | null;
  /** What `history:export` answers. */
  exportAnswer: ExportOutput;
  /** Pushes an event to every subscriber, as the preload would. */
  emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void;
  /** Make the next calls of a channel fail with this error. */
  failing: Partial<Record<Failable, Result<never>>>;
}

/** The summary part of a capture, as `history:list` sends it. */
export function toSummary({
  httpVersion: _h,
  headers: _hs,
  bodyBase64: _b,
  remoteAddress: _r,
  response: _re,
  forwarded: _f,
  replays: _rp,
  verification: _v,
  checkDetail: _c,
  ...rest
}: CaptureDetail): CaptureSummary {
  return rest;
}

/** The fake's version of the core's filter (text matches the URL or the body's base64-decoded text). */
function matches(c: CaptureDetail, f: HistoryFilter): boolean {
  if (f.inbox !== undefined && c.inbox !== f.inbox) return false;
  if (f.method !== undefined && c.method !== f.method.toUpperCase()) return false;
  if (typeof f.status === 'number' && c.status !== f.status) return false;
  if (typeof f.status === 'string' && Math.floor(c.status / 100) !== Number(f.status[0])) return false;
  if (f.contentType && !(c.contentType ?? '').toLowerCase().includes(f.contentType.toLowerCase()))
    return false;
  if (f.pinned !== undefined && c.pinned !== f.pinned) return false;
  if (f.check !== undefined && c.check.verdict !== f.check) return false;
  if (f.from !== undefined && c.receivedAt < f.from) return false;
  if (f.to !== undefined && c.receivedAt > f.to) return false;
  if (f.text && !`${c.url} ${atob(c.bodyBase64)}`.includes(f.text)) return false;
  return true;
}

/** Builds a fake desktop bridge over `captures`. */
export function createFakeRawApi(captures: CaptureDetail[] = [], info: AppInfo = appInfo()): FakeRawApi {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const fake: FakeRawApi = {
    captures,
    inboxes: [inboxFixture('default')],
    info,
    settings: { retention: { maxCaptures: null, maxDays: null } },
    listCalls: [],
    calls: [],
    replayAnswer: null,
    exportAnswer: {
      filename: 'hookbench.ndjson',
      mimeType: 'application/x-ndjson',
      content: '{"id":1}\n',
      count: 1,
    },
    failing: {},
    emit: (event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    raw: undefined as unknown as RawApi,
  };
  const ok = <T>(data: T): Promise<Result<T>> => Promise.resolve({ ok: true, data });
  /** Records the call and answers with the configured failure, if any, else with `answer()`. */
  const handle =
    <I, T>(channel: string, answer: (input: I) => Promise<Result<T>> | Result<T>) =>
    (input: I): Promise<Result<T>> => {
      fake.calls.push({ channel, input });
      const failure = fake.failing[channel as Failable];
      if (failure) return Promise.resolve(failure);
      return Promise.resolve(answer(input));
    };
  const notFound = (message: string) => ({ ok: false, error: { code: 'not_found', message } }) as const;
  const raw = {
    app: { info: handle('app:info', () => ok(fake.info)) },
    receiver: { status: () => ok(fake.info.receiver) },
    settings: {
      get: handle('settings:get', () => ok(fake.settings)),
      update: handle('settings:update', (input: { retention?: Partial<AppSettings['retention']> }) => {
        fake.settings = { retention: { ...fake.settings.retention, ...input.retention } };
        return ok(fake.settings);
      }),
    },
    inbox: {
      list: handle('inbox:list', () => ok(fake.inboxes)),
      create: handle('inbox:create', (input: { slug: string; name?: string }) => {
        const created = inboxFixture(input.slug, { name: input.name ?? input.slug });
        fake.inboxes = [...fake.inboxes, created];
        return ok(created);
      }),
      update: handle(
        'inbox:update',
        (input: { slug: string; name?: string; newSlug?: string; settings?: Inbox['settings'] }) => {
          const current = fake.inboxes.find((i) => i.slug === input.slug);
          if (!current) return notFound(`There is no inbox "${input.slug}".`);
          const updated = {
            ...current,
            slug: input.newSlug ?? current.slug,
            name: input.name ?? current.name,
            settings: input.settings ?? current.settings,
          };
          fake.inboxes = fake.inboxes.map((i) => (i.slug === input.slug ? updated : i));
          return ok(updated);
        },
      ),
      delete: handle('inbox:delete', (input: { slug: string }) => {
        const deletedCaptures = fake.captures.filter((c) => c.inbox === input.slug).length;
        fake.inboxes = fake.inboxes.filter((i) => i.slug !== input.slug);
        fake.captures = fake.captures.filter((c) => c.inbox !== input.slug);
        return ok({ deletedCaptures });
      }),
    },
    history: {
      list: (input: HistoryListInput = {}) => {
        fake.listCalls.push(input);
        return handle('history:list', () => {
          const { limit = 100, beforeId, ...filter } = input;
          const sorted = [...fake.captures].sort((a, b) => b.id - a.id).filter((c) => matches(c, filter));
          const page = sorted.filter((c) => beforeId === undefined || c.id < beforeId).slice(0, limit);
          return ok({ items: page.map(toSummary), total: sorted.length, totalCapped: false });
        })(input);
      },
      get: handle('history:get', ({ id }: { id: number }) => {
        const found = fake.captures.find((c) => c.id === id);
        return found ? ok(found) : notFound(`No capture #${id}.`);
      }),
      attempts: handle('history:attempts', ({ deliveryId }: { deliveryId: string }) =>
        ok(
          fake.captures
            .filter((c) => c.deliveryId === deliveryId)
            .sort((a, b) => a.id - b.id)
            .map(toSummary),
        ),
      ),
      pin: handle('history:pin', ({ id, pinned }: { id: number; pinned: boolean }) => {
        const found = fake.captures.find((c) => c.id === id);
        if (!found) return notFound(`No capture #${id}.`);
        found.pinned = pinned;
        return ok(toSummary(found));
      }),
      delete: handle('history:delete', ({ ids }: { ids: number[] }) => {
        const before = fake.captures.length;
        fake.captures = fake.captures.filter((c) => !ids.includes(c.id));
        return ok({ deleted: before - fake.captures.length });
      }),
      clear: handle('history:clear', (input: { filter?: HistoryFilter; includePinned?: boolean }) => {
        const before = fake.captures.length;
        fake.captures = fake.captures.filter(
          (c) => !matches(c, input.filter ?? {}) || (c.pinned && !input.includePinned),
        );
        return ok({ deleted: before - fake.captures.length });
      }),
      replay: handle('history:replay', (input: { id: number; url: string; method?: string }) =>
        ok(
          fake.replayAnswer ?? {
            at: 0,
            method: input.method ?? 'POST',
            url: input.url,
            status: 202,
            headers: [['content-type', 'text/plain']],
            bodyBase64: btoa('accepted'),
            durationMs: 12,
            error: null,
          },
        ),
      ),
      export: handle('history:export', () => ok(fake.exportAnswer)),
      import: handle('history:import', (input: { content: string }) =>
        ok({ imported: input.content.split('\n').filter((l) => l.trim() !== '').length }),
      ),
    },
    on: (event: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  fake.raw = raw as unknown as RawApi;
  return fake;
}
