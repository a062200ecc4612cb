import { render } from '@testing-library/react';
import { App } from '../../../../src/renderer/src/App';
import { resetBridgeForTests } from '../../../../src/renderer/src/lib/bridge';
import { useAppStore } from '../../../../src/renderer/src/stores/app';
import { initialAppState } from '../../../../src/renderer/src/stores/app/initial-state';
import { useCaptureDetailStore } from '../../../../src/renderer/src/stores/capture-detail';
import { initialCaptureDetailState } from '../../../../src/renderer/src/stores/capture-detail/initial-state';
import { useInboxStore } from '../../../../src/renderer/src/stores/inbox';
import { initialInboxState } from '../../../../src/renderer/src/stores/inbox/initial-state';
import { useInboxesStore } from '../../../../src/renderer/src/stores/inboxes';
import { initialInboxesState } from '../../../../src/renderer/src/stores/inboxes/initial-state';
import { useReplayStore } from '../../../../src/renderer/src/stores/replay';
import { initialReplayState } from '../../../../src/renderer/src/stores/replay/initial-state';
import { useSettingsStore } from '../../../../src/renderer/src/stores/settings';
import { initialSettingsState } from '../../../../src/renderer/src/stores/settings/initial-state';
import { useTransferStore } from '../../../../src/renderer/src/stores/transfer';
import { initialTransferState } from '../../../../src/renderer/src/stores/transfer/initial-state';
import type { FakeRawApi } from './fake-raw-api';

/** Puts every app store back to its initial state, so tests do not leak into each other. */
export function resetStores(): void {
  useAppStore.setState(initialAppState);
  useInboxStore.setState(initialInboxState);
  useCaptureDetailStore.setState(initialCaptureDetailState);
  useInboxesStore.setState(initialInboxesState);
  useReplayStore.setState(initialReplayState);
  useSettingsStore.setState(initialSettingsState);
  useTransferStore.setState(initialTransferState);
}

/**
 * Renders the whole app the way the desktop build runs it: the fake stands in for the preload's
 * `window.hookbench`, and the real bridge and stores sit between it and the components.
 */
export function renderApp(fake: FakeRawApi) {
  window.hookbench = fake.raw;
  resetBridgeForTests();
  resetStores();
  return render(<App />);
}

/** The text a CodeMirror view shows, one line per line (its DOM has no newline characters). */
export function codeText(element: HTMLElement): string {
  return Array.from(element.querySelectorAll('.cm-line'), (line) => line.textContent).join('\n');
}
