import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { Composer } from '../../../../../src/renderer/src/features/subscriptions/composer';
import { TenantDialog } from '../../../../../src/renderer/src/features/tenants/tenant-dialog';
import { useSubscriptionsStore } from '../../../../../src/renderer/src/stores/subscriptions';
import {
  createSubscriptionsActions,
  initialSubscriptionsState,
  type SubscriptionsApi,
} from '../../../../../src/renderer/src/stores/subscriptions/actions';
import { useTenantsStore } from '../../../../../src/renderer/src/stores/tenants';
import {
  createTenantsActions,
  initialTenantsState,
} from '../../../../../src/renderer/src/stores/tenants/actions';
import { createSubsApi, tenant } from './subs-fake';

let fake: ReturnType<typeof createSubsApi>;

beforeEach(async () => {
  fake = createSubsApi();
  const { setState, getState } = useSubscriptionsStore;
  setState(
    {
      ...initialSubscriptionsState,
      ...createSubscriptionsActions(setState, getState, fake.api as unknown as SubscriptionsApi),
    },
    true,
  );
  const tenants = useTenantsStore;
  tenants.setState(
    {
      ...initialTenantsState,
      ...createTenantsActions(tenants.setState, tenants.getState, fake.api),
    },
    true,
  );
  await useSubscriptionsStore.getState().tenantSelected('t1', 'credo-ai');
});

async function openComposer() {
  render(<Composer sandbox={false} />);
  await useSubscriptionsStore.getState().composerOpened();
  return screen.findByTestId('field-url');
}

describe('Composer', () => {
  it('renders the documented fields with their requirement, an enum as a select and the event picker', async () => {
    await openComposer();
    expect(within(screen.getByTestId('field-url')).getByText('required')).toBeInTheDocument();
    expect(
      within(screen.getByTestId('field-authentication_server')).getByText('conditional'),
    ).toBeInTheDocument();
    const select = within(screen.getByTestId('field-authentication_method')).getByRole('combobox');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['(not set)', 'none', 'o_auth']);
    const picker = screen.getByTestId('event-type-picker');
    expect(picker).toHaveTextContent('Something new happened.');
    expect(within(picker).getByText('deprecated')).toBeInTheDocument();
  });

  it('shows a finding next to its field with its source, and applies its fix', async () => {
    await openComposer();
    const urlField = screen.getByTestId('field-url');
    expect(within(urlField).getByTestId('finding')).toHaveTextContent('url is required by the Guide (3.3).');
    expect(within(urlField).getByTestId('finding')).toHaveTextContent('Source: the Guide (3.3)');

    fireEvent.click(
      within(screen.getByTestId('field-event_types')).getByRole('checkbox', { name: /old_event/ }),
    );
    const fix = await within(screen.getByTestId('field-event_types')).findByRole('button', {
      name: /Apply fix: Remove the deprecated event/,
    });
    fireEvent.click(fix);
    await waitFor(() =>
      expect(
        within(screen.getByTestId('field-event_types')).getByRole('checkbox', { name: /old_event/ }),
      ).not.toBeChecked(),
    );
    expect(useSubscriptionsStore.getState().composer?.attributes.event_types).toEqual([]);
  });

  it('a form edit re-renders the raw body; a raw edit updates the form', async () => {
    await openComposer();
    fireEvent.change(within(screen.getByTestId('field-url')).getByRole('textbox'), {
      target: { value: 'https://hooks.test/a' },
    });
    await waitFor(() => expect(screen.getByTestId('raw-editor')).toHaveTextContent('https://hooks.test/a'));
    expect(screen.getByTestId('request-preview')).toHaveTextContent(
      'https://api.credo.ai/api/v2/acme/webhooks',
    );

    await useSubscriptionsStore
      .getState()
      .rawEdited('{"data":{"type":"webhook","attributes":{"url":"https://raw.test/b"}}}');
    await waitFor(() =>
      expect(within(screen.getByTestId('field-url')).getByRole('textbox')).toHaveValue('https://raw.test/b'),
    );
  });
});

describe('TenantDialog', () => {
  it('keeps the saved API key when the field is left empty', async () => {
    const saved = tenant();
    render(<TenantDialog open tenant={saved} onClose={() => undefined} />);
    expect(screen.getByLabelText('API key')).toHaveAttribute('type', 'password');
    expect(screen.getByLabelText('API key')).toHaveAttribute(
      'placeholder',
      'Leave empty to keep the saved key',
    );
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Acme prod' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.api.tenant.save).toHaveBeenCalled());
    const input = fake.api.tenant.save.mock.calls[0]![0] as Record<string, unknown>;
    expect(input).toMatchObject({ id: 't1', name: 'Acme prod', provider: 'credo-ai', tenant: 'acme' });
    expect(input).not.toHaveProperty('apiKey');
  });

  it('prefills the server per provider for a new profile', () => {
    render(<TenantDialog open tenant={null} onClose={() => undefined} />);
    expect(screen.getByLabelText('Server')).toHaveValue('https://api.credo.ai');
    fireEvent.change(screen.getByLabelText('Provider'), { target: { value: 'compliance-platform-v1' } });
    expect(screen.getByLabelText('Server')).toHaveValue('');
    expect(screen.getByLabelText('API key header')).toBeInTheDocument();
  });
});
