import type { SubscriptionProvider } from '../../../../shared/subscription-models';
import { CREDO_AI_DEFAULT_SERVER } from '../../../../shared/subscription-models';

/** The providers' names as people say them. */
export const PROVIDER_NAMES: Record<SubscriptionProvider, string> = {
  'credo-ai': 'Credo AI',
  'compliance-platform-v1': 'Compliance platform v1',
  credas: 'Credas',
};

/** The server a new profile starts with; null: the provider has no public default, the user gives it. */
export const DEFAULT_SERVERS: Record<SubscriptionProvider, string | null> = {
  'credo-ai': CREDO_AI_DEFAULT_SERVER,
  'compliance-platform-v1': null,
  credas: null,
};

/** The header carrying the API key by default (v1 platform: configurable). */
export const DEFAULT_KEY_HEADERS: Record<SubscriptionProvider, string | null> = {
  'credo-ai': null,
  'compliance-platform-v1': 'X-API-Key',
  credas: 'X-API-KEY',
};
