import type { CaptureSummary } from '../../../../shared/models';

/**
 * Merges captures into a newest-first list, each id once (the incoming copy wins). The common cases, an older
 * page appended or new captures prepended, cost one concatenation; only overlapping input pays for a sort.
 */
export function mergeCaptures(
  existing: readonly CaptureSummary[],
  incoming: readonly CaptureSummary[],
): CaptureSummary[] {
  if (incoming.length === 0) return existing.slice();
  const sorted = [...incoming].sort((a, b) => b.id - a.id);
  const newestIncoming = sorted[0]?.id ?? 0;
  const oldestIncoming = sorted[sorted.length - 1]?.id ?? 0;
  const newestExisting = existing[0]?.id;
  const oldestExisting = existing[existing.length - 1]?.id;
  const unique = sorted.filter((c, i) => i === 0 || sorted[i - 1]?.id !== c.id);
  if (newestExisting === undefined || oldestExisting === undefined) return unique;
  if (newestIncoming < oldestExisting) return [...existing, ...unique];
  if (oldestIncoming > newestExisting) return [...unique, ...existing];
  const byId = new Map<number, CaptureSummary>();
  for (const capture of existing) byId.set(capture.id, capture);
  for (const capture of unique) byId.set(capture.id, capture);
  return [...byId.values()].sort((a, b) => b.id - a.id);
}
