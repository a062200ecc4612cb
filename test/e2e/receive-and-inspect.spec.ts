import { InboxPage } from './pages/inbox-page';
import { expect, test } from './fixtures/hookbench-serve';

const PAYLOAD = {
  data: { use_case: { id: 'QHG9s995aVztB6Xc3caXyW', name: 'Fraud model' } },
  type: 'CredoAI.use_case_name_updated.v1',
  time: '2026-11-22T10:00:00Z',
  source: 'credoai',
  subject: 'use_case_name_updated',
};

test('a webhook sent to the receiver appears live, and its headers and body can be inspected', async ({
  page,
  hookbench,
}) => {
  const inbox = new InboxPage(page);
  await inbox.open(hookbench.uiUrl);

  // Empty state tells the user what to do, with the real receiver URL.
  await expect(inbox.emptyState).toContainText(`curl -X POST ${hookbench.receiverUrl}/hooks/default`);
  await expect(inbox.receiverUrl).toHaveText(hookbench.receiverUrl);
  // The token left the address bar once the page had it.
  expect(page.url()).not.toContain('token=');
  await page.screenshot({ path: 'test-results/screenshots/inbox-empty.png' });

  const response = await fetch(`${hookbench.receiverUrl}/hooks/default?attempt=1`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'Svix-Id': 'msg_2x0Q',
      'User-Agent': 'Svix-Webhooks/1.23.0',
    },
    body: JSON.stringify(PAYLOAD),
  });
  expect(response.status).toBe(200);

  const row = inbox.row('/hooks/default?attempt=1');
  await expect(row).toBeVisible({ timeout: 2_000 });
  await expect(row).toContainText('POST');
  await row.click();

  await expect(inbox.detail).toContainText('/hooks/default?attempt=1');
  await expect(inbox.body).toContainText('"type": "CredoAI.use_case_name_updated.v1"');
  await expect(inbox.body).toContainText('"name": "Fraud model"');
  await page.screenshot({ path: 'test-results/screenshots/inbox-body.png' });

  await inbox.showTab('Headers');
  // Names keep the case the sender used.
  await expect(inbox.headersTable).toContainText('Svix-Id');
  await expect(inbox.headersTable).toContainText('msg_2x0Q');
  await expect(inbox.headersTable).toContainText('Svix-Webhooks/1.23.0');
  await page.screenshot({ path: 'test-results/screenshots/inbox-headers.png' });
});

test('captures stored before the page opened are listed, newest first, and survive a reload', async ({
  page,
  hookbench,
}) => {
  for (const n of [1, 2, 3]) {
    await fetch(`${hookbench.receiverUrl}/hooks/default/order/${n}`, { method: 'POST', body: `{"n":${n}}` });
  }
  const inbox = new InboxPage(page);
  await inbox.open(hookbench.uiUrl);
  await expect(inbox.rows).toHaveCount(3);
  await expect(inbox.rows.first()).toContainText('/order/3');
  await page.reload();
  await expect(inbox.rows).toHaveCount(3);
});

test('the UI refuses to work without the token', async ({ page, hookbench }) => {
  const origin = new URL(hookbench.uiUrl).origin;
  const res = await page.request.post(`${origin}/api/history:list`, {
    data: {},
    headers: { 'Content-Type': 'application/json' },
  });
  expect(res.status()).toBe(403);
});

test('dark theme follows the OS', async ({ page, hookbench }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const inbox = new InboxPage(page);
  await inbox.open(hookbench.uiUrl);
  await fetch(`${hookbench.receiverUrl}/hooks/default`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(PAYLOAD),
  });
  await inbox.rows.first().click();
  const background = String(await page.evaluate('getComputedStyle(document.body).backgroundColor'));
  const [r = 255, g = 255, b = 255] = (background.match(/\d+/g) ?? []).map(Number);
  expect((r + g + b) / 3).toBeLessThan(80);
  await page.screenshot({ path: 'test-results/screenshots/inbox-dark.png' });
});
