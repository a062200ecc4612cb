import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeRawApi } from '../../helpers/fake-raw-api';
import { appInfo, detail } from '../../helpers/fixtures';
import { renderApp } from '../../helpers/render-app';

afterEach(() => {
  delete window.hookbench;
});

/** The value shown for one term of a definition list. */
function fact(term: string): HTMLElement {
  const dt = screen.getByText(term, { selector: 'dt' });
  const dd = dt.nextElementSibling;
  if (!(dd instanceof HTMLElement)) throw new Error(`No value for ${term}`);
  return dd;
}

describe('Settings', () => {
  it('shows the real facts of this run from app:info', async () => {
    const user = userEvent.setup();
    renderApp(createFakeRawApi([detail(1), detail(2)], appInfo({ version: '0.1.0', mode: 'browser' })));
    await user.click(screen.getByRole('button', { name: 'Settings' }));

    await waitFor(() => expect(fact('Version')).toHaveTextContent('0.1.0'));
    expect(fact('Mode')).toHaveTextContent('Browser (hookbench serve)');
    expect(fact('Data directory')).toHaveTextContent('/home/ada/.config/hookbench');
    expect(fact('Database')).toHaveTextContent('/home/ada/.config/hookbench/hookbench.sqlite');
    expect(fact('Captures stored')).toHaveTextContent('2');
    expect(fact('State')).toHaveTextContent('Receiver listening on http://127.0.0.1:4545');
    expect(fact('Receiver URL')).toHaveTextContent('http://127.0.0.1:4545');
    expect(fact('Theme')).toHaveTextContent('Follows your operating system');

    await user.click(within(fact('Data directory')).getByRole('button', { name: 'Copy data directory' }));
    expect(await navigator.clipboard.readText()).toBe('/home/ada/.config/hookbench');
  });

  it('shows an app:info failure with a retry', async () => {
    const user = userEvent.setup();
    const fake = createFakeRawApi();
    fake.failing['app:info'] = {
      ok: false,
      error: { code: 'unavailable', message: 'Cannot reach the server.' },
    };
    renderApp(fake);
    await user.click(screen.getByRole('button', { name: 'Settings' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Could not read this run's settings");
    expect(alert).toHaveTextContent('Cannot reach the server.');
    delete fake.failing['app:info'];
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(fact('Version')).toHaveTextContent('0.1.0'));
  });
});
