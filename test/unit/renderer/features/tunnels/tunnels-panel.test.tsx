import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useTunnelsStore } from '../../../../../src/renderer/src/stores/tunnels';
import { initialTunnelsState } from '../../../../../src/renderer/src/stores/tunnels/initial-state';
import { useSecretsStore } from '../../../../../src/renderer/src/stores/secrets';
import { initialSecretsState } from '../../../../../src/renderer/src/stores/secrets/initial-state';
import { createFakeRawApi } from '../../helpers/fake-raw-api';
import {
  session,
  tunnelStatus,
  withSignaturesAndTunnels,
  WRITABLE,
} from '../../helpers/fake-signatures-tunnels';
import { inbox } from '../../helpers/fixtures';
import { renderApp } from '../../helpers/render-app';

beforeEach(() => {
  useSecretsStore.setState(initialSecretsState);
  useTunnelsStore.setState(initialTunnelsState);
});
afterEach(() => {
  delete window.hookbench;
});

async function openPanel() {
  const fake = createFakeRawApi([]);
  const state = withSignaturesAndTunnels(fake, { secrets: WRITABLE, tunnel: tunnelStatus() });
  renderApp(fake);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Public URL…' }));
  const dialog = await screen.findByTestId('public-url-dialog');
  await within(dialog).findByTestId('tunnels-panel');
  return { fake, state, user, dialog };
}

describe('public URL panel', () => {
  it('explains an unavailable provider with install commands, this OS first, instead of a dead button', async () => {
    const { dialog } = await openPanel();
    const card = within(dialog).getByTestId('tunnel-card-cloudflared');
    expect(card).toHaveTextContent('cloudflared is not installed');
    const steps = within(card).getByTestId('install-steps');
    const oses = Array.from(steps.querySelectorAll('[data-os]'), (e) => e.getAttribute('data-os'));
    expect(oses).toEqual(['linux', 'macos', 'windows']);
    expect(steps).toHaveTextContent('sudo apt-get install cloudflared');
    expect(within(card).getByRole('button', { name: /Copy Linux install commands/ })).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: /Start Cloudflare/ })).toBeDisabled();
  });

  it('shows the relay warning before it is started', async () => {
    const { dialog, fake } = await openPanel();
    const relay = within(dialog).getByTestId('tunnel-card-relay');
    expect(within(relay).getByTestId('tunnel-warning')).toHaveTextContent('re-serializes the body');
    expect(fake.calls.some((c) => c.channel === 'tunnel:start')).toBe(false);
  });

  it('starts a custom URL and follows starting, online, failed with output', async () => {
    const { dialog, fake, state, user } = await openPanel();
    const custom = within(dialog).getByTestId('tunnel-card-custom');
    await user.click(within(custom).getByRole('button', { name: /Start/ }));
    expect(within(custom).getByRole('alert')).toHaveTextContent('Enter the public URL');
    await user.type(within(custom).getByLabelText('Public URL'), 'https://hooks.example.test');
    state.tunnel = tunnelStatus({ active: session({ kind: 'custom', state: 'starting' }) });
    await user.click(within(custom).getByRole('button', { name: /Start/ }));
    expect(fake.calls.find((c) => c.channel === 'tunnel:start')?.input).toEqual({
      kind: 'custom',
      url: 'https://hooks.example.test',
    });
    expect(await within(dialog).findByTestId('tunnel-state')).toHaveTextContent('Starting…');

    fake.inboxes = [inbox('default', { publicUrl: 'https://hooks.example.test/hooks/default' })];
    act(() =>
      fake.emit(
        'tunnel:changed',
        tunnelStatus({
          active: session({
            kind: 'custom',
            state: 'online',
            publicUrl: 'https://hooks.example.test',
            onlineAt: 2,
          }),
        }),
      ),
    );
    expect(within(dialog).getByTestId('tunnel-session')).toHaveAttribute('data-state', 'online');
    expect(within(dialog).getByTestId('tunnel-url')).toHaveTextContent('https://hooks.example.test');
    expect(screen.getByTestId('public-url')).toHaveTextContent('https://hooks.example.test');

    act(() =>
      fake.emit(
        'tunnel:changed',
        tunnelStatus({
          active: session({
            state: 'failed',
            error: 'failed to request quick Tunnel: 429 Too Many Requests',
            output: ['INF Requesting new quick Tunnel', 'ERR failed to request quick Tunnel'],
            restarts: 2,
            nextRetryAt: Date.now() + 8000,
          }),
        }),
      ),
    );
    expect(within(dialog).getByTestId('tunnel-error')).toHaveTextContent('429 Too Many Requests');
    expect(within(dialog).getByTestId('tunnel-output')).toHaveTextContent(
      'ERR failed to request quick Tunnel',
    );
    expect(within(dialog).getByTestId('tunnel-state')).toHaveTextContent(/Failed — restarting in \d s/);
    expect(within(dialog).getByTestId('tunnel-session')).toHaveTextContent('restarted 2×');
    expect(screen.queryByTestId('public-url')).toBeNull();
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.channel === 'inbox:list').length).toBeGreaterThan(1),
    );
  });
});
