import { useEffect } from 'react';
import { ErrorBanner } from './components/error-banner';
import { Toast } from './components/toast';
import { EventsView } from './features/events/events-view';
import { InboxView } from './features/inbox/inbox-view';
import { InboxDialogs } from './features/inboxes/inbox-dialogs';
import { SettingsView } from './features/settings/settings-view';
import { Sidebar } from './features/shell/sidebar';
import { StatusBar } from './features/shell/status-bar';
import { SubscriptionsView } from './features/subscriptions/subscriptions-view';
import { TenantsView } from './features/tenants/tenants-view';
import { PublicUrlDialog } from './features/tunnels/tunnels-panel';
import { connectionState, onConnectionChange, onEvent } from './lib/bridge';
import { useAppStore } from './stores/app';
import { useCaptureDetailStore } from './stores/capture-detail';
import { connectCheckEvents, useCheckStore } from './stores/check';
import { connectLiveEvents } from './stores/connect-live-events';
import { useInboxStore } from './stores/inbox';
import { useInboxesStore } from './stores/inboxes';
import { connectTunnelEvents } from './stores/tunnels/connect-tunnel-events';
import { connectFireEvents } from './stores/fire/connect-fire-events';
import { useFireStore } from './stores/fire';
import { useScenariosStore } from './stores/scenarios';

/** The window: sidebar, the current area, status bar; and the live wiring from the core into the stores. */
export function App() {
  const area = useAppStore((s) => s.area);
  const infoError = useAppStore((s) => s.infoError);

  useEffect(() => {
    const disconnect = connectLiveEvents(
      { onEvent, onConnectionChange, connectionState },
      { app: useAppStore, inbox: useInboxStore, detail: useCaptureDetailStore, inboxes: useInboxesStore },
    );
    void useAppStore.getState().appStarted();
    // Loaded at start, not only when the Inbox is shown, so the counts are right from any area.
    void useInboxStore.getState().inboxOpened();
    void useInboxesStore.getState().inboxesRequested();
    const disconnectTunnels = connectTunnelEvents(onEvent);
    const disconnectFire = connectFireEvents(onEvent, useFireStore, useScenariosStore);
    // A finished re-check may have changed verdicts: reload the list and refetch shown details.
    const disconnectCheck = connectCheckEvents(onEvent, useCheckStore, () => {
      useCaptureDetailStore.getState().detailInvalidated(null);
      void useInboxStore.getState().historyChanged();
    });
    return () => {
      disconnect();
      disconnectTunnels();
      disconnectFire();
      disconnectCheck();
    };
  }, []);

  return (
    <div className="app">
      <Sidebar />
      <main className="main">
        {infoError && area !== 'settings' && (
          <div className="app-banner">
            <ErrorBanner
              title="Hookbench could not read its status"
              message={infoError}
              onRetry={() => void useAppStore.getState().appStarted()}
            />
          </div>
        )}
        <div className="area">
          {area === 'inbox' && <InboxView />}
          {area === 'settings' && <SettingsView />}
          {area === 'events' && <EventsView />}
          {area === 'subscriptions' && <SubscriptionsView />}
          {area === 'tenants' && <TenantsView />}
        </div>
      </main>
      <StatusBar />
      <InboxDialogs />
      <PublicUrlDialog />
      <Toast />
    </div>
  );
}
