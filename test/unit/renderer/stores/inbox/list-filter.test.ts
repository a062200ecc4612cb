import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTER,
  isFiltered,
  matchesFilter,
  toHistoryFilter,
} from '../../../../../src/renderer/src/stores/inbox/list-filter';
import { BASE_TIME, summary } from '../../helpers/fixtures';

describe('list filter', () => {
  it('turns what the user set into a history:list filter, resolving "last N minutes" against now', () => {
    expect(toHistoryFilter(EMPTY_FILTER, BASE_TIME)).toEqual({});
    expect(isFiltered(EMPTY_FILTER)).toBe(false);
    const filter = {
      ...EMPTY_FILTER,
      inbox: 'stripe',
      method: 'post',
      status: '4xx' as const,
      contentType: 'json',
      time: { kind: 'last' as const, minutes: 15 },
      text: '  invoice paid ',
      pinned: true,
    };
    expect(toHistoryFilter(filter, BASE_TIME)).toEqual({
      inbox: 'stripe',
      method: 'POST',
      status: '4xx',
      contentType: 'json',
      from: BASE_TIME - 15 * 60_000,
      text: 'invoice paid',
      pinned: true,
    });
    expect(toHistoryFilter({ ...EMPTY_FILTER, time: { kind: 'between', from: 5, to: 9 } }, 0)).toEqual({
      from: 5,
      to: 9,
    });
    expect(isFiltered({ ...EMPTY_FILTER, text: '   ' })).toBe(false);
  });

  it('matches captures on inbox, method, status (exact and class), content type, time and pinned', () => {
    const capture = summary(1, {
      inbox: 'stripe',
      method: 'POST',
      status: 404,
      contentType: 'Application/JSON; charset=utf-8',
    });
    expect(matchesFilter(capture, {})).toBe(true);
    expect(matchesFilter(capture, { inbox: 'stripe' })).toBe(true);
    expect(matchesFilter(capture, { inbox: 'default' })).toBe(false);
    expect(matchesFilter(capture, { method: 'post' })).toBe(true);
    expect(matchesFilter(capture, { method: 'PUT' })).toBe(false);
    expect(matchesFilter(capture, { status: 404 })).toBe(true);
    expect(matchesFilter(capture, { status: 400 })).toBe(false);
    expect(matchesFilter(capture, { status: '4xx' })).toBe(true);
    expect(matchesFilter(capture, { status: '2xx' })).toBe(false);
    expect(matchesFilter(capture, { contentType: 'json' })).toBe(true);
    expect(matchesFilter(capture, { contentType: 'xml' })).toBe(false);
    expect(matchesFilter({ ...capture, contentType: null }, { contentType: 'json' })).toBe(false);
    expect(matchesFilter(capture, { from: capture.receivedAt, to: capture.receivedAt })).toBe(true);
    expect(matchesFilter(capture, { from: capture.receivedAt + 1 })).toBe(false);
    expect(matchesFilter(capture, { to: capture.receivedAt - 1 })).toBe(false);
    expect(matchesFilter(capture, { pinned: true })).toBe(false);
    expect(matchesFilter({ ...capture, pinned: true }, { pinned: true })).toBe(true);
    // Text is for the full-text index: it never excludes a capture here.
    expect(matchesFilter(capture, { text: 'anything' })).toBe(true);
  });
});
