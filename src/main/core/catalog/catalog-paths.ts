import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shipped catalogue folder (`resources/catalog`), found by walking up from this module: it sits beside `src/`
 * in a checkout and beside `out/` in a build, so the same lookup works for tests, the CLI and the app.
 */
export function defaultCatalogDir(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'resources', 'catalog');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return join(process.cwd(), 'resources', 'catalog');
}

/** Where a user's imported provider files are kept in a data directory. */
export function userCatalogDir(dataDir: string): string {
  return join(dataDir, 'catalog');
}

/** Where a user's saved scenarios are kept in a data directory. */
export function userScenarioDir(dataDir: string): string {
  return join(dataDir, 'scenarios');
}
