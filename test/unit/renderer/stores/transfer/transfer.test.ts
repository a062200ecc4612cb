import { describe, expect, it, vi } from 'vitest';
import { BridgeError, type HookbenchApi } from '../../../../../src/renderer/src/lib/bridge';
import { createTransferStore } from '../../../../../src/renderer/src/stores/transfer';

function setup() {
  const history = {
    export: vi.fn(() =>
      Promise.resolve({
        filename: 'hb.ndjson',
        mimeType: 'application/x-ndjson',
        content: 'line\n',
        count: 3,
      }),
    ),
    import: vi.fn(() => Promise.resolve({ imported: 2 })),
  };
  const save = vi.fn();
  const store = createTransferStore({ history: history as unknown as HookbenchApi['history'] }, save);
  return { history, save, store };
}

describe('transfer store', () => {
  it('exports with the chosen format, filter and redaction, and saves the returned file', async () => {
    const { history, save, store } = setup();
    expect(
      await store.getState().exportRequested({ format: 'har', filter: { inbox: 'x' }, redact: true }),
    ).toBe(true);
    expect(history.export).toHaveBeenCalledWith({ format: 'har', filter: { inbox: 'x' }, redact: true });
    expect(save).toHaveBeenCalledWith('hb.ndjson', 'application/x-ndjson', 'line\n');
    expect(store.getState()).toMatchObject({
      running: null,
      notice: { kind: 'success', text: 'Exported 3 captures to hb.ndjson' },
    });
  });

  it('imports a file and says how many captures came in, or the error naming the line', async () => {
    const { history, store } = setup();
    const file = { name: 'a.ndjson', text: () => Promise.resolve('{}\n{}\n') };
    expect(await store.getState().importRequested(file)).toBe(true);
    expect(history.import).toHaveBeenCalledWith({ content: '{}\n{}\n', filename: 'a.ndjson' });
    expect(store.getState().notice).toEqual({ kind: 'success', text: 'Imported 2 captures from a.ndjson' });

    history.import.mockRejectedValueOnce(
      new BridgeError('invalid_input', 'a.ndjson line 2: method: expected an HTTP method'),
    );
    expect(await store.getState().importRequested(file)).toBe(false);
    expect(store.getState().notice).toEqual({
      kind: 'error',
      text: 'Import failed: a.ndjson line 2: method: expected an HTTP method',
    });
  });

  it('shows progress while running and refuses a second run meanwhile', async () => {
    const { history, store } = setup();
    let finish: () => void = () => undefined;
    history.import.mockReturnValueOnce(new Promise((r) => (finish = () => r({ imported: 1 }))));
    const first = store.getState().importRequested({ name: 'x', text: () => Promise.resolve('{}') });
    await Promise.resolve();
    await Promise.resolve();
    expect(store.getState().running).toBe('import');
    expect(await store.getState().exportRequested({ format: 'ndjson', filter: {}, redact: false })).toBe(
      false,
    );
    finish();
    await first;
    expect(store.getState().running).toBeNull();
  });
});
