import { render } from '@testing-library/react';
import { EventsView } from '../../../../../src/renderer/src/features/events/events-view';
import { resetBridgeForTests } from '../../../../../src/renderer/src/lib/bridge';
import { useCatalogStore } from '../../../../../src/renderer/src/stores/catalog';
import { initialCatalogState } from '../../../../../src/renderer/src/stores/catalog/initial-state';
import { useFireStore } from '../../../../../src/renderer/src/stores/fire';
import { initialFireState } from '../../../../../src/renderer/src/stores/fire/initial-state';
import { useScenariosStore } from '../../../../../src/renderer/src/stores/scenarios';
import { initialScenariosState } from '../../../../../src/renderer/src/stores/scenarios/initial-state';
import { resetStores } from '../../helpers/render-app';
import type { FakeRawApi } from '../../helpers/fake-raw-api';

/** Renders the Events area over the fake bridge with every store fresh. */
export function renderEvents(fake: FakeRawApi) {
  window.hookbench = fake.raw;
  resetBridgeForTests();
  resetStores();
  useCatalogStore.setState(initialCatalogState);
  useFireStore.setState(initialFireState);
  useScenariosStore.setState(initialScenariosState);
  return render(<EventsView />);
}
