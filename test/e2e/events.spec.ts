import { expect, test } from './fixtures/hookbench-serve';
import { EventsPage } from './pages/events-page';
import { InboxPage } from './pages/inbox-page';

const SHOTS = 'test-results/screenshots';

test('browse Credo AI, fire a sample to the default inbox and find it in the Inbox', async ({
  page,
  hookbench,
}) => {
  const events = new EventsPage(page);
  await events.open(hookbench.uiUrl);
  await events.pickProvider('Credo AI');
  // An event with two documented examples shows them as tabs.
  await events.pickEvent('use_case_review_status_updated');
  await expect(events.detail.getByRole('tab', { name: 'full-delivery' })).toBeVisible();
  await events.detail.getByRole('tab', { name: 'full-delivery' }).click();
  await expect(events.detail.getByTestId('event-example')).toContainText('use_case_review_status_updated');

  await events.pickEvent('use_case_name_updated');
  await expect(events.detail.getByRole('heading', { level: 1 })).toHaveText('use_case_name_updated');
  await expect(events.detail).toContainText('Sent when the name metadata field of a use case changes');
  // The guide gives no example of metadata updates; the area says so and where to get one.
  await expect(events.detail.getByTestId('no-example')).toContainText('New sample in the Fire panel');
  await expect(events.detail.getByTestId('schema-tree')).toContainText('data');

  await expect.poll(() => events.payloadText()).toContain('use_case_name_updated');
  const first = await events.payloadText();
  await events.firePanel.getByRole('button', { name: 'New sample' }).click();
  await expect.poll(() => events.payloadText()).not.toBe(first);

  await expect(events.firePanel.getByRole('combobox', { name: 'Inbox' })).toHaveValue('default');
  await page.screenshot({ path: `${SHOTS}/events-catalogue-light.png` });
  await events.sendButton.click();
  await expect(events.sendResult.getByTestId('fire-status').first()).toHaveText('200');
  await expect(events.sendResult).toContainText('Delivered');
  await page.screenshot({ path: `${SHOTS}/events-sent-light.png` });
  await events.setTheme('dark');
  await page.screenshot({ path: `${SHOTS}/events-sent-dark.png` });
  await events.setTheme('light');

  await page
    .getByRole('navigation', { name: 'Areas' })
    .getByRole('button', { name: /^Inbox/ })
    .click();
  const inbox = new InboxPage(page);
  await expect(inbox.rows).toHaveCount(1);
  await inbox.rows.first().click();
  await expect(inbox.body).toContainText('"type"');
  await expect(inbox.body).toContainText('use_case_name_updated');
});

test('bulk fire 20 events to the default inbox and read the summary', async ({ page, hookbench }) => {
  const events = new EventsPage(page);
  await events.open(hookbench.uiUrl);
  await events.pickProvider('Credo AI');
  await events.pickEvent('use_case_name_updated');
  await expect.poll(() => events.payloadText()).toContain('use_case_name_updated');

  await events.bulkSection.locator('summary').click();
  await events.bulkSection.getByLabel('Count').fill('20');
  await events.bulkSection.getByLabel('Concurrency').fill('4');
  await events.bulkSection.getByRole('button', { name: 'Fire 20' }).click();
  await expect(events.bulkSummary).toContainText('Sent 20');
  await expect(events.bulkSummary).toContainText('20 ok, 0 errors');
  await expect(events.bulkSummary).toContainText('200 × 20');
  await expect(events.bulkSummary.getByTestId('bulk-p95')).toHaveText(/\d+(\.\d)? m?s/);
  await events.bulkSection.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/events-bulk-light.png` });
  await events.setTheme('dark');
  await page.screenshot({ path: `${SHOTS}/events-bulk-dark.png` });
});

test('run a built-in scenario and see every step complete', async ({ page, hookbench }) => {
  const events = new EventsPage(page);
  await events.open(hookbench.uiUrl);
  await events.showScenarios();
  await page
    .getByTestId('scenario-list')
    .getByRole('button', { name: /Credo AI: a review/ })
    .click();
  await expect(events.scenarioDetail.getByTestId('scenario-step')).toHaveCount(3);
  await page.getByLabel('Delay compression factor').fill('100');
  await page.getByRole('button', { name: 'Run scenario' }).click();
  await expect(events.scenarioDetail.getByTestId('step-done')).toHaveCount(3);
  await expect(events.scenarioDetail.getByTestId('scenario-run')).toContainText('Every step was delivered.');
  await page.screenshot({ path: `${SHOTS}/events-scenario-light.png` });
  await events.setTheme('dark');
  await page.screenshot({ path: `${SHOTS}/events-scenario-dark.png` });
});
