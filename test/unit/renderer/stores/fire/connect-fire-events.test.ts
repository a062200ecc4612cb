import { describe, expect, it, vi } from 'vitest';
import { connectFireEvents } from '../../../../../src/renderer/src/stores/fire/connect-fire-events';
import { createFakeRawApi } from '../../helpers/fake-raw-api';
import { progress } from '../../features/events/catalog-fixtures';

describe('connectFireEvents', () => {
  it('hands every fire:progress to the fire and scenario stores until disconnected, whatever area is shown', () => {
    const fake = createFakeRawApi();
    const fire = { progressReceived: vi.fn() };
    const scenarios = { progressReceived: vi.fn() };
    const stop = connectFireEvents(fake.raw.on, { getState: () => fire }, { getState: () => scenarios });
    const bulk = progress({ runId: 'bulk-1', kind: 'bulk', done: 10, total: 20 });
    fake.emit('fire:progress', bulk);
    stop();
    fake.emit('fire:progress', progress({ runId: 'bulk-1', kind: 'bulk', done: 20, total: 20 }));
    expect(fire.progressReceived.mock.calls).toEqual([[bulk]]);
    expect(scenarios.progressReceived.mock.calls).toEqual([[bulk]]);
  });
});
