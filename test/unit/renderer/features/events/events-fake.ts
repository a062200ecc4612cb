import type { RawApi } from '../../../../../src/shared/api';
import type { Result } from '../../../../../src/shared/models';
import { createFakeRawApi, type FakeRawApi } from '../../helpers/fake-raw-api';
import { providerDetail, providerSummary, scenarioInfo, sendOutput } from './catalog-fixtures';

const ok = <T>(data: T): Promise<Result<T>> => Promise.resolve({ ok: true, data });

/** The app's fake bridge plus the catalogue, fire and scenario channels the Events area uses. */
export function createEventsFake(): FakeRawApi {
  const fake = createFakeRawApi();
  const record =
    <T>(channel: string, answer: (input: unknown) => T) =>
    (input: unknown): Promise<Result<T>> => {
      fake.calls.push({ channel, input });
      return ok(answer(input));
    };
  fake.raw = {
    ...fake.raw,
    catalog: {
      list: record('catalog:list', () => [providerSummary()]),
      get: record('catalog:get', () => providerDetail()),
      import: record('catalog:import', () => ({ provider: providerSummary(), warnings: [] })),
      remove: record('catalog:remove', () => ({ removed: true })),
    },
    fire: {
      sample: record('fire:sample', () => ({
        provider: 'credo-ai',
        event: 'use_case_review_status_updated',
        payload: { data: { status: 'completed' } },
        body: '{\n  "data": { "status": "completed" }\n}',
        documented: 'yes',
        warnings: [],
        ids: {},
      })),
      send: record('fire:send', () => sendOutput()),
      bulk: record('fire:bulk', () => {
        throw new Error('not used');
      }),
      cancel: record('fire:cancel', () => ({ cancelled: true })),
    },
    scenario: {
      list: record('scenario:list', () => [
        scenarioInfo(),
        scenarioInfo({ id: 'mine', name: 'Mine', builtin: false }),
      ]),
      save: record('scenario:save', (input) => ({ ...(input as object), builtin: false })),
      delete: record('scenario:delete', () => ({ deleted: true })),
      run: record('scenario:run', () => {
        throw new Error('not used');
      }),
    },
  } as unknown as RawApi;
  return fake;
}
