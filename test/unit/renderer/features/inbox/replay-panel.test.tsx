import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LAST_URL_KEY } from '../../../../../src/renderer/src/stores/replay/initial-state';
import { useReplayStore } from '../../../../../src/renderer/src/stores/replay';
import { createFakeRawApi } from '../../helpers/fake-raw-api';
import { detail, summary, utf8Base64 } from '../../helpers/fixtures';
import { renderApp } from '../../helpers/render-app';

beforeEach(() => {
  localStorage.clear();
});
afterEach(() => {
  delete window.hookbench;
});

const exchange = (overrides = {}) => ({
  at: Date.now(),
  method: 'POST',
  url: 'http://127.0.0.1:3000/hook',
  status: 201,
  headers: [
    ['content-type', 'application/json'] as [string, string],
    ['x-downstream', 'yes'] as [string, string],
  ],
  bodyBase64: utf8Base64('{"ok":true}'),
  durationMs: 42,
  error: null,
  ...overrides,
});

async function openReplay(fake = createFakeRawApi([detail(1)])) {
  const user = userEvent.setup();
  renderApp(fake);
  await user.click((await screen.findAllByTestId('capture-row'))[0]!);
  await user.click(await screen.findByRole('tab', { name: /Replay/ }));
  return { user, fake, panel: await screen.findByTestId('replay-panel') };
}

describe('replay panel', () => {
  it('asks for a URL, sends as captured and shows status, headers, body and timing', async () => {
    const { user, fake, panel } = await openReplay();
    fake.replayAnswer = exchange();
    await user.click(within(panel).getByRole('button', { name: 'Send as captured' }));
    expect(within(panel).getByRole('alert')).toHaveTextContent('Enter the URL to send to');
    expect(fake.calls.some((c) => c.channel === 'history:replay')).toBe(false);

    await user.type(within(panel).getByRole('textbox', { name: 'Send to' }), 'http://127.0.0.1:3000/hook');
    await user.click(within(panel).getByRole('button', { name: 'Send as captured' }));
    const result = await within(panel).findByTestId('replay-result');
    expect(fake.calls.find((c) => c.channel === 'history:replay')?.input).toEqual({
      id: 1,
      url: 'http://127.0.0.1:3000/hook',
    });
    expect(result).toHaveTextContent('POST http://127.0.0.1:3000/hook→201· 42 ms');
    expect(within(result).getByTestId('replay-result-headers')).toHaveTextContent('x-downstream');
    expect(within(result).getByTestId('replay-result-body')).toHaveTextContent('"ok": true');
    expect(localStorage.getItem(LAST_URL_KEY)).toBe('http://127.0.0.1:3000/hook');
    expect(useReplayStore.getState().lastUrl).toBe('http://127.0.0.1:3000/hook');
  });

  it('sends the edited method, headers and body, and warns when JSON does not parse', async () => {
    const { user, fake, panel } = await openReplay();
    await user.type(within(panel).getByRole('textbox', { name: 'Send to' }), 'http://127.0.0.1:3000/hook');
    const method = within(panel).getByRole('textbox', { name: 'Method' });
    await user.clear(method);
    await user.type(method, 'put');
    // Host and Content-Length are left out: the client computes them for the new target.
    expect(within(panel).queryByDisplayValue('Host')).not.toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Add header' }));
    await user.type(within(panel).getByRole('textbox', { name: 'Replay header 2 name' }), 'X-New');
    await user.type(within(panel).getByRole('textbox', { name: 'Replay header 2 value' }), '1');
    // CodeMirror's editor is a contenteditable; type at its end.
    const editor = within(panel).getByRole('textbox', { name: 'Replay body' });
    await user.click(editor);
    await user.keyboard('{Control>}{End}{/Control}x');
    expect(await within(panel).findByTestId('replay-body-problem')).toHaveTextContent(
      'The body is not valid JSON',
    );

    await user.click(within(panel).getByRole('button', { name: 'Send edited' }));
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'history:replay')).toBe(true));
    const input = fake.calls.find((c) => c.channel === 'history:replay')?.input as Record<string, unknown>;
    expect(input).toMatchObject({
      id: 1,
      method: 'PUT',
      headers: [
        ['Content-Type', 'application/json'],
        ['X-New', '1'],
      ],
    });
    expect(atob(input.bodyBase64 as string)).toBe('{"hello":"world"}x');
  });

  it('shows why nothing came back, and lists the stored forward and past replays newest first', async () => {
    const fake = createFakeRawApi([
      detail(1, {
        forwarded: exchange({ url: 'http://127.0.0.1:9/fwd', status: 502 }),
        replays: [exchange({ url: 'http://a/1', at: 1 }), exchange({ url: 'http://a/2', at: 2 })],
      }),
    ]);
    fake.replayAnswer = exchange({
      status: null,
      error: 'Connection refused by http://127.0.0.1:3000/hook: is the server running?',
    });
    const { user, panel } = await openReplay(fake);
    expect(within(panel).getByTestId('forwarded-exchange')).toHaveTextContent('http://127.0.0.1:9/fwd→502');
    const past = within(panel).getAllByTestId('past-replay');
    expect(past.map((p) => p.querySelector('.exchange-target')?.textContent)).toEqual([
      'POST http://a/2',
      'POST http://a/1',
    ]);

    await user.type(within(panel).getByRole('textbox', { name: 'Send to' }), 'http://127.0.0.1:3000/hook');
    await user.click(within(panel).getByRole('button', { name: 'Send as captured' }));
    const result = await within(panel).findByTestId('replay-result');
    expect(result).toHaveTextContent('no answer');
    expect(within(result).getByRole('alert')).toHaveTextContent(
      'Connection refused by http://127.0.0.1:3000/hook',
    );
  });

  it('keeps the form while the capture is refreshed after the replay was stored', async () => {
    const { user, fake, panel } = await openReplay();
    await user.type(within(panel).getByRole('textbox', { name: 'Send to' }), 'http://127.0.0.1:3000/hook');
    fake.captures[0] = detail(1, { replays: [exchange()] });
    act(() => fake.emit('capture:updated', summary(1)));
    await waitFor(() => expect(screen.getAllByTestId('past-replay')).toHaveLength(1));
    expect(screen.getByRole('textbox', { name: 'Send to' })).toHaveValue('http://127.0.0.1:3000/hook');
  });
});
