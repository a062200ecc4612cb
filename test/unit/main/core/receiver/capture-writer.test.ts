import { describe, expect, it } from 'vitest';
import type { CaptureRepository, NewCapture } from '../../../../../src/main/db/capture-repository';
import { CaptureWriter } from '../../../../../src/main/core/receiver/capture-writer';
import type { CaptureSummary } from '../../../../../src/shared/models';

function fakeRepository(fail = false) {
  const batches: NewCapture[][] = [];
  const repo = {
    insertMany(captures: NewCapture[]): CaptureSummary[] {
      batches.push(captures);
      if (fail) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      return captures.map((c, i) => ({ id: i + 1, path: c.path }) as CaptureSummary);
    },
  } as unknown as CaptureRepository;
  return { repo, batches };
}

const capture = (path: string) => ({ path }) as NewCapture;

describe('CaptureWriter', () => {
  it('commits requests of one event-loop turn in one batch and resolves each after the commit', async () => {
    const { repo, batches } = fakeRepository();
    const writer = new CaptureWriter(repo);
    const results = await Promise.all([
      writer.write(capture('/a')),
      writer.write(capture('/b')),
      writer.write(capture('/c')),
    ]);
    expect(batches).toHaveLength(1);
    expect(results.map((r) => r.path)).toEqual(['/a', '/b', '/c']);
  });

  it('splits at the batch size', async () => {
    const { repo, batches } = fakeRepository();
    const writer = new CaptureWriter(repo, 2);
    await Promise.all(['/1', '/2', '/3', '/4', '/5'].map((p) => writer.write(capture(p))));
    expect(batches.map((b) => b.length)).toEqual([2, 2, 1]);
  });

  it('rejects every request of a failed batch so none is acknowledged', async () => {
    const { repo } = fakeRepository(true);
    const writer = new CaptureWriter(repo);
    const outcomes = await Promise.allSettled([writer.write(capture('/a')), writer.write(capture('/b'))]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
  });
});
