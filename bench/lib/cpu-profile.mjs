// Reads a V8 .cpuprofile (node --cpu-prof) and lists where the time went, by function, self time.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ROOT } from './child-process.mjs';

/**
 * The `top` functions by self time, as shares of the time the process was busy (idle excluded: a receiver waits
 * while the other server is measured). Native work (SQLite) counts toward the JavaScript function that called it.
 */
export function topSelfTime(path, top = 15) {
  const profile = JSON.parse(readFileSync(path, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const hits = new Map();
  const deltas = profile.timeDeltas;
  // Attribute each sample's interval to the node that was on top of the stack.
  profile.samples.forEach((id, i) => {
    hits.set(id, (hits.get(id) ?? 0) + (deltas[i + 1] ?? 0));
  });
  let total = 0;
  for (const [id, micros] of hits) if (byId.get(id).callFrame.functionName !== '(idle)') total += micros;
  const byFunction = new Map();
  for (const [id, micros] of hits) {
    const { callFrame } = byId.get(id);
    if (callFrame.functionName === '(idle)') continue;
    const where = callFrame.url
      ? `${relative(ROOT, callFrame.url.replace(/^file:\/\//, ''))}:${callFrame.lineNumber + 1}`
      : '';
    const key = `${callFrame.functionName || '(anonymous)'} ${where}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
  }
  return [...byFunction.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, micros]) => ({ name, share: micros / total, ms: micros / 1000 }));
}
