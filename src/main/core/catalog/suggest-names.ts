/** Levenshtein distance with adjacent transpositions (optimal string alignment), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const rows: number[][] = Array.from({ length: s.length + 1 }, (_, i) =>
    Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= s.length; i++) {
    const row = rows[i] as number[];
    const prev = rows[i - 1] as number[];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = best;
    }
  }
  return (rows[s.length] as number[])[t.length] as number;
}

/**
 * The `limit` names nearest to `query` by edit distance, nearest first; a name that contains the query (or is
 * contained in it) counts as near, so `review_comment` finds `use_case_review_comment`.
 */
export function nearestNames(query: string, names: Iterable<string>, limit = 3): string[] {
  const q = query.toLowerCase();
  const scored = [...new Set(names)].map((name) => {
    const n = name.toLowerCase();
    const distance = editDistance(q, n);
    const contains = q.length >= 3 && (n.includes(q) || q.includes(n));
    return { name, score: contains ? Math.min(distance, Math.abs(n.length - q.length) / 4) : distance };
  });
  scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
  return scored.slice(0, limit).map((s) => s.name);
}
