import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EncryptedFileSecretStore } from '../../../../../src/main/core/secrets/encrypted-file-secret-store';
import { createWorkbench, type Workbench } from '../../../../../src/main/core/workbench';
import { call } from '../../../../helpers/call';
import { eventually } from '../../../../helpers/downstream-server';
import { makeTempDir } from '../../../../helpers/temp-dir';

describe('the sandbox tenant without HOOKBENCH_SECRET_KEY (browser mode, no keyring)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let wb: Workbench;
  beforeEach(async () => {
    temp = makeTempDir();
    wb = createWorkbench({
      dataDir: temp.dir,
      mode: 'browser',
      version: 't',
      receiver: { port: 0 },
      secrets: EncryptedFileSecretStore.inDataDir(temp.dir, {}),
    });
    await wb.start();
  });
  afterEach(async () => {
    await wb.close();
    temp.remove();
  });

  it('starts, subscribes a local inbox and delivers a verified event, keeping the demo secrets for the session', async () => {
    expect((await call(wb, 'secrets:status')).writable).toBe(false);
    await call(wb, 'sandbox:start');
    const url = (await call(wb, 'inbox:create', { slug: 'demo' })).url!;
    const created = await call(wb, 'subscription:create', {
      tenantId: 'sandbox-credo-ai',
      inbox: 'demo',
      attributes: {
        description: 'Demo',
        url,
        event_types: ['use_case_name_updated'],
        authentication_method: 'none',
      },
    });
    expect(created.verificationConfigured).toBe('demo');
    await call(wb, 'sandbox:event', { provider: 'credo-ai', eventType: 'use_case_name_updated' });
    await eventually(async () => {
      const [capture] = (await call(wb, 'history:list', { inbox: 'demo' })).items;
      expect(capture?.signature).toMatchObject({ scheme: 'svix', verdict: 'valid' });
    });
    // A real tenant's key still needs the encrypted store: it is not silently kept in memory.
    await expect(
      call(wb, 'tenant:save', {
        name: 'Real',
        provider: 'credo-ai',
        tenant: 'acme',
        apiKey: 'k',
        sandbox: false,
      }),
    ).rejects.toThrow(/HOOKBENCH_SECRET_KEY/);
  });
});
