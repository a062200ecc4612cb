import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures/hookbench-serve';
import { CheckPage } from './pages/check-page';
import { sendWebhook } from './fixtures/send-webhook';

const SHOTS = 'test-results/screenshots';
const EVENT = 'use_case_review_status_updated';

/** The documented example of the Credo AI review-status event, read from the catalogue. */
function documentedExample(): { data: Record<string, unknown>; type: string } {
  const doc = JSON.parse(readFileSync('resources/catalog/credo-ai.openapi.json', 'utf8')) as {
    webhooks: Record<
      string,
      { post: { requestBody: { content: Record<string, { examples: Record<string, { value: unknown }> }> } } }
    >;
  };
  const examples = doc.webhooks[EVENT]?.post.requestBody.content['application/json']?.examples;
  const value = examples?.['guide']?.value;
  if (!value) throw new Error(`the catalogue has no guide example for ${EVENT}`);
  return value as { data: Record<string, unknown>; type: string };
}

test('captures are checked against the documentation: badge, Check tab with a shape diff, filter and drift', async ({
  page,
  hookbench,
}) => {
  const check = new CheckPage(page);
  const example = documentedExample();
  // A conforming one (the documented example as is) and a deviating one: a documented field left out, one added.
  await sendWebhook(`${hookbench.receiverUrl}/hooks/default?n=ok`, JSON.stringify(example));
  const data = { ...example.data };
  delete data['reviewId'];
  await sendWebhook(
    `${hookbench.receiverUrl}/hooks/default?n=bad`,
    JSON.stringify({ ...example, data: { ...data, reviewerNote: 'not in the docs' } }),
  );

  await check.open(hookbench.uiUrl);
  await expect(check.rows).toHaveCount(2);
  const bad = check.rows.nth(0);
  const good = check.rows.nth(1);
  // The rows say the event type instead of the path, with the verdict as a badge.
  await expect(bad.getByTestId('row-event')).toHaveText(EVENT);
  await expect(good.getByTestId('row-event')).toHaveText(EVENT);
  await expect(check.badge(good)).toHaveAttribute('data-verdict', 'conforms');
  await expect(check.badge(good)).toHaveText('✓');
  await expect(check.badge(bad)).toHaveAttribute('data-verdict', 'deviates');
  await expect(check.badge(bad)).toContainText('⚠');

  await bad.click();
  await check.openCheckTab();
  await expect(check.checkView).toHaveAttribute('data-verdict', 'deviates');
  await expect(check.checkView.getByTestId('check-event')).toHaveText(EVENT);
  const missing = page.locator('[data-testid="check-finding"][data-kind="missing"]');
  await expect(missing).toHaveCount(1);
  await expect(missing).toContainText('data.reviewId');
  const undocumented = page.locator('[data-testid="check-finding"][data-kind="undocumented"]');
  await expect(undocumented).toHaveCount(1);
  await expect(undocumented).toContainText('data.reviewerNote');
  await expect(page.locator('[data-testid="shape-node"][data-path="data.reviewId"]')).toHaveAttribute(
    'data-status',
    'missing',
  );

  await undocumented.click();
  const extraNode = page.locator('[data-testid="shape-node"][data-path="data.reviewerNote"]');
  await expect(extraNode).toHaveAttribute('data-highlighted', 'true');
  await expect(extraNode).toHaveAttribute('data-status', 'undocumented');
  await expect(extraNode).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/check-tab.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SHOTS}/check-tab-dark.png` });
  await page.emulateMedia({ colorScheme: 'light' });

  await missing.click();
  await expect(page.locator('[data-testid="shape-node"][data-path="data.reviewId"]')).toHaveAttribute(
    'data-highlighted',
    'true',
  );
  await expect(extraNode).not.toHaveAttribute('data-highlighted', 'true');

  // The conforming one has a tab saying so.
  await good.click();
  await expect(check.checkView).toHaveAttribute('data-verdict', 'conforms');
  await expect(page.getByRole('tab', { name: /^Check/ })).toContainText('✓');

  await check.filterCheck('Deviates from the documentation');
  await expect(check.rows).toHaveCount(1);
  await expect(check.rows.first()).toContainText(EVENT);
  await expect(check.badge(check.rows.first())).toHaveAttribute('data-verdict', 'deviates');
  await page.screenshot({ path: `${SHOTS}/check-filter.png` });

  await check.openDrift();
  await expect(page.getByTestId('drift-event-name')).toHaveText(EVENT);
  await expect(page.locator('[data-testid="drift-field"][data-path="data.reviewerNote"]')).toHaveAttribute(
    'data-status',
    'undocumented',
  );
  await expect(page.locator('[data-testid="drift-field"][data-path="data.reviewId"]')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export observed schema' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.json$/);
  await page.screenshot({ path: `${SHOTS}/check-drift.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SHOTS}/check-drift-dark.png` });
  await page.emulateMedia({ colorScheme: 'light' });

  await page.getByRole('button', { name: 'Re-check all history' }).click();
  await expect(page.getByTestId('recheck-progress')).toContainText(/Re-check/);
});
