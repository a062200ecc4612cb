import { join } from 'node:path';
import type { Handlers } from '../../../shared/contract';
import type { FireProgress } from '../../../shared/fire-models';
import { Catalog } from '../catalog/catalog';
import { defaultCatalogDir, userCatalogDir, userScenarioDir } from '../catalog/catalog-paths';
import { catalogOverlayPath } from '../catalog/catalog-overlay';
import { FireService, type TenantTarget } from './fire-service';
import type { Signer } from './fire-request';
import { runScenario } from './run-scenario';
import { ScenarioStore } from './scenario-store';

type CatalogFireChannel =
  | 'catalog:list'
  | 'catalog:get'
  | 'catalog:import'
  | 'catalog:remove'
  | 'fire:sample'
  | 'fire:send'
  | 'fire:bulk'
  | 'fire:cancel'
  | 'scenario:list'
  | 'scenario:save'
  | 'scenario:delete'
  | 'scenario:run';

export interface CatalogFireDeps {
  dataDir: string;
  /** The shipped catalogue; default: resources/catalog found from this module. */
  catalogDir?: string | undefined;
  signer: Signer | null;
  receiverUrl: () => string | null;
  inboxExists: (slug: string) => boolean;
  onProgress: (progress: FireProgress) => void;
  tenantTargets?: (
    tenant: string,
    provider: string,
    event: string,
  ) => Promise<TenantTarget[]> | TenantTarget[];
}

export interface CatalogFire {
  readonly handlers: Pick<Handlers, CatalogFireChannel>;
  /** Loaded on first use (checking every file takes a moment). */
  catalog(): Catalog;
  readonly fire: FireService;
  readonly scenarios: ScenarioStore;
  close(): void;
}

/**
 * Builds the catalogue, fire and scenario services over a data directory and returns the handlers of their
 * channels, so the workbench wires them with one spread.
 */
export function createCatalogFire(deps: CatalogFireDeps): CatalogFire {
  const builtinDir = deps.catalogDir ?? defaultCatalogDir();
  let loaded: Catalog | undefined;
  const catalog = (): Catalog =>
    (loaded ??= new Catalog({
      builtinDir,
      userDir: userCatalogDir(deps.dataDir),
      overlayFile: catalogOverlayPath(deps.dataDir),
    }));
  const scenarios = new ScenarioStore(join(builtinDir, 'scenarios'), userScenarioDir(deps.dataDir), catalog);
  const fire = new FireService({
    catalog,
    signer: deps.signer,
    receiverUrl: deps.receiverUrl,
    inboxExists: deps.inboxExists,
    onProgress: deps.onProgress,
    ...(deps.tenantTargets ? { tenantTargets: deps.tenantTargets } : {}),
  });
  const handlers: Pick<Handlers, CatalogFireChannel> = {
    'catalog:list': () => catalog().list(),
    'catalog:get': ({ provider }) => catalog().get(provider).detail,
    'catalog:import': ({ content, filename }) => catalog().import(content, filename),
    'catalog:remove': ({ provider }) => ({ removed: catalog().remove(provider) }),
    'fire:sample': (input) => fire.sample(input),
    'fire:send': (input) => fire.send(input),
    'fire:bulk': (input) => fire.bulk(input),
    'fire:cancel': ({ runId }) => ({ cancelled: fire.cancel(runId) }),
    'scenario:list': () => scenarios.list(),
    'scenario:save': (input) => scenarios.save(input),
    'scenario:delete': ({ id }) => ({ deleted: scenarios.delete(id) }),
    'scenario:run': (input) => runScenario(input, { store: scenarios, fire, onProgress: deps.onProgress }),
  };
  return { handlers, catalog, fire, scenarios, close: () => fire.close() };
}
