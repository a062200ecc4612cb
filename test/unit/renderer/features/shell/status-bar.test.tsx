import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { useAppStore } from '../../../../../src/renderer/src/stores/app';
import { createFakeRawApi } from '../../helpers/fake-raw-api';
import { appInfo, detail, LISTENING } from '../../helpers/fixtures';
import { renderApp } from '../../helpers/render-app';

afterEach(() => {
  delete window.hookbench;
});

describe('status bar', () => {
  it('shows the receiver URL with a copy button and the capture count', async () => {
    const user = userEvent.setup();
    renderApp(createFakeRawApi([detail(1), detail(2), detail(3)]));
    const bar = screen.getByRole('contentinfo');

    expect(await screen.findByTestId('receiver-url')).toHaveTextContent('http://127.0.0.1:4545');
    await waitFor(() => expect(bar).toHaveTextContent('3 captures'));
    await user.click(screen.getByRole('button', { name: 'Copy receiver URL' }));
    expect(await navigator.clipboard.readText()).toBe('http://127.0.0.1:4545');
  });

  it('shows the error text when the receiver fails', async () => {
    const fake = createFakeRawApi();
    renderApp(fake);
    await screen.findByTestId('receiver-url');

    act(() =>
      fake.emit('receiver:changed', {
        ...LISTENING,
        state: 'failed',
        url: null,
        error: 'Not allowed to listen on port 80.',
      }),
    );

    expect(screen.queryByTestId('receiver-url')).not.toBeInTheDocument();
    expect(screen.getByRole('contentinfo')).toHaveTextContent(
      'Receiver failed: Not allowed to listen on port 80.',
    );
  });

  it('shows the live connection only in browser mode', async () => {
    renderApp(createFakeRawApi([], appInfo({ mode: 'browser' })));
    const status = await screen.findByTestId('connection-state');
    expect(status).toHaveAttribute('role', 'status');
    expect(status).toHaveTextContent('Live');
    act(() => useAppStore.getState().connectionChanged('reconnecting'));
    expect(status).toHaveTextContent('Connection lost, reconnecting…');
  });

  it('hides the connection state in the desktop app', async () => {
    renderApp(createFakeRawApi([], appInfo({ mode: 'desktop' })));
    await screen.findByTestId('receiver-url');
    expect(screen.getByRole('contentinfo')).not.toHaveTextContent('Live');
  });
});
