import { describe, expect, it, vi } from 'vitest';
import { BridgeError, type HookbenchApi } from '../../../../../src/renderer/src/lib/bridge';
import { readRetention } from '../../../../../src/renderer/src/features/settings/retention-form';
import { createSettingsStore } from '../../../../../src/renderer/src/stores/settings';

describe('settings store and retention form', () => {
  it('reads and saves the retention policy', async () => {
    const settings = {
      get: vi.fn(() => Promise.resolve({ retention: { maxCaptures: null, maxDays: null } })),
      update: vi.fn((input: { retention: { maxCaptures: number | null; maxDays: number | null } }) =>
        Promise.resolve({ retention: input.retention }),
      ),
    };
    const store = createSettingsStore({ settings: settings as unknown as HookbenchApi['settings'] });
    await store.getState().settingsRequested();
    expect(store.getState().settings?.retention).toEqual({ maxCaptures: null, maxDays: null });
    expect(await store.getState().retentionSaveRequested({ maxCaptures: 5000, maxDays: 7 })).toBe(true);
    expect(settings.update).toHaveBeenCalledWith({ retention: { maxCaptures: 5000, maxDays: 7 } });
    expect(store.getState().settings?.retention).toEqual({ maxCaptures: 5000, maxDays: 7 });

    settings.update.mockRejectedValueOnce(new BridgeError('invalid_input', 'retention.maxDays: too small'));
    expect(await store.getState().retentionSaveRequested({ maxCaptures: null, maxDays: 0 })).toBe(false);
    expect(store.getState().error).toBe('Could not save the retention policy: retention.maxDays: too small');
  });

  it('reads the form fields, naming the field that is wrong', () => {
    expect(readRetention('', '')).toEqual({ retention: { maxCaptures: null, maxDays: null } });
    expect(readRetention(' 1000 ', '0.5')).toEqual({ retention: { maxCaptures: 1000, maxDays: 0.5 } });
    expect(readRetention('0', '').problem).toMatch(/^Keep at most:/);
    expect(readRetention('1.5', '').problem).toMatch(/^Keep at most:/);
    expect(readRetention('', 'soon').problem).toMatch(/^Delete after:/);
  });
});
