import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeRawApi } from '../../helpers/fake-raw-api';
import { detail } from '../../helpers/fixtures';
import { renderApp } from '../../helpers/render-app';

afterEach(() => {
  delete window.hookbench;
  vi.restoreAllMocks();
});

async function openMenuItem(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(await screen.findByRole('button', { name: 'More: export, import, clear' }));
  await user.click(await screen.findByRole('menuitem', { name }));
}

describe('export and import', () => {
  it('exports with the chosen options and downloads exactly the returned content', async () => {
    const user = userEvent.setup();
    const fake = createFakeRawApi([detail(1), detail(2)]);
    fake.exportAnswer = {
      filename: 'hookbench-x.har',
      mimeType: 'application/json',
      content: '{"log":{}}',
      count: 2,
    };
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:hookbench/1';
    });
    URL.revokeObjectURL = vi.fn();
    const clicks: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    renderApp(fake);
    await waitFor(() => expect(screen.getAllByTestId('capture-row')).toHaveLength(2));

    await openMenuItem(user, 'Export…');
    const dialog = await screen.findByRole('dialog', { name: 'Export captures' });
    expect(within(dialog).getByRole('radio', { name: /NDJSON/ })).toHaveFocus();
    await user.click(within(dialog).getByRole('radio', { name: /HAR 1.2/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /Redact secrets/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));

    await waitFor(() => expect(clicks).toHaveLength(1));
    expect(fake.calls.find((c) => c.channel === 'history:export')?.input).toEqual({
      format: 'har',
      redact: true,
      filter: {},
    });
    expect(clicks[0]?.download).toBe('hookbench-x.har');
    expect(clicks[0]?.href).toBe('blob:hookbench/1');
    expect(await blobs[0]?.text()).toBe('{"log":{}}');
    expect(blobs[0]?.type).toBe('application/json');
    expect(await screen.findByTestId('transfer-notice')).toHaveTextContent(
      'Exported 2 captures to hookbench-x.har',
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('exports only what the list shows when asked', async () => {
    const user = userEvent.setup();
    const fake = createFakeRawApi([detail(1)]);
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderApp(fake);
    await waitFor(() => expect(screen.getAllByTestId('capture-row')).toHaveLength(1));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Method' }), 'POST');
    await openMenuItem(user, 'Export…');
    const dialog = await screen.findByRole('dialog', { name: 'Export captures' });
    expect(within(dialog).getByRole('radio', { name: /The ones the list shows/ })).toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    await waitFor(() =>
      expect(fake.calls.find((c) => c.channel === 'history:export')?.input).toEqual({
        format: 'ndjson',
        redact: false,
        filter: { method: 'POST' },
      }),
    );
  });

  it('imports a picked NDJSON file and says how many captures came in, or what is wrong', async () => {
    const user = userEvent.setup();
    const fake = createFakeRawApi([detail(1)]);
    renderApp(fake);
    await waitFor(() => expect(screen.getAllByTestId('capture-row')).toHaveLength(1));
    const input = screen.getByTestId('import-file');
    await user.upload(
      input,
      new File(['{"a":1}\n{"b":2}\n'], 'old.ndjson', { type: 'application/x-ndjson' }),
    );
    expect(await screen.findByTestId('transfer-notice')).toHaveTextContent(
      'Imported 2 captures from old.ndjson',
    );
    expect(fake.calls.find((c) => c.channel === 'history:import')?.input).toEqual({
      content: '{"a":1}\n{"b":2}\n',
      filename: 'old.ndjson',
    });

    fake.failing['history:import'] = {
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'bad.ndjson line 3: receivedAt: expected an ISO 8601 date-time',
      },
    };
    await user.upload(input, new File(['x'], 'bad.ndjson'));
    const notice = await screen.findByRole('alert');
    expect(notice).toHaveTextContent(
      'Import failed: bad.ndjson line 3: receivedAt: expected an ISO 8601 date-time',
    );
  });
});
