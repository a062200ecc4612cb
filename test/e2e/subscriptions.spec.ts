import { expect, test } from './fixtures/hookbench-serve';
import { SubscriptionsPage } from './pages/subscriptions-page';

const SHOTS = 'test-results/screenshots';

// The sandbox keeps its profiles' API keys in the secret store, which needs a passphrase; the served Hookbench
// inherits this process's environment.
process.env.HOOKBENCH_SECRET_KEY ??= 'hookbench-e2e-secret-passphrase';

test('the sandbox tenant: compose a subscription to the local inbox, trigger an event, see it arrive', async ({
  page,
  hookbench,
}) => {
  const subs = new SubscriptionsPage(page);
  await page.goto(hookbench.uiUrl);

  // Tenants: switch the sandbox on; its three profiles appear.
  await subs.openArea('Tenants');
  await expect(page.getByTestId('tenants-empty')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/subs-tenants-empty.png` });
  // The switch turns on once the sandbox really runs, so click and wait for the state rather than `check()`.
  await subs.sandboxSwitch.click();
  await expect(subs.sandboxCard.getByTestId('sandbox-state')).toHaveText('Running');
  await expect(subs.sandboxUrl).toContainText('http://127.0.0.1:');
  await expect(subs.tenantRows).toHaveCount(3);
  await page.screenshot({ path: `${SHOTS}/subs-tenants.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SHOTS}/subs-tenants-dark.png` });
  await page.emulateMedia({ colorScheme: 'light' });

  // Subscriptions: the sandbox Credo AI tenant is picked first.
  await subs.openArea('Subscriptions');
  await expect(subs.tenantPicker).toHaveValue('sandbox-credo-ai');
  await expect(page.getByTestId('subscriptions-empty')).toBeVisible();
  await page.getByRole('button', { name: 'New subscription' }).click();
  await expect(subs.field('url')).toBeVisible();
  // The required attributes cite the documentation until they are filled.
  await expect(subs.field('url').getByTestId('finding')).toContainText('required by the Credo AI');

  await subs.field('url').getByRole('button', { name: 'Use my receiver' }).click();
  await page.getByRole('button', { name: 'Use default local URL' }).click();
  await expect(subs.field('url').getByRole('textbox')).toHaveValue(`${hookbench.receiverUrl}/hooks/default`);
  await subs.field('description').getByRole('textbox').fill('Hookbench E2E');
  await subs.field('authentication_method').getByRole('combobox').selectOption('none');
  await subs
    .field('event_types')
    .getByRole('checkbox', { name: /use_case_name_updated/ })
    .check();
  await expect(subs.composer.getByTestId('finding').filter({ hasText: 'is required' })).toHaveCount(0);

  // The raw body and the preview follow the form.
  await expect(subs.composer.getByTestId('raw-editor')).toContainText('use_case_name_updated');
  await expect(subs.preview).toContainText('POST');
  await expect(subs.preview).toContainText('/api/v2/sandbox/webhooks');
  await expect(subs.preview).toContainText('Hookbench E2E');
  await page.screenshot({ path: `${SHOTS}/subs-composer.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SHOTS}/subs-composer-dark.png` });
  await page.emulateMedia({ colorScheme: 'light' });

  await subs.composer.getByRole('button', { name: 'Create' }).click();
  await expect(subs.notice).toContainText('Created subscription');
  await expect(subs.composer).toBeHidden();
  await expect(subs.rows).toHaveCount(1);
  await expect(subs.rows.first()).toContainText(`${hookbench.receiverUrl}/hooks/default`);
  await expect(subs.rows.first()).toContainText('Hookbench · default');

  // Trigger the event in the sandbox: one delivery to the inbox.
  await page.getByLabel('Sandbox event').selectOption('use_case_name_updated');
  await page.getByRole('button', { name: 'Trigger event' }).click();
  await expect(subs.triggerResult).toContainText('HTTP 200');
  await page.screenshot({ path: `${SHOTS}/subs-list.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SHOTS}/subs-list-dark.png` });
  await page.emulateMedia({ colorScheme: 'light' });

  // The Inbox shows the capture, its signature checked with the sandbox subscription's secret.
  await subs.openArea('Inbox');
  const row = page.getByTestId('capture-row').first();
  await expect(row).toBeVisible();
  await expect(row.getByTestId('signature-badge')).toHaveAttribute('data-verdict', 'valid');
  await page.screenshot({ path: `${SHOTS}/subs-inbox.png` });
});
