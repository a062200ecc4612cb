import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeRawApi } from '../../helpers/fake-raw-api';
import { detail, summary, utf8Base64 } from '../../helpers/fixtures';
import { renderApp } from '../../helpers/render-app';

afterEach(() => {
  delete window.hookbench;
});

const rows = () => screen.queryAllByTestId('capture-row');

function history() {
  return createFakeRawApi([
    detail(1, { url: '/hooks/default?e=paid', bodyBase64: utf8Base64('{"event":"paid"}') }),
    detail(2, { method: 'PUT', url: '/hooks/default?e=put', status: 404 }),
    detail(3, {
      url: '/hooks/default?e=refund',
      bodyBase64: utf8Base64('{"event":"refund"}'),
      contentType: 'text/plain',
    }),
  ]);
}

describe('filters bar', () => {
  it('searches once typing pauses, with `/` focusing the search from anywhere but a field', async () => {
    const user = userEvent.setup();
    const fake = history();
    renderApp(fake);
    await waitFor(() => expect(rows()).toHaveLength(3));

    await user.keyboard('/');
    const search = screen.getByRole('searchbox', { name: 'Search bodies, headers and URLs' });
    expect(search).toHaveFocus();
    await user.keyboard('refu');
    // Nothing is sent for every keystroke: only after the pause.
    expect(fake.listCalls.some((c) => c?.text !== undefined)).toBe(false);
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(fake.listCalls.filter((c) => c?.text !== undefined).map((c) => c?.text)).toEqual(['refu']);
    expect(rows()[0]).toHaveTextContent('?e=refund');

    // Escape empties the search.
    await user.keyboard('{Escape}');
    await waitFor(() => expect(rows()).toHaveLength(3));
  });

  it('filters by method, status class, exact status and content type, and clears them all', async () => {
    const user = userEvent.setup();
    const fake = history();
    renderApp(fake);
    await waitFor(() => expect(rows()).toHaveLength(3));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Method' }), 'PUT');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(fake.listCalls.at(-1)).toEqual({ method: 'PUT', limit: 100 });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Method' }), '');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), '2xx');
    await waitFor(() => expect(rows()).toHaveLength(2));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'exact');
    await user.type(screen.getByRole('textbox', { name: 'Exact status' }), '404');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(fake.listCalls.at(-1)).toEqual({ status: 404, limit: 100 });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), '');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Content type' }), 'text/');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]).toHaveTextContent('?e=refund');

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(fake.listCalls.at(-1)).toEqual({ limit: 100 });
  });

  it('shows pinned only, says when nothing matches, and leaves non-matching live captures out', async () => {
    const user = userEvent.setup();
    const fake = history();
    renderApp(fake);
    await waitFor(() => expect(rows()).toHaveLength(3));

    await user.click(screen.getByRole('button', { name: /Pinned/ }));
    expect(await screen.findByTestId('no-matches')).toHaveTextContent('No captures match these filters.');
    act(() => fake.emit('capture:received', summary(4)));
    expect(rows()).toHaveLength(0);
    act(() => fake.emit('capture:received', summary(5, { pinned: true })));
    expect(rows()).toHaveLength(1);
  });

  it('offers a refresh for live captures during a text search instead of inserting them', async () => {
    const user = userEvent.setup();
    const fake = history();
    renderApp(fake);
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'refund' } });
    await waitFor(() => expect(rows()).toHaveLength(1));

    fake.captures.push(detail(6, { url: '/hooks/default?e=refund-2', bodyBase64: utf8Base64('refund') }));
    act(() => fake.emit('capture:received', summary(6, { url: '/hooks/default?e=refund-2' })));
    expect(rows()).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: '1 new capture — refresh' }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(screen.queryByTestId('refresh-pill')).not.toBeInTheDocument();
  });
});
