import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { startDownstream } from '../helpers/downstream-server';
import { expect, test } from './fixtures/hookbench-serve';
import { HistoryPage } from './pages/history-page';
import { sendWebhook } from './fixtures/send-webhook';

const SHOTS = 'test-results/screenshots';

/** Sends one webhook to the receiver and returns the status it got. */

test('an inbox created in the UI receives webhooks; the list filters by inbox and by text, live', async ({
  page,
  hookbench,
}) => {
  const history = new HistoryPage(page);
  await sendWebhook(`${hookbench.receiverUrl}/hooks/default?n=0`, '{"kind":"elsewhere"}');
  await history.open(hookbench.uiUrl);
  await expect(history.rows).toHaveCount(1);

  await history.createInbox('orders');
  // The new inbox is shown at once, with the URL to send to.
  await expect(history.switcher).toContainText('orders');
  await expect(history.inboxUrl).toHaveText(`${hookbench.receiverUrl}/hooks/orders`);
  await expect(history.noMatches).toContainText('Nothing has arrived at the inbox "orders" yet');

  expect(
    await sendWebhook(`${hookbench.receiverUrl}/hooks/orders?n=1`, '{"order":"A-1001","state":"paid"}'),
  ).toBe(200);
  expect(
    await sendWebhook(`${hookbench.receiverUrl}/hooks/orders?n=2`, '{"order":"A-1002","state":"refunded"}'),
  ).toBe(200);
  // A live capture of another inbox is not inserted into the filtered list.
  await sendWebhook(`${hookbench.receiverUrl}/hooks/default?n=3`, '{"state":"refunded"}');
  await expect(history.rows).toHaveCount(2);
  await expect(history.rows.nth(0)).toContainText('/hooks/orders?n=2');
  await expect(history.rows.nth(1)).toContainText('/hooks/orders?n=1');
  await expect(history.total).toHaveText('2 captures');

  await history.switcher.click();
  await page.getByRole('menuitem', { name: 'Manage inboxes…' }).click();
  const manage = page.getByTestId('manage-inboxes-dialog');
  await expect(manage.getByTestId('inbox-table-row')).toHaveCount(2);
  await expect(manage).toContainText(`${hookbench.receiverUrl}/hooks/orders`);
  await page.screenshot({ path: `${SHOTS}/inboxes-dialog.png` });
  await page.keyboard.press('Escape');
  await expect(manage).toBeHidden();

  await history.showInbox(null);
  await expect(history.rows).toHaveCount(4);
  await history.showInbox('orders');
  await expect(history.rows).toHaveCount(2);

  // `/` focuses the search from anywhere that is not a field.
  await history.rows.first().click();
  await page.keyboard.press('/');
  await expect(history.search).toBeFocused();
  await page.keyboard.type('refunded');
  await expect(history.rows).toHaveCount(1);
  await expect(history.rows.first()).toContainText('/hooks/orders?n=2');

  // During a text search live captures wait behind a refresh pill (only the index knows if they match).
  await sendWebhook(`${hookbench.receiverUrl}/hooks/orders?n=4`, '{"order":"A-1003","state":"refunded"}');
  const pill = page.getByTestId('refresh-pill');
  await expect(pill).toHaveText('1 new capture — refresh');
  await page.screenshot({ path: `${SHOTS}/history-filters.png` });
  await pill.click();
  await expect(history.rows).toHaveCount(2);
  await expect(history.rows.first()).toContainText('/hooks/orders?n=4');
});

test('a pinned capture survives Clear', async ({ page, hookbench }) => {
  for (const n of [1, 2, 3]) await sendWebhook(`${hookbench.receiverUrl}/hooks/default?n=${n}`, `{"n":${n}}`);
  const history = new HistoryPage(page);
  await history.open(hookbench.uiUrl);
  await expect(history.rows).toHaveCount(3);

  await history.row('?n=2').click();
  await history.detailAction('Pin').click();
  await expect(history.row('?n=2')).toHaveAttribute('data-pinned', 'true');
  await expect(history.detailAction('Unpin')).toBeVisible();

  await history.listMenu('Clear…');
  const dialog = page.getByTestId('clear-dialog');
  await expect(dialog).toContainText('except pinned captures, which are kept');
  await page.screenshot({ path: `${SHOTS}/history-clear-dialog.png` });
  await dialog.getByRole('button', { name: 'Clear all' }).click();

  await expect(history.rows).toHaveCount(1);
  await expect(history.rows.first()).toContainText('?n=2');
  await expect(history.total).toHaveText('1 capture');

  // Retention keeps pinned captures too: keep at most 1 capture, then send two more.
  await page.getByRole('button', { name: 'Settings' }).click();
  const retention = page.getByTestId('retention-form');
  await retention.getByLabel('Keep at most').fill('1');
  await retention.getByRole('button', { name: 'Save retention' }).click();
  await expect(retention.getByRole('status')).toHaveText('Saved.');
  await page.screenshot({ path: `${SHOTS}/settings-retention.png` });
  await page.getByRole('button', { name: /^Inbox/ }).click();
  for (const n of [4, 5]) await sendWebhook(`${hookbench.receiverUrl}/hooks/default?n=${n}`, `{"n":${n}}`);
  await expect(history.row('?n=5')).toBeVisible();
  // Retention runs on its timer; the pinned capture is there whatever it deleted.
  await expect(history.row('?n=2')).toBeVisible();
});

test('failing the first two attempts answers 500, 500, 200 and the Attempts tab shows the timeline', async ({
  page,
  hookbench,
}) => {
  await sendWebhook(`${hookbench.receiverUrl}/hooks/default?warmup`, '{}');
  const history = new HistoryPage(page);
  await history.open(hookbench.uiUrl);
  await history.showInbox('default');
  const settings = await history.openInboxSettings();
  await settings.getByLabel('Fail first attempts').fill('2');
  await page.screenshot({ path: `${SHOTS}/inbox-settings.png` });
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toBeHidden();
  await expect(history.inboxBar).toContainText('fails first 2');

  const statuses: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    statuses.push(
      await sendWebhook(`${hookbench.receiverUrl}/hooks/default/orders`, '{"id":"evt_1"}', {
        'svix-id': 'msg_retry',
      }),
    );
  }
  expect(statuses).toEqual([500, 500, 200]);

  await expect(history.rows).toHaveCount(4);
  await expect(history.rows.nth(0)).toContainText('#3');
  await expect(history.rows.nth(2)).toContainText('#1');
  await history.rows.nth(0).click();
  await history.showDetailTab('Attempts');
  await expect(history.attempts).toHaveCount(3);
  await expect(history.attempts.nth(0)).toContainText('#1');
  await expect(history.attempts.nth(0)).toContainText('500');
  await expect(history.attempts.nth(1)).toContainText('500');
  await expect(history.attempts.nth(2)).toContainText('200');
  await expect(history.attempts.nth(2)).toHaveAttribute('aria-current', 'true');
  await page.screenshot({ path: `${SHOTS}/history-attempts.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SHOTS}/history-attempts-dark.png` });
  await page.emulateMedia({ colorScheme: 'light' });

  // Clicking an attempt opens it.
  await history.attempts.nth(0).getByRole('button').click();
  await expect(history.attempts.nth(0)).toHaveAttribute('aria-current', 'true');
  await expect(history.detail).toContainText('attempt #1');
});

test('a capture replayed to a local server shows its answer, and the server got the exact bytes', async ({
  page,
  hookbench,
}) => {
  const downstream = await startDownstream(() => ({
    status: 201,
    headers: { 'Content-Type': 'application/json', 'X-Downstream': 'yes' },
    body: '{"accepted":true}',
  }));
  try {
    const body = '{"type":"invoice.paid","amount":1299,"note":"caf\u00e9 \u2713"}';
    await sendWebhook(`${hookbench.receiverUrl}/hooks/default/billing`, body, { 'X-Custom': 'kept' });
    const history = new HistoryPage(page);
    await history.open(hookbench.uiUrl);
    await history.rows.first().click();
    await expect(history.body).toContainText('"invoice.paid"');
    await page.keyboard.press('r');
    await expect(history.replayPanel).toBeVisible();
    await history.replayPanel.getByLabel('Send to').fill(`${downstream.url}/webhooks`);
    await history.replayPanel.getByRole('button', { name: 'Send as captured' }).click();

    await expect(history.replayResult).toContainText('201');
    await expect(history.replayResult).toContainText('"accepted": true');
    await expect(history.replayResult).toContainText('x-downstream');
    expect(downstream.seen).toHaveLength(1);
    expect(downstream.seen[0]?.url).toBe('/webhooks');
    expect(downstream.seen[0]?.body.equals(Buffer.from(body, 'utf8'))).toBe(true);
    expect(downstream.seen[0]?.rawHeaders).toContain('X-Custom');
    // The replay is stored beside the capture and listed.
    await expect(page.getByTestId('past-replay')).toHaveCount(1);
    await page.screenshot({ path: `${SHOTS}/history-replay.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}/history-replay-dark.png` });
  } finally {
    await downstream.close();
  }
});

test('an NDJSON export downloaded from the UI imports into a fresh Hookbench', async ({
  page,
  hookbench,
  otherHookbench,
}) => {
  await sendWebhook(`${hookbench.receiverUrl}/hooks/default?n=1`, '{"first":true}');
  await sendWebhook(`${hookbench.receiverUrl}/hooks/default?n=2`, new Uint8Array([0x00, 0xff, 0x10, 0x80]), {
    'Content-Type': 'application/octet-stream',
  });
  const history = new HistoryPage(page);
  await history.open(hookbench.uiUrl);
  await expect(history.rows).toHaveCount(2);

  await history.listMenu('Export…');
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog.getByRole('radio', { name: /NDJSON/ })).toBeChecked();
  await page.screenshot({ path: `${SHOTS}/history-export-dialog.png` });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^hookbench-.*\.ndjson$/);
  const file = 'test-results/e2e-export.ndjson';
  await download.saveAs(file);
  expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
  await expect(history.transferNotice).toContainText('Exported 2 captures');

  await history.open(otherHookbench.uiUrl);
  await expect(history.emptyState).toBeVisible();
  const choosing = page.waitForEvent('filechooser');
  await history.listMenu('Import…');
  await (await choosing).setFiles(file);
  await expect(history.transferNotice).toContainText('Imported 2 captures');
  await expect(history.rows).toHaveCount(2);
  await expect(history.rows.first()).toContainText('?n=2');
  await page.screenshot({ path: `${SHOTS}/history-imported.png` });
});

test('a binary body is shown as hex and a JSON string holding JSON is shown decoded', async ({
  page,
  hookbench,
}) => {
  await sendWebhook(
    `${hookbench.receiverUrl}/hooks/default/upload`,
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]),
    {
      'Content-Type': 'image/png',
    },
  );
  const credas = JSON.stringify({
    UpdateType: 1,
    Payload: JSON.stringify({
      ProcessId: 'a1b2c3',
      Status: 'Completed',
      Checks: [{ Name: 'AML', Result: 'Pass' }],
    }),
  });
  await sendWebhook(`${hookbench.receiverUrl}/hooks/default/credas`, credas);
  const history = new HistoryPage(page);
  await history.open(hookbench.uiUrl);

  await history.row('/upload').click();
  await expect(history.body).toHaveAttribute('data-body-kind', 'binary');
  await expect(history.body).toContainText('89 50 4e 47 0d 0a 1a 0a  00 ff');
  await page.screenshot({ path: `${SHOTS}/history-hex.png` });

  await history.row('/credas').click();
  await expect(history.bodyView('Decoded')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('detail-body-decoded-paths')).toContainText('Payload');
  await expect(history.body).toContainText('"ProcessId": "a1b2c3"');
  await expect(history.body).toContainText('"UpdateType": 1');
  await page.screenshot({ path: `${SHOTS}/history-decoded.png` });
  await history.bodyView('Pretty').click();
  await expect(history.body).toContainText('"Payload": "{\\"ProcessId\\"');
  await page.emulateMedia({ colorScheme: 'dark' });
  await history.bodyView('Decoded').click();
  await page.screenshot({ path: `${SHOTS}/history-decoded-dark.png` });
});

test('Copy as curl gives a command that sends the captured bytes exactly, NUL and invalid UTF-8 included', async ({
  page,
  context,
  hookbench,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(hookbench.uiUrl).origin,
  });
  const bodies = {
    '/hooks/default/raw': Uint8Array.from([
      0x7b, 0xff, 0xfe, 0x27, 0x5c, 0x0a, 0xe2, 0x9c, 0x93, 0x25, 0x24, 0x60,
    ]),
    '/hooks/default/nul': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x27, 0x25, 0x00, 0xff]),
  };
  for (const [path, body] of Object.entries(bodies)) {
    await sendWebhook(`${hookbench.receiverUrl}${path}?q[]=1`, body, {
      'Content-Type': 'application/octet-stream',
      'X-Signature': "v1,a'b",
    });
  }
  const downstream = await startDownstream(() => ({ status: 204 }));
  try {
    const history = new HistoryPage(page);
    await history.open(hookbench.uiUrl);
    for (const [path, body] of Object.entries(bodies)) {
      await history.row(path).click();
      await expect(history.detail).toContainText(path);
      await page.keyboard.press('c');
      await expect(page.getByTestId('toast')).toContainText('as curl');
      const command = String(await page.evaluate('navigator.clipboard.readText()'));
      // Asynchronously: the downstream server answering curl lives in this very process.
      await promisify(execFile)('bash', ['-c', command.replace(hookbench.receiverUrl, downstream.url)], {
        timeout: 10_000,
      });
      const seen = downstream.seen.at(-1);
      expect(seen?.method).toBe('POST');
      expect(seen?.url).toBe(`${path}?q[]=1`);
      expect([...(seen?.body ?? [])]).toEqual([...body]);
      const headers = seen?.rawHeaders ?? [];
      expect(headers[headers.indexOf('X-Signature') + 1]).toBe("v1,a'b");
      expect(headers).not.toContain('User-Agent');
    }
  } finally {
    await downstream.close();
  }
});
