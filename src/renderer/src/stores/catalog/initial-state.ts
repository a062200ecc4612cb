import type { ProviderDetail, ProviderSummary } from '../../../../shared/catalog-models';

/** The outcome of the last OpenAPI import, shown under the provider list until dismissed. */
export type ImportOutcome =
  | { kind: 'imported'; provider: string; warnings: string[] }
  | { kind: 'failed'; filename: string; message: string };

export interface CatalogState {
  /** Every provider (shipped and imported), without events. */
  providers: ProviderSummary[];
  /** `idle` before the list was asked for, `ready` once it arrived. */
  status: 'idle' | 'loading' | 'ready';
  /** Why loading the provider list failed, in words for the user. */
  error: string | null;
  /** Providers with their events, by id, as loaded. */
  details: Record<string, ProviderDetail>;
  /** The provider whose detail is loading, if any. */
  detailLoading: string | null;
  /** Why loading a provider's events failed. */
  detailError: string | null;
  selectedProvider: string | null;
  selectedEvent: string | null;
  /** The event list's search text. */
  search: string;
  importing: boolean;
  importOutcome: ImportOutcome | null;
}

export const initialCatalogState: CatalogState = {
  providers: [],
  status: 'idle',
  error: null,
  details: {},
  detailLoading: null,
  detailError: null,
  selectedProvider: null,
  selectedEvent: null,
  search: '',
  importing: false,
  importOutcome: null,
};
