import { describe, expect, it } from 'vitest';
import { mergeCaptures } from '../../../../../src/renderer/src/stores/inbox/merge-captures';
import { summary } from '../../helpers/fixtures';

const ids = (list: { id: number }[]) => list.map((c) => c.id);
const make = (...list: number[]) => list.map((id) => summary(id));

describe('mergeCaptures', () => {
  it('appends an older page', () => {
    expect(ids(mergeCaptures(make(9, 8), make(7, 6)))).toEqual([9, 8, 7, 6]);
  });

  it('prepends newer captures, sorting them newest first', () => {
    expect(ids(mergeCaptures(make(5, 4), make(6, 8, 7)))).toEqual([8, 7, 6, 5, 4]);
  });

  it('drops duplicates when pages overlap, keeping the incoming copy', () => {
    const updated = summary(8, { status: 500 });
    const merged = mergeCaptures(make(10, 9, 8), [updated, summary(7), summary(9)]);
    expect(ids(merged)).toEqual([10, 9, 8, 7]);
    expect(merged[2]).toBe(updated);
  });

  it('interleaves when the ranges cross and dedupes within the input', () => {
    expect(ids(mergeCaptures(make(10, 6, 2), make(8, 4, 8)))).toEqual([10, 8, 6, 4, 2]);
    expect(ids(mergeCaptures([], make(3, 3, 1)))).toEqual([3, 1]);
  });

  it('returns a new array, never mutating its inputs', () => {
    const existing = make(2, 1);
    const merged = mergeCaptures(existing, []);
    expect(merged).not.toBe(existing);
    expect(ids(existing)).toEqual([2, 1]);
  });
});
