/* eslint-disable @typescript-eslint/require-await -- the fake's methods stand for async API calls */
import { vi } from 'vitest';
import type {
  ComposerValidateInput,
  ComposerValidateOutput,
  Subscription,
  TenantProfile,
} from '../../../../../src/shared/subscription-models';

/** A composer:validate answer for Credo AI: required fields cited, a fix for a deprecated event. */
export function validateAnswer(input: ComposerValidateInput): ComposerValidateOutput {
  let attributes: Record<string, unknown> = input.attributes ?? {};
  if (input.raw !== undefined) {
    const parsed = JSON.parse(input.raw) as { data?: { attributes?: Record<string, unknown> } };
    attributes = parsed.data?.attributes ?? {};
  }
  const findings: ComposerValidateOutput['findings'] = [];
  for (const name of ['url', 'event_types'])
    if (attributes[name] === undefined)
      findings.push({
        severity: 'error',
        field: name,
        rule: 'required',
        message: `${name} is required by the Guide (3.3).`,
        source: 'the Guide (3.3)',
        fix: null,
      });
  const types = Array.isArray(attributes.event_types) ? (attributes.event_types as string[]) : [];
  if (types.includes('old_event'))
    findings.push({
      severity: 'warning',
      field: 'event_types',
      rule: 'deprecated-event',
      message: 'old_event is DEPRECATED.',
      source: 'the Guide (4.1.1)',
      fix: {
        label: 'Remove the deprecated event',
        attributes: { ...attributes, event_types: types.filter((t) => t !== 'old_event') },
      },
    });
  const raw = JSON.stringify({ data: { type: 'webhook', attributes } }, null, 2);
  return {
    findings,
    attributes,
    raw,
    preview: {
      method: 'POST',
      url: 'https://api.credo.ai/api/v2/acme/webhooks',
      headers: [['Authorization', 'Bearer <token>']],
      body: raw,
    },
    curl: "curl -X POST 'https://api.credo.ai/api/v2/acme/webhooks'",
    fields: [
      { name: 'url', requirement: 'required', type: 'string', description: 'The endpoint', enum: null },
      { name: 'event_types', requirement: 'required', type: 'array', description: null, enum: null },
      {
        name: 'authentication_method',
        requirement: 'required',
        type: 'string',
        description: null,
        enum: ['none', 'o_auth'],
      },
      {
        name: 'authentication_server',
        requirement: 'conditional',
        type: 'string',
        description: 'Required with o_auth',
        enum: null,
      },
    ],
    eventTypes: [
      { name: 'new_event', description: 'Something new happened.', deprecated: false },
      { name: 'old_event', description: 'The old one.', deprecated: true },
    ],
  };
}

export function tenant(overrides: Partial<TenantProfile> = {}): TenantProfile {
  return {
    id: 't1',
    name: 'Acme',
    provider: 'credo-ai',
    server: 'https://api.credo.ai',
    tenant: 'acme',
    apiKeyHeader: null,
    apiKeyMasked: 'ab…(20 chars)',
    problem: null,
    sandbox: false,
    createdAt: 1,
    ...overrides,
  };
}

export function subscription(overrides: Partial<Subscription> = {}): Subscription {
  return {
    provider: 'credo-ai',
    tenantId: 't1',
    id: 's1',
    url: 'http://127.0.0.1:4545/hooks/default',
    eventTypes: ['new_event'],
    description: '[hookbench inbox=default] demo',
    active: null,
    attributes: { url: 'http://127.0.0.1:4545/hooks/default', event_types: ['new_event'], bucket: null },
    stats: null,
    lastTriggeredAt: null,
    inbox: 'default',
    createdByHookbench: true,
    orphaned: false,
    ...overrides,
  };
}

/** An unwrapped API (as the stores get it) for the subscription and tenant channels, each a spy. */
export function createSubsApi() {
  const subs: Subscription[] = [];
  const tenants: TenantProfile[] = [tenant()];
  const api = {
    subscription: {
      list: vi.fn(async () => [...subs]),
      get: vi.fn(),
      create: vi.fn(async (input: { attributes: Record<string, unknown>; inbox?: string }) => {
        const created = subscription({ id: `s${subs.length + 1}`, inbox: input.inbox ?? null });
        subs.push(created);
        return {
          subscription: created,
          secretMasked: 'whsec_ab…(32 chars)',
          verificationConfigured: input.inbox ?? null,
          recoveredAfterTimeout: false,
        };
      }),
      update: vi.fn(),
      delete: vi.fn(async () => ({ deleted: true })),
      test: vi.fn(),
      cleanup: vi.fn(async ({ dryRun }: { dryRun?: boolean }) => ({
        orphans: [subscription({ id: 'orphan', orphaned: true })],
        removed: dryRun ? [] : ['orphan'],
        failed: [],
      })),
    },
    composer: { validate: vi.fn(async (input: ComposerValidateInput) => validateAnswer(input)) },
    sandbox: {
      start: vi.fn(),
      stop: vi.fn(),
      status: vi.fn(async () => ({
        running: false,
        baseUrl: null,
        tenant: null,
        profiles: [],
        oauthTokenUrl: null,
        oauthClientId: null,
      })),
      event: vi.fn(),
    },
    tenant: {
      list: vi.fn(async () => [...tenants]),
      save: vi.fn(async (input: { id?: string; name: string }) =>
        tenant({ id: input.id ?? 't2', name: input.name }),
      ),
      delete: vi.fn(async () => ({ deleted: true })),
    },
  };
  return { api, subs, tenants };
}
