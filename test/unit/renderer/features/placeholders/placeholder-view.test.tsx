import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeRawApi } from '../../helpers/fake-raw-api';
import { PlaceholderView } from '../../../../../src/renderer/src/features/placeholders/placeholder-view';
import { renderApp } from '../../helpers/render-app';

afterEach(() => {
  delete window.hookbench;
});

// Subscriptions and Tenants are built now; the panel stays for areas that are planned but not built.
describe('the placeholder panel of an area not built yet', () => {
  it.each([
    ['Subscriptions', /create, list, update and delete webhook subscriptions.*sandbox tenant/],
    ['Tenants', /keep tenant profiles and their API keys/],
  ])('%s says what it will do and that it is not built yet', async (area, purpose) => {
    const user = userEvent.setup();
    renderApp(createFakeRawApi());
    render(<PlaceholderView area={area.toLowerCase() as 'subscriptions' | 'tenants'} />);

    expect(screen.getByRole('heading', { level: 1, name: area })).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByText(/Not built yet in this version/)).toHaveTextContent(
        'Not built yet in this version (0.1.0). Nothing here works today.',
      ),
    );
    expect(screen.getByText(purpose)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Go to the Inbox' }));
    expect(screen.getByRole('button', { name: /^Inbox/ })).toHaveAttribute('aria-current', 'page');
  });
});
