import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatClock,
  formatCount,
  formatDuration,
  formatTimestamp,
  pluralize,
  shortContentType,
  statusClass,
} from '../../../../src/renderer/src/lib/format';

describe('format', () => {
  it('shows the local clock as HH:MM:SS and a full timestamp with milliseconds', () => {
    const at = new Date(2025, 0, 9, 7, 5, 3, 42).getTime();
    expect(formatClock(at)).toBe('07:05:03');
    expect(formatTimestamp(at)).toBe('2025-01-09 07:05:03.042');
  });

  it('shows sizes in B, KB and MB with at most one decimal', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024)).toBe('1 KB');
    expect(formatBytes(1229)).toBe('1.2 KB');
    expect(formatBytes(150 * 1024)).toBe('150 KB');
    expect(formatBytes(5 * 1024 * 1024 + 300 * 1024)).toBe('5.3 MB');
  });

  it('shows durations with a decimal only below one millisecond', () => {
    expect(formatDuration(0.42)).toBe('0.4 ms');
    expect(formatDuration(3.4)).toBe('3 ms');
    expect(formatDuration(1234)).toBe('1.2 s');
  });

  it('groups thousands and pluralizes', () => {
    expect(formatCount(100000)).toBe('100,000');
    expect(pluralize(1, 'capture')).toBe('1 capture');
    expect(pluralize(1204, 'capture')).toBe('1,204 captures');
  });

  it('shortens content types for the list column', () => {
    expect(shortContentType('application/json; charset=utf-8')).toBe('json');
    expect(shortContentType('application/cloudevents+json')).toBe('json');
    expect(shortContentType('text/plain')).toBe('text');
    expect(shortContentType('text/html')).toBe('html');
    expect(shortContentType('application/x-www-form-urlencoded')).toBe('form');
    expect(shortContentType('application/octet-stream')).toBe('binary');
    expect(shortContentType('Application/XML')).toBe('xml');
    expect(shortContentType(null)).toBe('—');
  });

  it('classifies statuses for colouring', () => {
    expect(statusClass(200)).toBe('success');
    expect(statusClass(302)).toBe('redirect');
    expect(statusClass(413)).toBe('client-error');
    expect(statusClass(503)).toBe('server-error');
  });
});
