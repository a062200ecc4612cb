import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeRawApi } from '../../helpers/fake-raw-api';
import { bytesBase64, detail, summary, utf8Base64 } from '../../helpers/fixtures';
import { codeText, renderApp } from '../../helpers/render-app';

afterEach(() => {
  delete window.hookbench;
});

const rows = () => screen.getAllByTestId('capture-row');

describe('detail actions and views', () => {
  it('shows row badges: pinned, no inbox, attempt number, and a dash for never answered', async () => {
    renderApp(
      createFakeRawApi([
        detail(1, { pinned: true }),
        detail(2, { unmatched: true, url: '/elsewhere' }),
        detail(3, { deliveryId: 'msg_1', attempt: 2, status: 0 }),
      ]),
    );
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows()[2]).toHaveTextContent('pinned');
    expect(rows()[1]).toHaveTextContent('no inbox');
    expect(rows()[0]).toHaveTextContent('#2');
    expect(rows()[0]).toHaveTextContent('—never answered');
  });

  it('pins, copies as curl and fetch, replays and deletes from the toolbar and the keyboard', async () => {
    const user = userEvent.setup();
    const fake = createFakeRawApi([detail(1), detail(2)]);
    renderApp(fake);
    await waitFor(() => expect(rows()).toHaveLength(2));
    await user.click(rows()[0]!);
    const toolbar = await screen.findByRole('toolbar', { name: 'Capture actions' });

    await user.click(within(toolbar).getByRole('button', { name: 'Pin' }));
    await waitFor(() => expect(rows()[0]).toHaveAttribute('data-pinned', 'true'));
    expect(within(toolbar).getByRole('button', { name: 'Unpin' })).toHaveAttribute('aria-pressed', 'true');
    // `p` toggles it back (the list has focus, not a field).
    await user.keyboard('p');
    await waitFor(() => expect(rows()[0]).toHaveAttribute('data-pinned', 'false'));

    await user.click(within(toolbar).getByRole('button', { name: 'Copy as curl (c)' }));
    const curl = await navigator.clipboard.readText();
    expect(curl).toContain("curl 'http://127.0.0.1:4545/hooks/default?n=2'");
    expect(curl).toContain(`--data-binary $'{"hello":"world"}'`);
    expect(curl).not.toContain('Host');
    await user.click(within(toolbar).getByRole('button', { name: 'Copy as fetch' }));
    expect(await navigator.clipboard.readText()).toContain(
      'await fetch("http://127.0.0.1:4545/hooks/default?n=2"',
    );

    await navigator.clipboard.writeText('');
    await user.keyboard('c');
    await waitFor(async () => expect(await navigator.clipboard.readText()).toContain('curl '));
    expect(await screen.findByTestId('toast')).toHaveTextContent('Copied capture #2 as curl');

    await user.keyboard('r');
    expect(await screen.findByTestId('replay-panel')).toBeInTheDocument();
    // Typing in a field does not trigger shortcuts.
    await user.type(screen.getByRole('textbox', { name: 'Send to' }), 'prc');
    expect(fake.calls.filter((c) => c.channel === 'history:pin')).toHaveLength(2);

    await user.click(within(toolbar).getByRole('button', { name: 'Delete' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete capture #2?' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]).toHaveAttribute('aria-selected', 'true');
  });

  it('switches body views: form fields, decoded JSON strings, raw and hex', async () => {
    const user = userEvent.setup();
    renderApp(
      createFakeRawApi([
        detail(1, {
          bodyBase64: utf8Base64('a=1&b=two+words'),
          contentType: 'application/x-www-form-urlencoded',
        }),
        detail(2, { bodyBase64: utf8Base64('{"UpdateType":1,"Payload":"{\\"ProcessId\\":\\"p1\\"}"}') }),
        detail(3, { bodyBase64: bytesBase64(new Uint8Array([0xde, 0xad, 0xbe, 0xef])), contentType: null }),
      ]),
    );
    await waitFor(() => expect(rows()).toHaveLength(3));

    await user.click(rows()[2]!);
    const form = await screen.findByTestId('detail-body');
    expect(form).toHaveAttribute('data-body-kind', 'form');
    expect(
      within(form)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['NameValue', 'a1', 'btwo words']);
    await user.click(screen.getByRole('button', { name: 'Raw' }));
    expect(codeText(screen.getByTestId('detail-body'))).toBe('a=1&b=two+words');

    await user.click(rows()[1]!);
    await waitFor(() =>
      expect(screen.getByTestId('detail-body')).toHaveAttribute('data-body-kind', 'decoded'),
    );
    expect(screen.getByTestId('detail-body-decoded-paths')).toHaveTextContent('Payload');
    expect(codeText(screen.getByTestId('detail-body'))).toContain('"ProcessId": "p1"');
    await user.click(screen.getByRole('button', { name: 'Pretty' }));
    expect(codeText(screen.getByTestId('detail-body'))).toContain('"Payload": "{\\"ProcessId\\":\\"p1\\"}"');

    await user.click(rows()[0]!);
    await waitFor(() =>
      expect(screen.getByTestId('detail-body')).toHaveAttribute('data-body-kind', 'binary'),
    );
    expect(screen.getByTestId('detail-body')).toHaveTextContent('de ad be ef');
    expect(screen.queryByRole('group', { name: 'request body view' })).not.toBeInTheDocument();
  });

  it('shows the attempt timeline of a delivery, highlighting the shown one, and opens another on click', async () => {
    const user = userEvent.setup();
    const fake = createFakeRawApi([
      detail(1, { deliveryId: 'msg_1', attempt: 1, status: 500, durationMs: 1500 }),
      detail(2, { deliveryId: 'msg_1', attempt: 2, status: 0, durationMs: 30000 }),
      detail(3, { deliveryId: 'msg_1', attempt: 3, status: 200, durationMs: 4 }),
    ]);
    renderApp(fake);
    await waitFor(() => expect(rows()).toHaveLength(3));
    await user.click(rows()[0]!);
    await user.click(await screen.findByRole('tab', { name: /Attempts/ }));
    const attempts = await screen.findAllByTestId('attempt');
    expect(attempts.map((a) => a.textContent.replace(/\d{4}-.*?\.\d{3}/, 'T'))).toEqual([
      '#1Tfirst5001.5 s',
      '#2T+1 s—never answered',
      '#3T+1 s2004 ms',
    ]);
    expect(within(attempts[0]!).getByRole('button')).toHaveAccessibleName('Attempt 1, answered 500 in 1.5 s');
    expect(attempts[2]).toHaveAttribute('aria-current', 'true');

    await user.click(within(attempts[0]!).getByRole('button'));
    await waitFor(() => expect(screen.getAllByTestId('attempt')[0]).toHaveAttribute('aria-current', 'true'));
    expect(rows()[2]).toHaveAttribute('aria-selected', 'true');

    // A new attempt arriving refreshes the timeline.
    fake.captures.push(detail(4, { deliveryId: 'msg_1', attempt: 4 }));
    act(() => fake.emit('capture:received', summary(4, { deliveryId: 'msg_1', attempt: 4 })));
    await waitFor(() => expect(screen.getAllByTestId('attempt')).toHaveLength(4));
  });
});
