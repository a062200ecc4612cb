import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeRawApi } from '../../helpers/fake-raw-api';
import { detail, inbox } from '../../helpers/fixtures';
import { renderApp } from '../../helpers/render-app';

afterEach(() => {
  delete window.hookbench;
});

async function openSwitcher(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByTestId('inbox-switcher'));
  return screen.findByRole('menu');
}

describe('inbox dialogs', () => {
  it('checks the slug while typing, shows the core refusal, and shows the new inbox once created', async () => {
    const user = userEvent.setup();
    const fake = createFakeRawApi([detail(1)]);
    renderApp(fake);
    await waitFor(() => expect(screen.getAllByTestId('capture-row')).toHaveLength(1));

    const menu = await openSwitcher(user);
    await user.click(within(menu).getByRole('menuitem', { name: 'New inbox…' }));
    const dialog = await screen.findByRole('dialog', { name: 'New inbox' });
    const slug = within(dialog).getByRole('textbox', { name: 'Slug' });
    const create = within(dialog).getByRole('button', { name: 'Create inbox' });
    expect(slug).toHaveFocus();
    expect(create).toBeDisabled();

    await user.type(slug, 'Orders');
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'Slug: use lower-case letters, digits and dashes (not at either end)',
    );
    expect(create).toBeDisabled();
    await user.clear(slug);
    await user.type(slug, 'default');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Slug: an inbox "default" already exists');

    await user.clear(slug);
    await user.type(slug, 'orders');
    expect(within(dialog).getByText('Webhooks go to http://127.0.0.1:4545/hooks/orders')).toBeInTheDocument();
    fake.failing['inbox:create'] = {
      ok: false,
      error: { code: 'invalid_input', message: 'Invalid input for inbox:create: name: too long' },
    };
    await user.click(create);
    expect(
      await within(dialog).findByText('Invalid input for inbox:create: name: too long'),
    ).toBeInTheDocument();

    delete fake.failing['inbox:create'];
    await user.click(create);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByTestId('inbox-switcher')).toHaveTextContent('orders');
    expect(screen.getByTestId('inbox-url')).toHaveTextContent('http://127.0.0.1:4545/hooks/orders');
    expect(fake.listCalls.at(-1)).toEqual({ inbox: 'orders', limit: 100 });
    expect(await screen.findByTestId('no-matches')).toHaveTextContent(
      'Nothing has arrived at the inbox "orders" yet.',
    );
  });

  it('validates the inbox settings, saves them, and keeps the default inbox from moving', async () => {
    const user = userEvent.setup();
    const fake = createFakeRawApi([detail(1)]);
    renderApp(fake);
    const menu = await openSwitcher(user);
    await user.click(within(menu).getByRole('menuitemradio', { name: /^default/ }));
    await user.click(await screen.findByRole('button', { name: 'Settings of inbox default' }));
    const dialog = await screen.findByRole('dialog', { name: 'Inbox settings: default' });
    expect(within(dialog).getByRole('textbox', { name: 'Slug' })).toBeDisabled();
    expect(within(dialog).queryByRole('button', { name: 'Delete inbox…' })).not.toBeInTheDocument();

    const status = within(dialog).getByRole('textbox', { name: 'Status' });
    await user.clear(status);
    await user.type(status, '99');
    await user.type(within(dialog).getByRole('textbox', { name: 'Forward to' }), 'localhost:3000');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByText('Status must be from 100 to 599')).toBeInTheDocument();
    expect(
      within(dialog).getByText('The forward URL must start with http:// or https://'),
    ).toBeInTheDocument();
    expect(fake.calls.some((c) => c.channel === 'inbox:update')).toBe(false);

    await user.clear(status);
    await user.type(status, '202');
    await user.clear(within(dialog).getByRole('textbox', { name: 'Forward to' }));
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Forward to' }),
      'http://127.0.0.1:3000/hook',
    );
    const failFirst = within(dialog).getByRole('textbox', { name: 'Fail first attempts' });
    await user.clear(failFirst);
    await user.type(failFirst, '2');
    await user.click(within(dialog).getByRole('radio', { name: 'the downstream response' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add header' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Response header 2 name' }), 'X-Test');
    await user.type(within(dialog).getByRole('textbox', { name: 'Response header 2 value' }), 'yes');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const update = fake.calls.find((c) => c.channel === 'inbox:update');
    expect(update?.input).toMatchObject({
      slug: 'default',
      settings: {
        response: {
          status: 202,
          headers: [
            ['Content-Type', 'application/json'],
            ['X-Test', 'yes'],
          ],
        },
        failure: { failFirstAttempts: 2 },
        forward: { url: 'http://127.0.0.1:3000/hook', respondWith: 'downstream' },
      },
    });
    expect(update?.input).not.toHaveProperty('newSlug');
    expect(screen.getByTestId('inbox-bar')).toHaveTextContent('fails first 2');
  });

  it('asks before deleting an inbox, saying how many captures go with it', async () => {
    const user = userEvent.setup();
    const fake = createFakeRawApi([detail(1, { inbox: 'stripe' })]);
    fake.inboxes = [inbox('default'), inbox('stripe', { captureCount: 12 })];
    renderApp(fake);
    const menu = await openSwitcher(user);
    await user.click(within(menu).getByRole('menuitem', { name: 'Manage inboxes…' }));
    const manage = await screen.findByRole('dialog', { name: 'Inboxes' });
    expect(within(manage).getByText('http://127.0.0.1:4545/hooks/stripe')).toBeInTheDocument();
    expect(within(manage).getByRole('button', { name: 'Copy URL of stripe' })).toBeInTheDocument();
    expect(within(manage).queryByRole('button', { name: 'Delete default' })).not.toBeInTheDocument();
    await user.click(within(manage).getByRole('button', { name: 'Delete stripe' }));

    const confirm = await screen.findByRole('dialog', { name: 'Delete inbox "stripe"?' });
    expect(confirm).toHaveTextContent('its 12 captures are deleted with it, pinned ones included');
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: 'Delete inbox and 12 captures' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.calls.some((c) => c.channel === 'inbox:delete')).toBe(true);
  });
});
