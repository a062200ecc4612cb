import { afterEach, describe, expect, it } from 'vitest';
import { BackgroundWork, type BackgroundTask } from '../../../../../src/main/core/background/background-work';
import { eventually } from '../../../../helpers/downstream-server';

/** A task with `items` to do; records the size of each slice it was given. */
function countingTask(items: number): BackgroundTask & { left: number; slices: number[] } {
  const task = {
    left: items,
    slices: [] as number[],
    step(max: number): boolean {
      task.slices.push(max);
      task.left -= Math.min(max, task.left);
      return task.left > 0;
    },
  };
  return task;
}

describe('BackgroundWork', () => {
  let work: BackgroundWork;
  afterEach(() => work.close());

  it('runs waiting work in large slices, one turn of the event loop apart, while the loop has room', async () => {
    work = new BackgroundWork({ load: () => 0.1, idleItems: 100, busyItems: 5 });
    const task = countingTask(250);
    work.wake(task);
    // Never inside wake(): the caller (the receiver answering) goes first.
    expect(task.slices).toEqual([]);
    await eventually(() => expect(task.left).toBe(0));
    expect(task.slices).toEqual([100, 100, 100]);
    expect(work.pending).toBe(false);
    expect(work.throttled).toBe(false);
  });

  it('gives small slices with pauses while the loop is busy, and speeds up when the load drops', async () => {
    let load = 0.95;
    work = new BackgroundWork({ load: () => load, idleItems: 100, busyItems: 5, busyPauseMs: 30 });
    const task = countingTask(1000);
    work.wake(task);
    expect(work.throttled).toBe(true);
    await eventually(() => expect(task.slices.length).toBeGreaterThanOrEqual(2));
    // Slices of 5 items with a pause between them: most of the work waits for the flood to end.
    expect(new Set(task.slices)).toEqual(new Set([5]));
    expect(task.left).toBeGreaterThan(900);
    load = 0.05;
    await eventually(() => expect(task.left).toBe(0));
    expect(task.slices.at(-1)).toBe(100);
  });

  it('keeps serving other tasks when one fails, and reports the failure', async () => {
    const reported: unknown[] = [];
    work = new BackgroundWork({ load: () => 0, report: (e) => reported.push(e) });
    const failing: BackgroundTask = {
      step: () => {
        throw new Error('disk I/O error');
      },
    };
    const task = countingTask(10);
    work.wake(failing);
    work.wake(task);
    await eventually(() => expect(task.left).toBe(0));
    expect(reported).toEqual([new Error('disk I/O error')]);
    expect(work.pending).toBe(false);
  });

  it('runs nothing after close (waiting work stays with its task for the next start)', async () => {
    work = new BackgroundWork({ load: () => 0 });
    const task = countingTask(10);
    work.wake(task);
    work.close();
    work.wake(task);
    await new Promise((r) => setTimeout(r, 20));
    expect(task.slices).toEqual([]);
  });

  it('measures the event loop itself by default, leaving out its own slices', async () => {
    work = new BackgroundWork({ idleItems: 1 });
    // Each slice burns 5 ms: its own time must not make the scheduler think the loop is busy.
    const task: BackgroundTask & { left: number } = {
      left: 30,
      step() {
        const end = performance.now() + 5;
        while (performance.now() < end);
        task.left -= 1;
        return task.left > 0;
      },
    };
    work.wake(task);
    await eventually(() => expect(task.left).toBe(0), 5_000);
    expect(work.throttled).toBe(false);
  });

  it('sees a receiver crowded out by its slices as busy, and throttles itself', async () => {
    work = new BackgroundWork({ busyPauseMs: 20 });
    // The "receiver": 3 ms of work every turn it gets, for as long as the test runs.
    let receiving = true;
    const receiver = (): void => {
      const end = performance.now() + 3;
      while (performance.now() < end);
      if (receiving) setImmediate(receiver);
    };
    setImmediate(receiver);
    const task: BackgroundTask = {
      step() {
        const end = performance.now() + 1;
        while (performance.now() < end);
        return true;
      },
    };
    try {
      work.wake(task);
      await eventually(() => expect(work.throttled).toBe(true), 5_000);
    } finally {
      receiving = false;
    }
  });
});
