import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  providerSummary,
  type CatalogImportOutput,
  type ProviderSummary,
} from '../../../shared/catalog-models';
import { HookbenchError } from '../errors';
import {
  applyOverlay,
  readOverlay,
  toCatalogExample,
  writeOverlay,
  type ObservedExample,
} from './catalog-overlay';
import { identifyPayload, parseComposedType, type IdentifiedEvent } from './identify-event';
import { loadCatalogDocument, type LoadedEvent, type LoadedProvider } from './load-catalog-document';
import { CatalogFileError, isYamlName } from './parse-catalog-text';
import { describeValidation } from './schema-checker';
import { nearestNames } from './suggest-names';

/** A catalogue file name: `<anything>.json`, `.yaml` or `.yml`. */
const CATALOG_FILE = /\.(json|ya?ml)$/i;

/** An event type no provider documents; `suggestions` are the nearest documented names. */
export class UnknownEventError extends HookbenchError {
  constructor(
    readonly query: string,
    readonly suggestions: string[],
    scope: string,
  ) {
    const hint = suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
    super('not_found', `No ${scope} documents an event "${query}".${hint}`);
    this.name = 'UnknownEventError';
  }
}

export interface CatalogOptions {
  /** The shipped provider files (resources/catalog). */
  builtinDir: string;
  /** Where imported files are kept (`<data dir>/catalog`); null: imports are refused. */
  userDir: string | null;
  /** The overlay of observed examples (`<data dir>/catalog-overlay.json`); null or absent: none. */
  overlayFile?: string | null;
}

/** An event resolved by name. */
export interface FoundEvent {
  provider: LoadedProvider;
  event: LoadedEvent;
}

/**
 * The provider catalogue: the shipped OpenAPI 3.1 files plus the user's imported ones, loaded and checked by one
 * loader. A broken shipped file throws (it is a bug); a broken imported file is skipped and listed in `problems`.
 */
export class Catalog {
  private providers = new Map<string, LoadedProvider>();
  /** Why imported files could not be loaded, one line each. */
  problems: string[] = [];
  /**
   * A hash of every provider file loaded (names and contents), so checks made with another catalogue are known; the
   * overlay of observed examples does not count (examples do not change what conforms).
   */
  version = '';
  private observed: ObservedExample[] = [];

  constructor(private readonly options: CatalogOptions) {
    this.reload();
  }

  /** Reads every file again. */
  reload(): void {
    const providers = new Map<string, LoadedProvider>();
    const hash = createHash('sha256');
    for (const file of this.files(this.options.builtinDir)) {
      const path = join(this.options.builtinDir, file);
      const text = readFileSync(path, 'utf8');
      hash.update(`builtin/${file}\u0000${text}\u0000`);
      const { provider } = loadCatalogDocument(text, file, { origin: 'builtin', path });
      providers.set(provider.detail.id, provider);
    }
    const problems: string[] = [];
    const userDir = this.options.userDir;
    for (const file of userDir ? this.files(userDir) : []) {
      const path = join(userDir as string, file);
      try {
        const text = readFileSync(path, 'utf8');
        const { provider } = loadCatalogDocument(text, file, { origin: 'user', path });
        hash.update(`user/${file}\u0000${text}\u0000`);
        if (!providers.has(provider.detail.id)) providers.set(provider.detail.id, provider);
        else problems.push(`${file}: provider id "${provider.detail.id}" is already taken; skipped`);
      } catch (error) {
        problems.push(error instanceof Error ? error.message : String(error));
      }
    }
    this.observed = readOverlay(this.options.overlayFile ?? null, problems);
    applyOverlay(providers, this.observed);
    this.providers = providers;
    this.problems = problems;
    this.version = hash.digest('hex').slice(0, 16);
  }

  /**
   * Keeps a received payload as an example of its event, labelled observed with the date it was received, in the
   * overlay file; `catalog:get` lists it after the documented examples.
   */
  addObservedExample(
    providerId: string,
    eventName: string,
    value: unknown,
    receivedAt: number,
    captureId: number | null,
    now: number = Date.now(),
  ): ReturnType<typeof toCatalogExample> {
    const overlayFile = this.options.overlayFile;
    if (!overlayFile)
      throw new HookbenchError('unavailable', 'This catalogue has no place for observed examples.');
    const { provider, event } = this.findEvent(eventName, providerId);
    const day = new Date(receivedAt).toISOString().slice(0, 10);
    const taken = new Set(event.info.examples.map((e) => e.name));
    const base = captureId === null ? `observed-${day}` : `observed-${day}-capture-${captureId}`;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    const example: ObservedExample = {
      provider: provider.detail.id,
      event: event.info.name,
      name,
      receivedAt,
      captureId,
      promotedAt: now,
      value,
    };
    writeOverlay(overlayFile, [...this.observed, example]);
    this.observed = [...this.observed, example];
    const listed = toCatalogExample(example);
    event.info.examples.push(listed);
    return listed;
  }

  private files(dir: string): string[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && CATALOG_FILE.test(entry.name) && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort();
  }

  /** Every provider, shipped ones first, each by title. */
  list(): ProviderSummary[] {
    // The summary schema keeps its own fields and drops the rest (events, operations, notes…).
    return this.all().map(({ detail }) => providerSummary.parse(detail));
  }

  /** Every loaded provider, shipped first. */
  all(): LoadedProvider[] {
    return [...this.providers.values()].sort(
      (a, b) =>
        Number(a.detail.origin === 'user') - Number(b.detail.origin === 'user') ||
        a.detail.title.localeCompare(b.detail.title),
    );
  }

  /** One provider by id; an unknown id names the known ones. */
  get(id: string): LoadedProvider {
    const found = this.providers.get(id);
    if (found) return found;
    const known = [...this.providers.keys()].sort().join(', ');
    throw new HookbenchError('not_found', `No provider "${id}" in the catalogue. Known: ${known}.`);
  }

  /**
   * Finds an event by its documented name, an alias, or a composed type (`CredoAI.use_case_name_updated.v1`), in
   * one provider or in all. Unknown names throw `UnknownEventError` with the three nearest documented names; a name
   * that several providers document asks for the provider.
   */
  findEvent(name: string, providerId?: string): FoundEvent {
    const scope = providerId ? [this.get(providerId)] : this.all();
    const exact = scope.flatMap((provider) => {
      const event = provider.byName.get(name);
      return event ? [{ provider, event }] : [];
    });
    if (exact.length > 1) {
      throw new HookbenchError(
        'invalid_input',
        `"${name}" is documented by ${exact.map((f) => f.provider.detail.id).join(' and ')}: name the provider.`,
      );
    }
    if (exact[0]) return exact[0];
    for (const provider of scope) {
      if (!provider.envelope) continue;
      const parsed = parseComposedType(provider.envelope, name, (n) => provider.byName.has(n));
      const event = parsed ? provider.byName.get(parsed.event) : undefined;
      if (event) return { provider, event };
    }
    const names = scope.flatMap((p) => p.events.map((e) => e.info.name));
    throw new UnknownEventError(
      name,
      nearestNames(name, names),
      providerId ? `event of ${providerId}` : 'provider',
    );
  }

  /** Which provider and event a parsed payload is, by the providers' `x-identify` rules. */
  identify(body: unknown): IdentifiedEvent | null {
    return identifyPayload(this.all(), body);
  }

  /**
   * Checks a parsed body against an event's documented schema with Ajv: the problems as `path: message` lines,
   * empty when it conforms, null when the event has no documented schema (the checker builds on this).
   */
  validatePayload(providerId: string, eventName: string, body: unknown): string[] | null {
    const { event } = this.findEvent(eventName, providerId);
    if (!event.validate) return null;
    return event.validate(body) ? [] : describeValidation(event.validate);
  }

  /**
   * Validates a user's OpenAPI 3.1 file and keeps it in the data directory, where it loads with the shipped ones.
   * Importing a file with the same provider id again replaces it; a shipped provider's id is refused.
   */
  import(content: string, filename: string): CatalogImportOutput {
    const userDir = this.options.userDir;
    if (!userDir) throw new HookbenchError('unavailable', 'This catalogue has no folder for imported files.');
    let loaded;
    try {
      loaded = loadCatalogDocument(content, filename, { origin: 'user' });
    } catch (error) {
      if (error instanceof CatalogFileError) throw new HookbenchError('invalid_input', error.message);
      throw error;
    }
    const id = loaded.provider.detail.id;
    const existing = this.providers.get(id);
    if (existing?.detail.origin === 'builtin') {
      throw new HookbenchError(
        'invalid_input',
        `${filename}: provider id "${id}" belongs to a shipped provider; set another x-provider.id or info.title.`,
      );
    }
    mkdirSync(userDir, { recursive: true });
    const target = join(userDir, `${id}.openapi.${isYamlName(filename) ? 'yaml' : 'json'}`);
    const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(temp, content);
    renameSync(temp, target);
    if (existing?.path && existing.path !== target) rmSync(existing.path, { force: true });
    this.reload();
    const summary = this.list().find((p) => p.id === id);
    if (!summary) throw new HookbenchError('internal', `${filename} was saved but did not load again.`);
    return { provider: summary, warnings: loaded.warnings };
  }

  /** Deletes an imported provider's file; shipped providers cannot be removed. */
  remove(id: string): boolean {
    const provider = this.get(id);
    if (provider.detail.origin === 'builtin')
      throw new HookbenchError('invalid_input', `"${id}" is a shipped provider and cannot be removed.`);
    if (provider.path) rmSync(provider.path, { force: true });
    this.reload();
    return true;
  }
}
