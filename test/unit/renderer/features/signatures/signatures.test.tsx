import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signatureBadgeLook } from '../../../../../src/renderer/src/features/signatures/signature-format';
import { useSecretsStore } from '../../../../../src/renderer/src/stores/secrets';
import { initialSecretsState } from '../../../../../src/renderer/src/stores/secrets/initial-state';
import { useInboxesStore } from '../../../../../src/renderer/src/stores/inboxes';
import { useTunnelsStore } from '../../../../../src/renderer/src/stores/tunnels';
import { initialTunnelsState } from '../../../../../src/renderer/src/stores/tunnels/initial-state';
import { createFakeRawApi } from '../../helpers/fake-raw-api';
import { tunnelStatus, withSignaturesAndTunnels, WRITABLE } from '../../helpers/fake-signatures-tunnels';
import { detail, inbox } from '../../helpers/fixtures';
import { renderApp } from '../../helpers/render-app';

beforeEach(() => {
  useSecretsStore.setState(initialSecretsState);
  useTunnelsStore.setState(initialTunnelsState);
});
afterEach(() => {
  delete window.hookbench;
});

const failed = detail(2, {
  signature: { scheme: 'standard-webhooks', verdict: 'invalid', reason: 'No signature matches the body.' },
  verification: {
    cause: 'body-changed',
    signedContent: 'msg_2.1700000000.{"n":2}',
    expected: 'v1,EXPECTED=',
    received: 'v1,RECEIVED=',
    secretMasked: 'whsec_MfKQ…(32 chars)',
    details: ['The secret is read as base64 after whsec_.', 'Not with the body re-serialized either.'],
    checkedAt: 1_700_000_000_000,
  },
});

function setup(captures = [detail(1), failed], secrets = WRITABLE, inboxes = [inbox('default')]) {
  const fake = createFakeRawApi(captures);
  fake.inboxes = inboxes;
  withSignaturesAndTunnels(fake, { secrets, tunnel: tunnelStatus() });
  renderApp(fake);
  return { fake, user: userEvent.setup() };
}

describe('signature badge', () => {
  it('maps verdicts to marks and colours; nothing for unconfigured', () => {
    expect(signatureBadgeLook({ scheme: 'stripe', verdict: 'valid', reason: null })).toMatchObject({
      mark: '✓',
      tone: 'success',
    });
    expect(signatureBadgeLook({ scheme: 'stripe', verdict: 'invalid', reason: 'x' })).toMatchObject({
      mark: '✗',
      tone: 'danger',
    });
    expect(signatureBadgeLook({ scheme: 'stripe', verdict: 'expired', reason: 'x' })?.tone).toBe('warning');
    expect(signatureBadgeLook({ scheme: 'stripe', verdict: 'missing', reason: 'x' })?.tone).toBe('warning');
    expect(signatureBadgeLook({ scheme: null, verdict: 'unconfigured', reason: null })).toBeNull();
  });

  it('shows the verdict in the list row with the reason as its accessible name', async () => {
    setup();
    const rows = await screen.findAllByTestId('capture-row');
    const badge = within(rows[0]!).getByTestId('signature-badge');
    expect(badge).toHaveAttribute('data-verdict', 'invalid');
    expect(badge).toHaveAccessibleName(/Signature invalid \(Standard Webhooks\): No signature matches/);
    expect(within(rows[1]!).queryByTestId('signature-badge')).toBeNull();
  });

  it('filters by signature verdict', async () => {
    const { fake, user } = setup();
    await screen.findAllByTestId('capture-row');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Signature' }), 'invalid');
    await waitFor(() => expect(fake.listCalls.at(-1)).toMatchObject({ signature: 'invalid' }));
  });
});

describe('signature tab', () => {
  it('shows verdict, reason, cause, masked secret, both signatures, the signed content and what was tried', async () => {
    const { user } = setup();
    await user.click((await screen.findAllByTestId('capture-row'))[0]!);
    const tab = await screen.findByRole('tab', { name: /Signature/ });
    expect(tab).toHaveTextContent('Signature ✗');
    await user.click(tab);
    const view = screen.getByTestId('signature-view');
    expect(within(view).getByTestId('signature-verdict')).toHaveTextContent('Signature invalid');
    expect(within(view).getByTestId('signature-reason')).toHaveTextContent('No signature matches the body.');
    expect(within(view).getByTestId('signature-cause')).toHaveTextContent('changed after it was signed');
    expect(within(view).getByTestId('signature-secret')).toHaveTextContent('whsec_MfKQ…(32 chars)');
    expect(within(view).getByTestId('signature-expected')).toHaveTextContent('v1,EXPECTED=');
    expect(within(view).getByTestId('signature-received')).toHaveTextContent('v1,RECEIVED=');
    expect(within(view).getByTestId('signature-signed-content')).toHaveTextContent(
      'msg_2.1700000000.{"n":2}',
    );
    expect(within(view).getByTestId('signature-details').querySelectorAll('li')).toHaveLength(2);
    expect(within(view).getByRole('button', { name: 'Copy expected signature' })).toBeInTheDocument();
  });

  it('says when the inbox does not verify and opens its verification settings', async () => {
    const { user } = setup();
    await user.click((await screen.findAllByTestId('capture-row'))[1]!);
    await user.click(await screen.findByRole('tab', { name: 'Signature' }));
    const view = screen.getByTestId('signature-view');
    expect(view).toHaveTextContent('Not verified — this inbox has no verification');
    await user.click(within(view).getByRole('button', { name: /Set up verification/ }));
    expect(useInboxesStore.getState().dialog).toEqual({
      kind: 'settings',
      slug: 'default',
      focus: 'verification',
    });
    expect(await screen.findByTestId('verification-section')).toBeInTheDocument();
  });
});

describe('verification settings', () => {
  const verified = inbox('default', {
    verification: {
      scheme: 'standard-webhooks',
      options: { toleranceSeconds: 600 },
      secretMasked: 'whsec_MfKQ…(32 chars)',
      source: 'saved',
      problem: null,
    },
  });

  it('keeps the saved secret when the field is left empty', async () => {
    const { fake, user } = setup([], WRITABLE, [verified]);
    await waitFor(() => expect(useInboxesStore.getState().status).toBe('ready'));
    useInboxesStore.getState().dialogOpened({ kind: 'settings', slug: 'default' });
    const section = await screen.findByTestId('verification-section');
    expect(within(section).getByTestId('verification-now')).toHaveTextContent('whsec_MfKQ…(32 chars)');
    expect(within(section).getByLabelText('Signing secret')).toHaveAttribute('type', 'password');
    expect(within(section).getByLabelText('Tolerance (s)')).toHaveValue('600');
    await user.click(within(section).getByRole('button', { name: 'Set verification' }));
    await waitFor(() =>
      expect(fake.calls.find((c) => c.channel === 'inbox:set-verification')?.input).toEqual({
        slug: 'default',
        scheme: 'standard-webhooks',
        options: { toleranceSeconds: 600 },
      }),
    );
    expect(await within(section).findByTestId('verification-saved')).toHaveTextContent('Standard Webhooks');
  });

  it('sends a new secret and asks for one when none is saved', async () => {
    const { fake, user } = setup([], WRITABLE);
    useInboxesStore.getState().dialogOpened({ kind: 'settings', slug: 'default' });
    const section = await screen.findByTestId('verification-section');
    await user.selectOptions(within(section).getByLabelText('Scheme'), 'stripe');
    await user.click(within(section).getByRole('button', { name: 'Set verification' }));
    expect(within(section).getByText('Enter the endpoint secret')).toBeInTheDocument();
    await user.type(within(section).getByLabelText('Endpoint secret'), 'whsec_abc');
    await user.click(within(section).getByRole('button', { name: 'Set verification' }));
    await waitFor(() =>
      expect(fake.calls.find((c) => c.channel === 'inbox:set-verification')?.input).toEqual({
        slug: 'default',
        scheme: 'stripe',
        options: {},
        secret: 'whsec_abc',
      }),
    );
  });

  it('shows the secret store problem instead of a dead field', async () => {
    setup([], {
      kind: 'encrypted-file',
      writable: false,
      problem: 'Set HOOKBENCH_SECRET_KEY (at least 16 characters) and restart to save secrets.',
    });
    useInboxesStore.getState().dialogOpened({ kind: 'settings', slug: 'default' });
    const section = await screen.findByTestId('verification-section');
    expect(await within(section).findByTestId('secrets-problem')).toHaveTextContent('HOOKBENCH_SECRET_KEY');
    expect(within(section).queryByLabelText('Signing secret')).toBeNull();
    expect(within(section).getByRole('button', { name: 'Set verification' })).toBeDisabled();
  });
});
