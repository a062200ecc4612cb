import { describe, expect, it } from 'vitest';
import type { SubscriptionsApi } from '../../../../../src/renderer/src/stores/subscriptions';
import { createSubscriptionsStore } from '../../../../../src/renderer/src/stores/subscriptions';
import { createTenantsStore } from '../../../../../src/renderer/src/stores/tenants';
import { createSubsApi, tenant } from './subs-fake';

function setup() {
  const fake = createSubsApi();
  const store = createSubscriptionsStore(fake.api as unknown as SubscriptionsApi);
  return { ...fake, store };
}

describe('subscriptions store', () => {
  it('lists the chosen tenant and loads its event types', async () => {
    const { store, api } = setup();
    await store.getState().tenantSelected('t1', 'credo-ai');
    expect(api.subscription.list).toHaveBeenCalledWith({ tenantId: 't1' });
    expect(store.getState().status).toBe('ready');
    expect(store.getState().eventTypes.map((e) => e.name)).toEqual(['new_event', 'old_event']);
  });

  it('keeps the form and the raw body in sync both ways', async () => {
    const { store, api } = setup();
    await store.getState().tenantSelected('t1', 'credo-ai');
    await store.getState().composerOpened();
    await store.getState().attributesEdited({ url: 'https://x.test/h' });
    expect(store.getState().composer?.raw).toContain('"url": "https://x.test/h"');

    const typed =
      '{"data":{"type":"webhook","attributes":{"url":"https://y.test","event_types":["new_event"]}}}';
    await store.getState().rawEdited(typed);
    expect(api.composer.validate).toHaveBeenLastCalledWith(
      expect.objectContaining({ raw: typed, tenantId: 't1' }),
    );
    expect(store.getState().composer?.attributes).toEqual({
      url: 'https://y.test',
      event_types: ['new_event'],
    });
    // The user's text stays as typed.
    expect(store.getState().composer?.raw).toBe(typed);
  });

  it('applies a fix and creates with the chosen inbox, saying what was configured', async () => {
    const { store, api } = setup();
    await store.getState().tenantSelected('t1', 'credo-ai');
    await store.getState().composerOpened();
    await store.getState().attributesEdited({ event_types: ['new_event', 'old_event'] });
    const finding = store.getState().composer?.validation?.findings.find((f) => f.fix);
    expect(finding).toBeDefined();
    await store.getState().fixApplied(finding!);
    expect(store.getState().composer?.attributes.event_types).toEqual(['new_event']);

    await store.getState().receiverChosen('http://127.0.0.1:4545/hooks/default', 'default');
    expect(store.getState().composer?.attributes.url).toBe('http://127.0.0.1:4545/hooks/default');
    await store.getState().composerSaveRequested();
    expect(api.subscription.create).toHaveBeenCalledWith(
      expect.objectContaining({ tenantId: 't1', inbox: 'default' }),
    );
    expect(store.getState().composer).toBeNull();
    expect(store.getState().notice).toContain('Inbox default now verifies signatures');
    expect(store.getState().subscriptions).toHaveLength(1);
  });

  it('shows the error from the response verbatim and keeps the composer open', async () => {
    const { store, api } = setup();
    api.subscription.create.mockRejectedValueOnce(
      Object.assign(new Error('HTTP 422: url must be https'), { code: 'invalid' }),
    );
    await store.getState().tenantSelected('t1', 'credo-ai');
    await store.getState().composerOpened();
    await store.getState().composerSaveRequested();
    expect(store.getState().composer?.saveError).toContain('HTTP 422: url must be https');
  });

  it('cleans up: a dry run first, then the removal', async () => {
    const { store, api } = setup();
    await store.getState().tenantSelected('t1', 'credo-ai');
    await store.getState().cleanupPreviewRequested();
    expect(api.subscription.cleanup).toHaveBeenLastCalledWith({ tenantId: 't1', dryRun: true });
    expect(store.getState().cleanup.orphans?.map((o) => o.id)).toEqual(['orphan']);
    await store.getState().cleanupConfirmed();
    expect(api.subscription.cleanup).toHaveBeenLastCalledWith({ tenantId: 't1', dryRun: false });
    expect(store.getState().notice).toBe('Removed 1 orphaned subscription.');
    expect(store.getState().cleanup.orphans).toBeNull();
  });
});

describe('tenants store', () => {
  it('puts sandbox profiles first, Credo AI first among them', async () => {
    const { api, tenants } = createSubsApi();
    tenants.push(
      tenant({ id: 'sandbox-credas', name: 'Sandbox (credas)', provider: 'credas', sandbox: true }),
      tenant({ id: 'sandbox-credo-ai', name: 'Sandbox (credo-ai)', sandbox: true }),
    );
    const store = createTenantsStore(api);
    await store.getState().tenantsRequested();
    expect(store.getState().tenants.map((t) => t.id)).toEqual(['sandbox-credo-ai', 'sandbox-credas', 't1']);
    expect(store.getState().sandbox?.running).toBe(false);
  });
});
