import { createHmac, randomBytes } from 'node:crypto';
import { expect, test } from './fixtures/hookbench-serve';
import { HistoryPage } from './pages/history-page';
import { SignaturesTunnelsPage } from './pages/signatures-tunnels-page';
import { sendWebhook } from './fixtures/send-webhook';

const SHOTS = 'test-results/screenshots';

// Saving a secret in browser mode needs the passphrase of the encrypted secret file.
test.use({ serveEnv: { HOOKBENCH_SECRET_KEY: 'e2e-secret-key-0123456789abcdefg' } });

/** Signs a body the Standard Webhooks way: HMAC-SHA256 over `id.timestamp.body` with the decoded secret. */
function standardWebhooksHeaders(secret: string, id: string, body: string): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000).toString();
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` };
}

test('verification set in the UI gives valid and invalid badges, and the Signature tab says why', async ({
  page,
  hookbench,
}) => {
  const ui = new SignaturesTunnelsPage(page);
  const secret = `whsec_${randomBytes(24).toString('base64')}`;
  await sendWebhook(`${hookbench.receiverUrl}/hooks/default?n=0`, '{"before":"verification"}', {});
  await page.goto(hookbench.uiUrl);
  await ui.row('?n=0').click();
  await ui.showSignatureTab();
  await expect(ui.signatureView).toContainText('Not verified — this inbox has no verification');
  await ui.signatureView.getByRole('button', { name: /Set up verification/ }).click();

  await expect(ui.settingsDialog).toBeVisible();
  await ui.setVerification('standard-webhooks', secret);
  await expect(ui.verification.getByTestId('verification-saved')).toContainText('Standard Webhooks');
  await expect(ui.verification.getByTestId('verification-now')).toContainText('whsec_');
  await expect(ui.verification).not.toContainText(secret);
  await page.screenshot({ path: `${SHOTS}/sig-settings.png` });
  await page.keyboard.press('Escape');
  await expect(ui.settingsDialog).toBeHidden();

  const good = '{"type":"invoice.paid","n":1}';
  expect(
    await sendWebhook(
      `${hookbench.receiverUrl}/hooks/default?n=1`,
      good,
      standardWebhooksHeaders(secret, 'msg_1', good),
    ),
  ).toBe(200);
  const signed = standardWebhooksHeaders(secret, 'msg_2', '{"type":"invoice.paid","n":2}');
  await sendWebhook(`${hookbench.receiverUrl}/hooks/default?n=2`, '{"type":"invoice.paid","n":200}', signed);

  const validBadge = ui.row('?n=1').getByTestId('signature-badge');
  const invalidBadge = ui.row('?n=2').getByTestId('signature-badge');
  await expect(validBadge).toHaveAttribute('data-verdict', 'valid');
  await expect(invalidBadge).toHaveAttribute('data-verdict', 'invalid');
  await expect(ui.row('?n=0').getByTestId('signature-badge')).toHaveCount(0);

  await ui.row('?n=2').click();
  await ui.showSignatureTab();
  await expect(ui.detail.getByRole('tab', { name: /^Signature/ })).toContainText('✗');
  await expect(ui.signatureView.getByTestId('signature-reason')).not.toBeEmpty();
  await expect(ui.signatureView.getByTestId('signature-received')).toContainText('v1,');
  await expect(ui.signatureView.getByTestId('signature-signed-content')).toContainText('msg_2.');
  await expect(ui.signatureView.getByTestId('signature-secret')).toContainText('whsec_');
  await page.screenshot({ path: `${SHOTS}/sig-invalid-light.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SHOTS}/sig-invalid-dark.png` });

  await ui.row('?n=1').click();
  await expect(ui.detail.getByRole('tab', { name: /^Signature/ })).toContainText('✓');
  await expect(ui.signatureView.getByTestId('signature-verdict')).toContainText('Signature valid');
  await page.screenshot({ path: `${SHOTS}/sig-valid-dark.png` });

  // The filter narrows the list to one verdict.
  await page.getByRole('combobox', { name: 'Signature' }).selectOption('invalid');
  await expect(ui.rows).toHaveCount(1);
  await expect(ui.rows.first()).toContainText('?n=2');
});

test('a custom public URL goes online in the status bar and the inbox bar; a missing cloudflared shows how to install it', async ({
  page,
  hookbench,
}) => {
  const ui = new SignaturesTunnelsPage(page);
  const history = new HistoryPage(page);
  await page.goto(hookbench.uiUrl);
  await ui.openPublicUrlPanel();
  await expect(ui.publicUrlDialog).toBeVisible();

  const cloudflared = ui.card('cloudflared');
  await expect(cloudflared.getByTestId('install-steps')).toBeVisible();
  await expect(cloudflared.getByTestId('install-steps')).toContainText('cloudflared');
  await expect(cloudflared.getByRole('button', { name: /Start/ })).toBeDisabled();
  await expect(ui.card('relay').getByTestId('tunnel-warning').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/tunnels-panel-light.png`, fullPage: true });

  const custom = ui.card('custom');
  await custom.getByLabel('Public URL').fill('https://hooks.example.test');
  await custom.getByRole('button', { name: /Start/ }).click();
  const session = ui.publicUrlDialog.getByTestId('tunnel-session');
  await expect(session).toHaveAttribute('data-state', 'online');
  await expect(session.getByTestId('tunnel-url')).toHaveText('https://hooks.example.test');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SHOTS}/tunnels-online-dark.png` });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.keyboard.press('Escape');

  await expect(ui.statusPublicUrl).toHaveText('https://hooks.example.test');
  await history.showInbox('default');
  await expect(ui.inboxPublicUrl).toHaveText('https://hooks.example.test/hooks/default');
  await page.screenshot({ path: `${SHOTS}/tunnels-status-bar.png` });

  await ui.openPublicUrlPanel();
  await ui.publicUrlDialog.getByRole('button', { name: 'Stop' }).click();
  await expect(session).toHaveAttribute('data-state', 'stopped');
  await page.keyboard.press('Escape');
  await expect(ui.statusPublicUrl).toHaveCount(0);
});
