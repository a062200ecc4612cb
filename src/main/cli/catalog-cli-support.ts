import { Catalog, UnknownEventError, type FoundEvent } from '../core/catalog/catalog';
import { defaultCatalogDir, userCatalogDir } from '../core/catalog/catalog-paths';
import { catalogOverlayPath } from '../core/catalog/catalog-overlay';
import { CatalogFileError } from '../core/catalog/parse-catalog-text';
import { HookbenchError } from '../core/errors';
import { defaultDataDir } from '../core/paths';
import { CommandError, UsageError, type CliIo } from './cli-io';

/**
 * The catalogue as the CLI sees it: the shipped files plus those imported into the data directory. Opening it needs
 * no database, so `catalog` and `trigger` run beside the app or `hookbench serve`.
 */
export function openCatalog(io: CliIo, dataDir: string | undefined): Catalog {
  try {
    const dir = dataDir ?? defaultDataDir(io.env);
    return new Catalog({
      builtinDir: io.catalogDir ?? defaultCatalogDir(),
      userDir: userCatalogDir(dir),
      overlayFile: catalogOverlayPath(dir),
    });
  } catch (error) {
    if (error instanceof CatalogFileError)
      throw new CommandError(`the shipped catalogue is broken: ${error.message}`);
    throw error;
  }
}

/**
 * Finds an event for a command line: an unknown name (or provider) is a usage error that lists the nearest
 * documented names, so `hookbench trigger use_case_review_coment` says what was meant.
 */
export function requireEvent(
  catalog: Catalog,
  name: string,
  provider: string | undefined,
  command: string,
): FoundEvent {
  try {
    return catalog.findEvent(name, provider);
  } catch (error) {
    if (error instanceof UnknownEventError) {
      const names = error.suggestions.map((n) => `"${n}"`);
      const hint =
        names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1] ?? ''}` : names[0];
      throw new UsageError(
        `${provider ? `${provider} documents no event` : 'No provider documents an event'} "${error.query}"${hint ? `; did you mean ${hint}` : ''}`,
        command,
      );
    }
    if (error instanceof HookbenchError) throw new UsageError(error.message.replace(/\.$/, ''), command);
    throw error;
  }
}

/** A provider for `--provider`; an unknown id is a usage error naming the known ones. */
export function requireProvider(catalog: Catalog, id: string, command: string): ReturnType<Catalog['get']> {
  try {
    return catalog.get(id);
  } catch (error) {
    if (error instanceof HookbenchError) throw new UsageError(error.message.replace(/\.$/, ''), command);
    throw error;
  }
}

/** Lines aligned in columns (two spaces apart), the last column left ragged. */
export function columns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}
