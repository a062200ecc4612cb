import type { RawApi } from '../../../../src/shared/api';
import type { EventChannel } from '../../../../src/shared/channels';
import type { EventPayload } from '../../../../src/shared/contract';
import type { AppInfo, CaptureDetail, HistoryListInput, Result } from '../../../../src/shared/models';
import { appInfo } from './fixtures';

/** A `window.hookbench` stand-in backed by an in-memory history, recording calls and able to push events. */
export interface FakeRawApi {
  raw: RawApi;
  /** Captures the fake history holds, any order. */
  captures: CaptureDetail[];
  info: AppInfo;
  /** Every `history:list` input received. */
  listCalls: HistoryListInput[];
  /** Pushes an event to every subscriber, as the preload would. */
  emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void;
  /** Make the next calls of a channel fail with this error. */
  failing: Partial<Record<'history:list' | 'history:get' | 'app:info', Result<never>>>;
}

/** Builds a fake desktop bridge over `captures`. */
export function createFakeRawApi(captures: CaptureDetail[] = [], info: AppInfo = appInfo()): FakeRawApi {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const fake: FakeRawApi = {
    captures,
    info,
    listCalls: [],
    failing: {},
    emit: (event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    raw: undefined as unknown as RawApi,
  };
  const ok = <T>(data: T): Promise<Result<T>> => Promise.resolve({ ok: true, data });
  const raw = {
    app: {
      info: () => (fake.failing['app:info'] ? Promise.resolve(fake.failing['app:info']) : ok(fake.info)),
    },
    receiver: { status: () => ok(fake.info.receiver) },
    history: {
      list: (input: HistoryListInput = {}) => {
        fake.listCalls.push(input);
        if (fake.failing['history:list']) return Promise.resolve(fake.failing['history:list']);
        const limit = input.limit ?? 100;
        const sorted = [...fake.captures].sort((a, b) => b.id - a.id);
        const page = sorted
          .filter((c) => input.beforeId === undefined || c.id < input.beforeId)
          .slice(0, limit);
        // Summaries only, as the real core sends: strip the detail fields.
        const items = page.map(
          ({
            httpVersion: _h,
            headers: _hs,
            bodyBase64: _b,
            remoteAddress: _r,
            durationMs: _d,
            response: _re,
            forwarded: _f,
            replays: _rp,
            ...rest
          }) => rest,
        );
        return ok({ items, total: sorted.length, totalCapped: false });
      },
      get: ({ id }: { id: number }) => {
        if (fake.failing['history:get']) return Promise.resolve(fake.failing['history:get']);
        const found = fake.captures.find((c) => c.id === id);
        return found
          ? ok(found)
          : Promise.resolve({
              ok: false,
              error: { code: 'not_found', message: `No capture #${id}.` },
            } as const);
      },
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
