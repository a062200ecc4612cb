import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latencyStats, percentile } from '../../../../../src/main/core/fire/bulk-fire';
import { createWorkbench, type Workbench } from '../../../../../src/main/core/workbench';
import type { FireProgress } from '../../../../../src/shared/fire-models';
import { call } from '../../../../helpers/call';
import { startDownstream } from '../../../../helpers/downstream-server';
import { makeTempDir } from '../../../../helpers/temp-dir';

type CredoBody = { data: Record<string, unknown>; type: string };

describe('scenarios and bulk fire', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let wb: Workbench;
  let progress: FireProgress[];
  beforeEach(async () => {
    temp = makeTempDir();
    wb = createWorkbench({ dataDir: temp.dir, mode: 'browser', version: '1.0.0', receiver: { port: 0 } });
    progress = [];
    wb.events.on('fire:progress', (p) => progress.push(p));
    await wb.start();
  });
  afterEach(async () => {
    await wb.close();
    temp.remove();
  });

  it('lists the built-in scenarios', async () => {
    const list = await call(wb, 'scenario:list');
    expect(list.map((s) => [s.id, s.builtin])).toEqual([
      ['compliance-platform-onboarding', true],
      ['credas-process-completed', true],
      ['credo-ai-review', true],
    ]);
  });

  it('runs the Credo AI review with shared ids, in order, with compressed delays', async () => {
    await wb.handlers['inbox:create']({ slug: 'review' });
    const started = Date.now();
    const run = await call(wb, 'scenario:run', {
      id: 'credo-ai-review',
      target: { kind: 'inbox', inbox: 'review' },
      compression: 100,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
    expect(run.ok).toBe(true);
    expect(run.steps.map((s) => s.event)).toEqual([
      'use_case_review_status_updated',
      'use_case_review_task_status_updated',
      'use_case_review_status_updated',
    ]);
    const bodies = run.steps.map((s) => JSON.parse(s.body) as CredoBody);
    expect(bodies.map((b) => [b.data.status, b.data.subStatus])).toEqual([
      ['in_progress', undefined],
      ['done', 'approve'],
      ['completed', undefined],
    ]);
    expect(new Set(bodies.map((b) => b.data.useCaseId)).size).toBe(1);
    expect(new Set(bodies.map((b) => b.data.reviewId)).size).toBe(1);
    expect(bodies[0]?.data.useCaseId).toBe(run.ids.use_case);
    expect(new Set(run.steps.map((s) => s.messageId)).size).toBe(3);
    const list = await wb.handlers['history:list']({ inbox: 'review', limit: 10 });
    expect(list.items).toHaveLength(3);
    const scenarioProgress = progress.filter((p) => p.runId === run.runId);
    expect(scenarioProgress.map((p) => [p.state, p.done])).toEqual([
      ['running', 1],
      ['running', 2],
      ['running', 3],
      ['done', 3],
    ]);
  });

  it('fills shared placeholder ids in the onboarding scenario', async () => {
    const down = await startDownstream(() => ({ status: 202 }));
    try {
      const run = await call(wb, 'scenario:run', {
        id: 'compliance-platform-onboarding',
        target: { kind: 'url', url: `${down.url}/onboarding` },
        compression: 1000,
      });
      const bodies = down.seen.map((r) => JSON.parse(r.body.toString()) as Record<string, string>);
      expect(bodies.map((b) => b.event_type)).toEqual([
        'onboarding.created',
        'onboarding.ddq_completed',
        'onboarding.verification_completed',
        'onboarding.completed',
      ]);
      expect(new Set(bodies.map((b) => b.onboarding_session_id))).toEqual(
        new Set([run.ids.onboarding_session]),
      );
      expect(run.ids.entity).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await down.close();
    }
  });

  it('saves, lists and deletes user scenarios, and checks their events', async () => {
    const saved = await call(wb, 'scenario:save', {
      id: 'my-comment',
      name: 'A comment then a deletion',
      provider: 'credo-ai',
      steps: [
        { event: 'use_case_review_comment', set: { '/data/comment': 'Ready for {{id:use_case}}' } },
        { event: 'use_case_review_task_deleted', delayMs: 10 },
      ],
    });
    expect(saved.builtin).toBe(false);
    expect((await call(wb, 'scenario:list')).map((s) => s.id)).toContain('my-comment');
    const down = await startDownstream(() => ({ status: 200 }));
    try {
      const run = await call(wb, 'scenario:run', {
        id: 'my-comment',
        target: { kind: 'url', url: down.url },
      });
      const first = JSON.parse(run.steps[0]?.body ?? '{}') as CredoBody;
      expect(first.data.comment).toBe(`Ready for ${first.data.useCaseId as string}`);
    } finally {
      await down.close();
    }
    await expect(
      call(wb, 'scenario:save', {
        id: 'bad',
        name: 'Bad',
        provider: 'credo-ai',
        steps: [{ event: 'use_case_review_coment' }],
      }),
    ).rejects.toThrow(/steps\.0\.event: .*use_case_review_comment/);
    await expect(call(wb, 'scenario:save', { ...saved, id: 'credo-ai-review' })).rejects.toThrow(/built-in/);
    expect(await call(wb, 'scenario:delete', { id: 'my-comment' })).toEqual({ deleted: true });
    expect(await call(wb, 'scenario:delete', { id: 'my-comment' })).toEqual({ deleted: false });
  });

  it('computes nearest-rank percentiles', () => {
    const sorted = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99)]).toEqual([50, 95, 99]);
    expect(percentile(new Float64Array(0), 50)).toBe(0);
    expect(latencyStats(Float64Array.from([3, 1, 2]))).toEqual({
      min: 1,
      p50: 2,
      p95: 3,
      p99: 3,
      max: 3,
      mean: 2,
    });
  });

  it('bulk fires N events at concurrency C and counts answers, errors and percentiles', async () => {
    let n = 0;
    const down = await startDownstream(() => {
      n++;
      return { status: n % 10 === 0 ? 500 : 200 };
    });
    try {
      const result = await call(wb, 'fire:bulk', {
        provider: 'credo-ai',
        event: 'use_case_custom_field_updated',
        target: { kind: 'url', url: `${down.url}/load` },
        count: 200,
        concurrency: 8,
        sign: { scheme: 'svix', secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' },
      });
      expect(result).toMatchObject({ sent: 200, ok: 180, errors: 20, cancelled: false });
      expect(result.statusCounts).toEqual({ 200: 180, 500: 20 });
      expect(result.errorMessages).toEqual([{ message: 'HTTP 500', count: 20 }]);
      const l = result.latencyMs;
      expect(l.min).toBeLessThanOrEqual(l.p50);
      expect(l.p50).toBeLessThanOrEqual(l.p95);
      expect(l.p95).toBeLessThanOrEqual(l.p99);
      expect(l.p99).toBeLessThanOrEqual(l.max);
      expect(result.requestsPerSecond).toBeGreaterThan(0);
      const ids = down.seen.map(
        (r) => r.rawHeaders[r.rawHeaders.findIndex((h) => h.toLowerCase() === 'svix-id') + 1],
      );
      expect(new Set(ids).size).toBe(200);
      expect(down.seen.every((r) => r.rawHeaders.some((h) => /^v1,/.test(h)))).toBe(true);
      const last = progress.filter((p) => p.kind === 'bulk').at(-1);
      expect(last).toMatchObject({ state: 'done', done: 200, total: 200, ok: 180, errors: 20 });
    } finally {
      await down.close();
    }
  });

  it('counts requests that get no answer', async () => {
    const result = await call(wb, 'fire:bulk', {
      provider: 'credas',
      event: 'process.completed',
      target: { kind: 'url', url: 'http://127.0.0.1:9/none' },
      count: 5,
      concurrency: 2,
      timeoutMs: 1000,
    });
    expect(result).toMatchObject({ sent: 5, ok: 0, errors: 5 });
    expect(result.statusCounts).toEqual({ none: 5 });
    expect(result.errorMessages[0]?.message).toMatch(/refused|closed|ECONNREFUSED/);
  });
});
