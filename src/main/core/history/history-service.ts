import {
  appSettings,
  DEFAULT_APP_SETTINGS,
  type AppSettings,
  type ExportInput,
  type ExportOutput,
  type HistoryChanged,
  type ReplayInput,
} from '../../../shared/history-models';
import type {
  CaptureDetail,
  CaptureSummary,
  DownstreamExchange,
  HeaderPair,
  HistoryFilter,
} from '../../../shared/models';
import type { ResignInput } from '../../../shared/signature-models';
import type { CaptureRepository } from '../../db/capture-repository';
import type { SettingsRepository } from '../../db/settings-repository';
import { HookbenchError } from '../errors';
import { sendDownstream } from '../forward/send-downstream';
import { exportHistory } from './export-history';
import { parseNdjsonImport } from './import-history';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface HistoryServiceDeps {
  captures: CaptureRepository;
  settings: SettingsRepository;
  onChanged: (change: HistoryChanged) => void;
  onUpdated: (capture: CaptureSummary) => void;
  now?: () => number;
  /** The app version, named in HAR exports. */
  version?: string;
  /** Signs a replay again (fresh timestamp and signature) for the capture's inbox. */
  resign?: (inbox: string, headers: readonly HeaderPair[], body: Buffer, input: ResignInput) => HeaderPair[];
}

/** Reading, pinning, deleting, replaying, exporting and importing captures; retention. */
export class HistoryService {
  constructor(private readonly deps: HistoryServiceDeps) {}

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  get(id: number): CaptureDetail {
    const capture = this.deps.captures.get(id);
    if (!capture) throw new HookbenchError('not_found', `There is no capture with id ${id}.`);
    return capture;
  }

  pin(id: number, pinned: boolean): CaptureSummary {
    if (!this.deps.captures.setPinned(id, pinned)) {
      throw new HookbenchError('not_found', `There is no capture with id ${id}.`);
    }
    const summary = this.deps.captures.summary(id) as CaptureSummary;
    this.deps.onUpdated(summary);
    return summary;
  }

  delete(ids: readonly number[]): number {
    const deleted = this.deps.captures.delete(ids);
    if (deleted > 0) this.deps.onChanged({ reason: 'deleted', count: deleted });
    return deleted;
  }

  clear(filter: HistoryFilter, includePinned: boolean): number {
    const deleted = this.deps.captures.clear(filter, includePinned);
    this.deps.onChanged({ reason: 'cleared', count: deleted });
    return deleted;
  }

  /**
   * Resends a capture as captured, or with the edits given, and stores the answer beside it. With `resign`, the
   * signature headers are made anew (fresh timestamp); without it the bytes and headers go out untouched.
   */
  async replay(input: ReplayInput): Promise<DownstreamExchange> {
    const capture = this.get(input.id);
    const body = Buffer.from(input.bodyBase64 ?? capture.bodyBase64, 'base64');
    let headers = input.headers ?? capture.headers;
    if (input.resign) {
      if (!this.deps.resign)
        throw new HookbenchError('unavailable', 'Re-signing replays is not available here.');
      headers = this.deps.resign(capture.inbox, headers, body, input.resign);
    }
    const exchange = await sendDownstream({
      method: (input.method ?? capture.method).toUpperCase(),
      url: input.url,
      headers,
      body,
      timeoutMs: input.timeoutMs,
    });
    this.recordDownstream(input.id, exchange, 'replay');
    return exchange;
  }

  /** Stores a forward or replay result beside its capture and tells the UI. */
  recordDownstream(id: number, exchange: DownstreamExchange, kind: 'forward' | 'replay'): void {
    if (kind === 'forward') this.deps.captures.setForwarded(id, exchange);
    else this.deps.captures.addReplay(id, exchange);
    const summary = this.deps.captures.summary(id);
    if (summary) this.deps.onUpdated(summary);
  }

  export(input: ExportInput): ExportOutput {
    const { content, count } = exportHistory(this.deps.captures.iterate(input.filter), input.format, {
      redact: input.redact,
      now: this.now(),
      ...(this.deps.version === undefined ? {} : { version: this.deps.version }),
    });
    const stamp = new Date(this.now()).toISOString().replace(/[:.]/g, '-');
    return input.format === 'har'
      ? { filename: `hookbench-${stamp}.har`, mimeType: 'application/json', content, count }
      : { filename: `hookbench-${stamp}.ndjson`, mimeType: 'application/x-ndjson', content, count };
  }

  /**
   * Imports an NDJSON export all-or-nothing: a bad line names itself and nothing is stored. Captures keep their
   * inbox: `ensureInbox` creates a missing one and says whether it exists now (else the capture goes to `default`,
   * marked unmatched).
   */
  import(content: string, filename: string, ensureInbox: (slug: string) => boolean): number {
    const parsed = parseNdjsonImport(content, filename);
    const usable = new Map<string, boolean>();
    const captures = parsed.map((c) => {
      let ok = usable.get(c.inbox);
      if (ok === undefined) {
        ok = ensureInbox(c.inbox);
        usable.set(c.inbox, ok);
      }
      return ok ? c : { ...c, inbox: 'default', unmatched: true };
    });
    this.deps.captures.insertMany(captures);
    this.deps.onChanged({ reason: 'imported', count: captures.length });
    return captures.length;
  }

  settings(): AppSettings {
    const parsed = appSettings.safeParse(this.deps.settings.get('app'));
    return parsed.success ? parsed.data : DEFAULT_APP_SETTINGS;
  }

  updateSettings(changes: { retention?: Partial<AppSettings['retention']> }): AppSettings {
    const current = this.settings();
    const next: AppSettings = { retention: { ...current.retention, ...changes.retention } };
    this.deps.settings.set('app', next);
    this.applyRetention();
    return next;
  }

  /** Deletes what the retention setting no longer keeps (never pinned captures). */
  applyRetention(): number {
    const { maxCaptures, maxDays } = this.settings().retention;
    if (maxCaptures === null && maxDays === null) return 0;
    const deleted = this.deps.captures.applyRetention(
      maxCaptures,
      maxDays === null ? null : maxDays * DAY_MS,
      this.now(),
    );
    if (deleted > 0) this.deps.onChanged({ reason: 'retention', count: deleted });
    return deleted;
  }
}
