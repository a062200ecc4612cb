import type { Subscribe } from '../../../../shared/api';
import type { FireActions } from './actions';
import type { ScenariosActions } from '../scenarios/actions';

/**
 * Follows `fire:progress` for the whole session, not only while the Events area is shown: a bulk run or a scenario
 * started there keeps its progress when the user looks at the Inbox meanwhile.
 */
export function connectFireEvents(
  onEvent: Subscribe,
  fire: { getState(): Pick<FireActions, 'progressReceived'> },
  scenarios: { getState(): Pick<ScenariosActions, 'progressReceived'> },
): () => void {
  return onEvent('fire:progress', (progress) => {
    fire.getState().progressReceived(progress);
    scenarios.getState().progressReceived(progress);
  });
}
