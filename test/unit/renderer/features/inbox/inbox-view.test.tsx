import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeRawApi } from '../../helpers/fake-raw-api';
import { BASE_TIME, appInfo, bytesBase64, detail, summary, utf8Base64 } from '../../helpers/fixtures';
import { codeText, renderApp } from '../../helpers/render-app';

afterEach(() => {
  delete window.hookbench;
});

const rows = () => screen.getAllByTestId('capture-row');

describe('Inbox', () => {
  it('lists captures newest first with time, method, path, status, type and size', async () => {
    const fake = createFakeRawApi([
      detail(1),
      detail(2, { method: 'PUT', url: '/x?a=1', status: 404, contentType: 'text/plain', size: 1229 }),
    ]);
    renderApp(fake);

    await waitFor(() => expect(rows()).toHaveLength(2));
    const first = rows()[0]!;
    expect(first).toHaveTextContent('PUT');
    expect(first).toHaveTextContent('/x?a=1');
    expect(first).toHaveTextContent('404');
    expect(first).toHaveTextContent('text');
    expect(first).toHaveTextContent('1.2 KB');
    expect(first).toHaveTextContent('12:01:09');
    expect(rows()[1]).toHaveTextContent('/hooks/default?n=1');
    expect(screen.getByRole('listbox', { name: 'Captures, newest first' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Inbox' }).parentElement).toHaveTextContent('2 captures');
  });

  it('shows the headers in received order and the body as pretty JSON for the clicked row', async () => {
    const user = userEvent.setup();
    const fake = createFakeRawApi([
      detail(1),
      detail(2, {
        headers: [
          ['Host', '127.0.0.1:4545'],
          ['X-Dup', 'one'],
          ['content-type', 'application/json'],
          ['X-Dup', 'two'],
        ],
        bodyBase64: utf8Base64('{"type":"CredoAI.use_case.updated","data":{"id":7}}'),
      }),
    ]);
    renderApp(fake);
    await waitFor(() => expect(rows()).toHaveLength(2));

    await user.click(rows()[0]!);

    expect(rows()[0]).toHaveAttribute('aria-selected', 'true');
    const pane = screen.getByTestId('capture-detail');
    const body = await within(pane).findByTestId('detail-body');
    expect(codeText(body)).toBe('{\n  "type": "CredoAI.use_case.updated",\n  "data": {\n    "id": 7\n  }\n}');
    expect(pane).toHaveTextContent('POST/hooks/default?n=2');
    expect(pane).toHaveTextContent('200·3 ms·17 B');
    expect(pane).toHaveTextContent('from 127.0.0.1');
    expect(pane).toHaveTextContent('HTTP/1.1');

    await user.click(within(pane).getByRole('tab', { name: /Headers/ }));
    expect(within(pane).getByRole('tab', { name: /Headers/ })).toHaveAttribute('aria-selected', 'true');
    const table = within(pane).getByTestId('detail-headers');
    const cells = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      );
    expect(cells).toEqual([
      ['Host', '127.0.0.1:4545'],
      ['X-Dup', 'one'],
      ['content-type', 'application/json'],
      ['X-Dup', 'two'],
    ]);
    expect(within(pane).getByRole('tabpanel')).toContainElement(table);
  });

  it('shows a hex dump for a body that is not UTF-8', async () => {
    const user = userEvent.setup();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
    renderApp(createFakeRawApi([detail(1, { bodyBase64: bytesBase64(png), contentType: 'image/png' })]));
    await waitFor(() => expect(rows()).toHaveLength(1));
    await user.click(rows()[0]!);

    const body = await screen.findByTestId('detail-body');
    expect(body).toHaveAttribute('data-body-kind', 'binary');
    expect(body.textContent).toContain('89 50 4e 47 0d 0a 1a 0a  00 ff');
    expect(body.textContent).toContain('|.PNG......|');
    expect(screen.getByText(/Not UTF-8 text, so shown as hex/)).toBeInTheDocument();
  });

  it('says when a body is empty or was truncated', async () => {
    const user = userEvent.setup();
    renderApp(
      createFakeRawApi([
        detail(1, { bodyBase64: '' }),
        detail(2, { bodyBase64: utf8Base64('partial text'), truncated: true, contentType: 'text/plain' }),
      ]),
    );
    await waitFor(() => expect(rows()).toHaveLength(2));
    await user.click(rows()[0]!);
    expect(await screen.findByRole('note')).toHaveTextContent('Truncated');
    expect(screen.getByTestId('detail-body')).toHaveTextContent('partial text');

    await user.click(rows()[1]!);
    await waitFor(() =>
      expect(screen.getByTestId('detail-body')).toHaveTextContent('The request had an empty body.'),
    );
  });

  it('shows what was answered in the Response tab', async () => {
    const user = userEvent.setup();
    renderApp(createFakeRawApi([detail(1)]));
    await waitFor(() => expect(rows()).toHaveLength(1));
    await user.click(rows()[0]!);
    await user.click(await screen.findByRole('tab', { name: /Response/ }));

    const panel = screen.getByRole('tabpanel');
    expect(panel).toHaveTextContent('Hookbench answered 200 OK');
    expect(within(panel).getByTestId('response-headers')).toHaveTextContent('Content-Type');
    expect(codeText(within(panel).getByTestId('response-body'))).toBe('{\n  "received": true\n}');
  });

  it('copies the body exactly as received and says so', async () => {
    const user = userEvent.setup();
    renderApp(createFakeRawApi([detail(1)]));
    await waitFor(() => expect(rows()).toHaveLength(1));
    await user.click(rows()[0]!);
    await user.click(await screen.findByRole('button', { name: 'Copy request body' }));

    expect(await navigator.clipboard.readText()).toBe('{"hello":"world"}');
    expect(screen.getByRole('button', { name: 'Copied' })).toBeInTheDocument();
  });

  it('moves the selection with ↑/↓ when the list has focus', async () => {
    const user = userEvent.setup();
    renderApp(createFakeRawApi([detail(1), detail(2), detail(3)]));
    await waitFor(() => expect(rows()).toHaveLength(3));
    const list = screen.getByRole('listbox');

    list.focus();
    await user.keyboard('{ArrowDown}');
    expect(rows()[0]).toHaveAttribute('aria-selected', 'true');
    expect(list).toHaveAttribute('aria-activedescendant', 'capture-row-3');
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(rows()[2]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowUp}');
    expect(rows()[1]).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(screen.getByTestId('capture-detail')).toHaveTextContent('#2'));
  });

  it('prepends live captures and keeps the selected one selected', async () => {
    const user = userEvent.setup();
    const fake = createFakeRawApi([detail(1), detail(2)]);
    renderApp(fake);
    await waitFor(() => expect(rows()).toHaveLength(2));
    await user.click(rows()[1]!);

    act(() => fake.emit('capture:received', summary(3, { url: '/hooks/live', receivedAt: BASE_TIME })));

    expect(rows()).toHaveLength(3);
    expect(rows()[0]).toHaveTextContent('/hooks/live');
    expect(
      within(screen.getByRole('listbox', { name: 'Captures, newest first' })).getByRole('option', {
        selected: true,
      }),
    ).toHaveTextContent('/hooks/default?n=1');
    expect(screen.getByRole('heading', { name: 'Inbox' }).parentElement).toHaveTextContent('3 captures');
  });

  it('refetches the shown detail when its capture is updated', async () => {
    const user = userEvent.setup();
    const fake = createFakeRawApi([detail(1)]);
    renderApp(fake);
    await waitFor(() => expect(rows()).toHaveLength(1));
    await user.click(rows()[0]!);
    await waitFor(() => expect(screen.getByTestId('detail-body')).toHaveTextContent('"hello": "world"'));

    fake.captures[0] = detail(1, { bodyBase64: utf8Base64('{"hello":"again"}') });
    act(() => fake.emit('capture:updated', summary(1)));

    await waitFor(() => expect(screen.getByTestId('detail-body')).toHaveTextContent('"hello": "again"'));
  });

  it('holds new captures while paused and shows them on resume', async () => {
    const user = userEvent.setup();
    const fake = createFakeRawApi([detail(1)]);
    renderApp(fake);
    await waitFor(() => expect(rows()).toHaveLength(1));

    await user.click(screen.getByRole('button', { name: 'Pause live' }));
    act(() => fake.emit('capture:received', summary(2)));
    expect(rows()).toHaveLength(1);
    expect(screen.getByText(/1 new one waiting/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Resume live' }));
    expect(rows()).toHaveLength(2);
  });

  it('renders only the visible rows of a long history and loads older pages near the end', async () => {
    const fake = createFakeRawApi(Array.from({ length: 250 }, (_, i) => detail(i + 1)));
    renderApp(fake);
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    expect(rows().length).toBeLessThan(60);
    expect(fake.listCalls).toEqual([{ limit: 100 }]);

    const list = screen.getByRole('listbox');
    act(() => {
      list.scrollTop = 90 * 30;
      list.dispatchEvent(new Event('scroll'));
    });
    await waitFor(() => expect(fake.listCalls).toContainEqual({ beforeId: 151, limit: 100 }));
  });

  it('shows a load failure in plain words with a retry', async () => {
    const user = userEvent.setup();
    const fake = createFakeRawApi([detail(1)]);
    fake.failing['history:list'] = {
      ok: false,
      error: { code: 'internal', message: 'The database is locked.' },
    };
    renderApp(fake);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the capture history');
    expect(alert).toHaveTextContent('The database is locked.');

    delete fake.failing['history:list'];
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
  });
});

describe('Empty inbox', () => {
  it('tells what to do next with a curl command for the real receiver URL', async () => {
    const user = userEvent.setup();
    const receiver = {
      state: 'listening' as const,
      host: '127.0.0.1',
      port: 4999,
      url: 'http://127.0.0.1:4999',
      error: null,
    };
    renderApp(createFakeRawApi([], appInfo({ receiver })));

    const empty = await screen.findByTestId('empty-inbox');
    const command = `curl -X POST http://127.0.0.1:4999/hooks/default -H 'Content-Type: application/json' -d '{"hello":"world"}'`;
    await waitFor(() => expect(empty).toHaveTextContent(command));
    await user.click(within(empty).getByRole('button', { name: 'Copy curl command' }));
    expect(await navigator.clipboard.readText()).toBe(command);
  });

  it('says why nothing can arrive when the receiver failed', async () => {
    const receiver = {
      state: 'failed' as const,
      host: '127.0.0.1',
      port: 4545,
      url: null,
      error: 'Port 4545 on 127.0.0.1 is already in use.',
    };
    renderApp(createFakeRawApi([], appInfo({ receiver })));
    const empty = await screen.findByTestId('empty-inbox');
    await waitFor(() =>
      expect(empty).toHaveTextContent('Receiver failed: Port 4545 on 127.0.0.1 is already in use.'),
    );
    expect(empty).not.toHaveTextContent('curl');
  });

  it('switches to the list when the first capture arrives and opens it', async () => {
    const fake = createFakeRawApi([]);
    renderApp(fake);
    await screen.findByTestId('empty-inbox');
    fake.captures.push(detail(1));
    act(() => fake.emit('capture:received', summary(1)));

    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByTestId('detail-body')).toHaveTextContent('"hello": "world"');
  });
});
