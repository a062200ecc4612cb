import { render } from '@testing-library/react';
import { App } from '../../../../src/renderer/src/App';
import { resetBridgeForTests } from '../../../../src/renderer/src/lib/bridge';
import { useAppStore } from '../../../../src/renderer/src/stores/app';
import { initialAppState } from '../../../../src/renderer/src/stores/app/initial-state';
import { useCaptureDetailStore } from '../../../../src/renderer/src/stores/capture-detail';
import { initialCaptureDetailState } from '../../../../src/renderer/src/stores/capture-detail/initial-state';
import { useInboxStore } from '../../../../src/renderer/src/stores/inbox';
import { initialInboxState } from '../../../../src/renderer/src/stores/inbox/initial-state';
import type { FakeRawApi } from './fake-raw-api';

/**
 * Renders the whole app the way the desktop build runs it: the fake stands in for the preload's
 * `window.hookbench`, and the real bridge and stores sit between it and the components.
 */
export function renderApp(fake: FakeRawApi) {
  window.hookbench = fake.raw;
  resetBridgeForTests();
  useAppStore.setState(initialAppState);
  useInboxStore.setState(initialInboxState);
  useCaptureDetailStore.setState(initialCaptureDetailState);
  return render(<App />);
}
