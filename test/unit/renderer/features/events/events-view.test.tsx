import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { useFireStore } from '../../../../../src/renderer/src/stores/fire';
import { useInboxesStore } from '../../../../../src/renderer/src/stores/inboxes';
import { inbox } from '../../helpers/fixtures';
import { createEventsFake } from './events-fake';
import { renderEvents } from './render-events';

afterEach(() => {
  delete window.hookbench;
});

async function openFirePanel() {
  const fake = createEventsFake();
  const user = userEvent.setup();
  renderEvents(fake);
  const panel = await screen.findByTestId('fire-panel');
  await waitFor(() => expect(useFireStore.getState().sample.status).toBe('ready'));
  return { fake, user, panel };
}

describe('events area', () => {
  it('shows the first event with its description, badges and documented example', async () => {
    await openFirePanel();
    const detail = screen.getByTestId('event-detail');
    expect(within(detail).getByRole('heading', { level: 1 })).toHaveTextContent(
      'use_case_review_status_updated',
    );
    expect(within(detail).getByText('Sent when use_case_review_status_updated happens.')).toBeInTheDocument();
    expect(within(detail).getByTestId('event-example')).toHaveTextContent('From the guide');
    const deprecated = screen.getAllByTestId('event-row').find((r) => r.textContent.includes('governance'));
    expect(deprecated).toHaveTextContent('deprecated');
    expect(deprecated).toHaveTextContent('payload not documented');
  });

  it('disables Send with the reason while the payload is not valid JSON', async () => {
    const { panel } = await openFirePanel();
    const send = within(panel).getByRole('button', { name: 'Send' });
    expect(send).toBeEnabled();
    useFireStore.getState().bodyEdited('{"data": ');
    await waitFor(() => expect(send).toBeDisabled());
    expect(within(panel).getByTestId('send-blocker')).toHaveTextContent(/^The payload is not valid JSON/);
    expect(within(panel).getByTestId('payload-problem')).toBeInTheDocument();
  });

  it('preselects the default inbox, lists the others, and switches to a URL target', async () => {
    const { panel, user, fake } = await openFirePanel();
    useInboxesStore.getState().inboxesChanged([inbox('default'), inbox('stripe')]);
    const picker = await within(panel).findByRole('combobox', { name: 'Inbox' });
    expect(picker).toHaveValue('default');
    expect(
      within(picker)
        .getAllByRole('option')
        .map((o) => o.getAttribute('value')),
    ).toEqual(['default', 'stripe']);

    await user.click(within(panel).getByRole('button', { name: 'URL' }));
    expect(within(panel).getByRole('button', { name: 'Send' })).toBeDisabled();
    expect(within(panel).getByTestId('send-blocker')).toHaveTextContent('Enter the URL to fire to.');
    await user.type(within(panel).getByRole('textbox', { name: 'Target URL' }), 'https://example.com/hook');
    await user.click(within(panel).getByRole('button', { name: 'Send' }));
    await screen.findByTestId('send-result');
    const sent = fake.calls.find((c) => c.channel === 'fire:send')?.input;
    expect(sent).toMatchObject({ target: { kind: 'url', url: 'https://example.com/hook' } });
    expect(within(screen.getByTestId('send-result')).getByTestId('fire-status')).toHaveTextContent('200');
  });

  it('lists built-in and saved scenarios; only saved ones can be deleted', async () => {
    const { user } = await openFirePanel();
    await user.click(screen.getByRole('button', { name: 'Scenarios' }));
    const list = await screen.findByTestId('scenario-list');
    await within(list).findByRole('button', { name: /Credo AI: a review/ });
    expect(
      within(screen.getByTestId('scenario-detail')).getByRole('button', { name: 'Edit a copy' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(screen.getAllByTestId('scenario-step')).toHaveLength(2);

    await user.click(within(list).getByRole('button', { name: /Mine/ }));
    expect(screen.getByRole('button', { name: 'Delete' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Run scenario' })).toBeEnabled();
  });
});
