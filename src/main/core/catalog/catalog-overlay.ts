import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { CatalogExample } from '../../../shared/catalog-models';
import type { LoadedProvider } from './load-catalog-document';

/**
 * The user's additions to the catalogue that are not provider files: examples promoted from captures, labelled
 * observed with the date they were received. Kept in one JSON file in the data directory (outside the folder of
 * imported specs, which loads every `.json` in it as OpenAPI) and applied to the loaded events at every reload.
 */

const observedExample = z.object({
  provider: z.string(),
  event: z.string(),
  name: z.string(),
  receivedAt: z.number().int(),
  captureId: z.number().int().nullable(),
  promotedAt: z.number().int(),
  value: z.unknown(),
});
export type ObservedExample = z.infer<typeof observedExample>;

const overlayFile = z.object({ version: z.literal(1), examples: z.array(observedExample) });

/** Where the overlay is kept in a data directory. */
export function catalogOverlayPath(dataDir: string): string {
  return join(dataDir, 'catalog-overlay.json');
}

/** The overlay's examples; a missing file is empty, an unreadable one is reported and ignored. */
export function readOverlay(path: string | null, problems: string[]): ObservedExample[] {
  if (!path || !existsSync(path)) return [];
  try {
    const parsed = overlayFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (parsed.success) return parsed.data.examples;
    problems.push(`${path}: not a Hookbench catalogue overlay; its observed examples are ignored`);
  } catch (error) {
    problems.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return [];
}

/** Saves the overlay atomically (a reader sees the old file or the whole new one). */
export function writeOverlay(path: string, examples: readonly ObservedExample[]): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ version: 1, examples }, null, 2)}\n`);
  renameSync(temp, path);
}

/** The example as the catalogue lists it: labelled observed, with the capture and the date it was received. */
export function toCatalogExample(example: ObservedExample): CatalogExample {
  const day = new Date(example.receivedAt).toISOString();
  const capture = example.captureId === null ? '' : ` (capture #${example.captureId})`;
  return {
    name: example.name,
    summary: `Observed: received ${day.slice(0, 10)} ${day.slice(11, 19)} UTC${capture}`,
    value: example.value,
    source: {
      document: 'observed',
      ...(example.captureId === null ? {} : { section: `capture #${example.captureId}` }),
      title: `Received ${day}`,
    },
    observedAt: example.receivedAt,
  };
}

/** Appends the overlay's examples to their events (after the documented ones); unknown events are skipped. */
export function applyOverlay(
  providers: ReadonlyMap<string, LoadedProvider>,
  examples: readonly ObservedExample[],
): void {
  for (const example of examples) {
    const event = providers.get(example.provider)?.byName.get(example.event);
    event?.info.examples.push(toCatalogExample(example));
  }
}
