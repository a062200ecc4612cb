import type {
  CaptureCheckOutput,
  CheckPayloadInput,
  CheckProgress,
  CheckResult,
  CheckStatusOutput,
  ExpectedEnvelope,
} from '../../../shared/check-models';
import type { CatalogExample } from '../../../shared/catalog-models';
import type { CaptureSummary } from '../../../shared/models';
import type { CaptureRepository } from '../../db/capture-repository';
import { storedCheckOf, type StoredCheck } from '../../db/check-columns';
import type { CheckableCapture, CheckRepository, CheckScope } from '../../db/check-repository';
import type { SettingsRepository } from '../../db/settings-repository';
import type { Catalog } from '../catalog/catalog';
import { HookbenchError } from '../errors';
import { parseBody } from './parse-body';
import { PayloadChecker, type CheckOutcome } from './payload-checker';
import { shapeDiff } from './shape-tree';
import type { BackgroundTask } from '../background/background-work';

/** Bumped when the checker's own rules change, so stored results are re-checked like after a catalogue change. */
export const CHECKER_VERSION = 'c1';
/** Arrivals kept in memory for their check; past this, the rest are checked from the table by a `pending` job. */
const MAX_QUEUED_ARRIVALS = 2000;
/** Captures a background job checks per slice at most. */
const JOB_BATCH = 250;
/** Jobs this small also send `capture:updated` for each capture whose verdict changed. */
const SMALL_JOB = 1000;
const PROGRESS_EVERY_MS = 100;
const VERSION_KEY = 'check_catalog_version';

export interface CheckServiceDeps {
  checks: CheckRepository;
  captures: Pick<CaptureRepository, 'summary'>;
  settings: SettingsRepository;
  /** The catalogue, loaded on first use. */
  catalog: () => Catalog;
  onUpdated: (summary: CaptureSummary) => void;
  onProgress: (progress: CheckProgress) => void;
  /** The prefix and suffix a subscription configured for an inbox and provider, when known. */
  expectedEnvelope?: (inbox: string, provider: string) => ExpectedEnvelope | null;
  report?: (error: unknown) => void;
  now?: () => number;
  jobBatch?: number;
  /** Runs the checks in slices at a lower priority than receiving (the workbench's BackgroundWork). */
  background: { wake(task: BackgroundTask): void };
}

interface Job extends BackgroundTask {
  progress: CheckProgress;
  scope: CheckScope;
  cancelled: boolean;
  /** The last capture id checked. */
  after: number;
  lastReport: number;
  done: Promise<void>;
  finished: () => void;
}

/**
 * Checks every capture against the documented shapes, off the receiver's answer path: the pipeline hands over each
 * committed capture, which is checked in a later slice of background work and stored (one transaction per slice)
 * with a `capture:updated` event. Background jobs re-check the history when the catalogue changes and check captures
 * stored before their check ran (a crash, or a flood that outgrew the in-memory queue), slice by slice. Slices run
 * at a lower priority than receiving (see BackgroundWork).
 */
export class CheckService {
  private queue: CheckableCapture[] = [];
  /** Arrivals were left out of `queue` (a flood): a `pending` job checks them from the table once it is empty. */
  private overflowed = false;
  private closed = false;
  private readonly arrivals: BackgroundTask = {
    step: (max) => {
      this.flush(max);
      if (this.queue.length > 0) return true;
      if (this.overflowed && !this.closed) {
        this.overflowed = false;
        this.start('pending', 'pending');
      }
      return false;
    },
  };
  private job: Job | null = null;
  private checkerFor: { catalog: Catalog; checker: PayloadChecker } | null = null;

  constructor(private readonly deps: CheckServiceDeps) {}

  private get checker(): PayloadChecker {
    const catalog = this.deps.catalog();
    if (this.checkerFor?.catalog !== catalog)
      this.checkerFor = { catalog, checker: new PayloadChecker(catalog) };
    return this.checkerFor.checker;
  }

  /** The version results are stored with: the checker's rules and the loaded catalogue's files. */
  version(): string {
    return `${CHECKER_VERSION}-${this.deps.catalog().version}`;
  }

  private report(error: unknown): void {
    (this.deps.report ?? ((e: unknown) => console.error(e)))(error);
  }

  private outcomeOf(capture: CheckableCapture): CheckOutcome {
    const expected = this.deps.expectedEnvelope;
    return this.checker.check({
      body: capture.body,
      contentType: capture.contentType,
      headers: capture.headers,
      truncated: capture.truncated,
      ...(expected ? { expected: (provider: string) => expected(capture.inbox, provider) } : {}),
    });
  }

  /** One capture's result as stored; a checker failure (a bug) is stored as unidentified rather than retried forever. */
  private checkOne(capture: CheckableCapture, version: string): StoredCheck {
    let result: CheckResult;
    try {
      result = this.outcomeOf(capture).result;
    } catch (error) {
      this.report(error);
      result = {
        provider: null,
        eventType: null,
        verdict: 'unidentified',
        conforms: false,
        findings: [],
        candidates: [],
        identifiedBy: null,
      };
    }
    return storedCheckOf(result, version);
  }

  /**
   * Queues a committed capture (stored with id `id`); it is checked in a later slice (the answer has gone out by
   * then). Only what the check reads is kept, and nothing at all once a flood filled the queue.
   */
  enqueue(id: number, capture: Omit<CheckableCapture, 'id'>): void {
    if (this.closed) return;
    if (this.queue.length < MAX_QUEUED_ARRIVALS) {
      const { inbox, receivedAt, body, contentType, headers, truncated } = capture;
      this.queue.push({ id, inbox, receivedAt, body, contentType, headers, truncated });
    }
    // A flood: stop holding bodies in memory; the capture stays pending in the table.
    else this.overflowed = true;
    this.deps.background.wake(this.arrivals);
  }

  /** Checks and stores up to `limit` queued captures (all by default) in one transaction, then reports them. */
  flush(limit = Infinity): void {
    if (this.queue.length === 0 || this.closed) return;
    const batch = this.queue.splice(0, limit);
    const version = this.version();
    const results = batch.map((capture) => ({ id: capture.id, check: this.checkOne(capture, version) }));
    this.deps.checks.store(results);
    for (const { id } of results) {
      const summary = this.deps.captures.summary(id);
      if (summary) this.deps.onUpdated(summary);
    }
  }

  /**
   * Starts a background job (unless one over the same captures runs): `all` re-checks every capture, `stale` those
   * pending or checked with another catalogue version, `pending` those not checked yet.
   */
  start(kind: CheckScope['kind'], reason: CheckProgress['reason']): { started: boolean; total: number } {
    if (this.closed) return { started: false, total: 0 };
    const version = this.version();
    const running = this.job;
    if (running && !running.cancelled) {
      const same =
        running.scope.kind === kind && (kind !== 'stale' || running.progress.checkedWith === version);
      const covered =
        kind === 'pending' && running.scope.kind === 'stale' && running.progress.checkedWith === version;
      if (same || covered) return { started: false, total: running.progress.total };
      running.cancelled = true;
    }
    const checks = this.deps.checks;
    const upto = checks.maxId();
    const scope: CheckScope =
      kind === 'pending' ? { kind } : kind === 'stale' ? { kind, version } : { kind, upto };
    const total = kind === 'pending' ? checks.pendingCount() : checks.countUpTo(upto);
    let finished = (): void => undefined;
    const done = new Promise<void>((resolve) => (finished = resolve));
    const job: Job = {
      progress: { state: 'running', reason, done: 0, total, changed: 0, checkedWith: version },
      scope,
      cancelled: false,
      after: 0,
      lastReport: 0,
      done,
      finished,
      step: (max) => {
        try {
          const more = this.runJob(job, max);
          if (!more) job.finished();
          return more;
        } catch (error) {
          job.cancelled = true;
          if (this.job === job) this.job = null;
          job.finished();
          this.report(error);
          return false;
        }
      },
    };
    this.job = job;
    this.deps.onProgress({ ...job.progress });
    // The first slice comes later: the caller's answer (and the receiver) go first.
    this.deps.background.wake(job);
    return { started: true, total };
  }

  /** One slice of a job: checks and stores up to `max` captures; false when the job is over. */
  private runJob(job: Job, max: number): boolean {
    if (job.cancelled || this.closed) return false;
    const version = job.progress.checkedWith;
    const batch = this.deps.checks.nextBatch(
      job.scope,
      job.after,
      Math.min(max, this.deps.jobBatch ?? JOB_BATCH),
    );
    if (batch.length > 0) {
      const results = batch.map((capture) => ({ id: capture.id, check: this.checkOne(capture, version) }));
      const changed = this.deps.checks.store(results);
      job.after = batch[batch.length - 1]?.id ?? job.after;
      job.progress.done += batch.length;
      job.progress.total = Math.max(job.progress.total, job.progress.done);
      job.progress.changed += changed.length;
      if (job.progress.total <= SMALL_JOB) {
        for (const id of changed) {
          const summary = this.deps.captures.summary(id);
          if (summary) this.deps.onUpdated(summary);
        }
      }
      const now = performance.now();
      if (now - job.lastReport >= PROGRESS_EVERY_MS) {
        job.lastReport = now;
        this.deps.onProgress({ ...job.progress });
      }
      return true;
    }
    if (job.scope.kind !== 'pending') this.deps.settings.set(VERSION_KEY, version);
    job.progress.state = 'done';
    job.progress.total = job.progress.done;
    if (this.job === job) this.job = null;
    this.deps.onProgress({ ...job.progress });
    // Captures imported or stored meanwhile without a check: one more pass.
    if (this.deps.checks.pendingCount() > this.queue.length) this.start('pending', 'pending');
    return false;
  }

  /**
   * At start: loads the catalogue, then re-checks the history when the catalogue (or the checker) changed since the
   * last complete pass, else checks the captures stored before their check ran.
   */
  resume(): void {
    if (this.closed) return;
    // Loading the catalogue takes a moment: do it now, right after the receiver started listening, rather than on
    // the first capture's check, where it would hold up the answers to the requests that follow.
    const version = this.version();
    if (this.deps.checks.maxId() === 0) return;
    const previous = this.deps.settings.get(VERSION_KEY);
    // Never a complete pass (a history from before checks existed): what is left is pending, not stale.
    if (previous !== version) this.start('stale', previous === undefined ? 'pending' : 'catalog-changed');
    else if (this.deps.checks.pendingCount() > 0) this.start('pending', 'pending');
  }

  /** After a catalogue import or removal: re-check what was checked with the old catalogue. */
  catalogChanged(): void {
    this.start('stale', 'catalog-changed');
  }

  /** Resolves when the running job (if any) has finished, including the jobs it starts. */
  async idle(): Promise<void> {
    while (this.job) await this.job.done;
  }

  status(): CheckStatusOutput {
    const job = this.job && !this.job.cancelled ? { ...this.job.progress } : null;
    return { job, checkedWith: this.version(), pending: this.deps.checks.pendingCount() };
  }

  /** Checks a payload given as text (nothing stored). */
  payload(input: CheckPayloadInput): CheckResult {
    return this.checker.check({
      body: input.body,
      contentType: input.contentType,
      headers: input.headers,
      provider: input.provider,
      event: input.event,
      expected: input.expected,
    }).result;
  }

  /** A capture's check, made again (and stored) when pending or stale, with the shape tree of the diff view. */
  capture(id: number): CaptureCheckOutput {
    const capture = this.deps.checks.checkable(id);
    const stored = this.deps.checks.stored(id);
    if (!capture || !stored) throw new HookbenchError('not_found', `There is no capture with id ${id}.`);
    const version = this.version();
    const outcome = this.outcomeOf(capture);
    if (stored.result === null || stored.checkedWith !== version) {
      this.deps.checks.store([{ id, check: storedCheckOf(outcome.result, version) }]);
      const summary = this.deps.captures.summary(id);
      if (summary) this.deps.onUpdated(summary);
    }
    return { id, receivedAt: capture.receivedAt, checkedWith: version, ...shapeDiff(outcome) };
  }

  /** Keeps a capture's body as an example of its event, labelled observed with the date it was received. */
  promote(captureId: number): { provider: string; eventType: string; example: CatalogExample } {
    const check = this.capture(captureId);
    const { provider, eventType } = check.result;
    if (provider === null || eventType === null) {
      throw new HookbenchError(
        'invalid_input',
        check.result.verdict === 'not-json'
          ? `Capture #${captureId} is not JSON, so it cannot be an example.`
          : `Capture #${captureId} is not identified as a documented event, so it cannot be an example of one.`,
      );
    }
    const capture = this.deps.checks.checkable(captureId);
    const parsed = capture ? parseBody(capture.body, capture) : null;
    if (!capture || !parsed?.ok)
      throw new HookbenchError('invalid_input', `Capture #${captureId} is not JSON.`);
    const example = this.deps
      .catalog()
      .addObservedExample(
        provider,
        eventType,
        parsed.value,
        capture.receivedAt,
        captureId,
        (this.deps.now ?? Date.now)(),
      );
    return { provider, eventType, example };
  }

  /** Stops the running job and drops queued arrivals (they stay pending and are checked at the next start). */
  close(): void {
    this.closed = true;
    if (this.job) {
      this.job.cancelled = true;
      this.job.finished();
    }
    this.job = null;
    this.queue = [];
  }
}
