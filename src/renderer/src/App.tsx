import { useEffect } from 'react';
import { ErrorBanner } from './components/error-banner';
import { InboxView } from './features/inbox/inbox-view';
import { PlaceholderView } from './features/placeholders/placeholder-view';
import { SettingsView } from './features/settings/settings-view';
import { Sidebar } from './features/shell/sidebar';
import { StatusBar } from './features/shell/status-bar';
import { connectionState, onConnectionChange, onEvent } from './lib/bridge';
import { useAppStore } from './stores/app';
import { useCaptureDetailStore } from './stores/capture-detail';
import { connectLiveEvents } from './stores/connect-live-events';
import { useInboxStore } from './stores/inbox';

/** The window: sidebar, the current area, status bar; and the live wiring from the core into the stores. */
export function App() {
  const area = useAppStore((s) => s.area);
  const infoError = useAppStore((s) => s.infoError);

  useEffect(() => {
    const disconnect = connectLiveEvents(
      { onEvent, onConnectionChange, connectionState },
      { app: useAppStore, inbox: useInboxStore, detail: useCaptureDetailStore },
    );
    void useAppStore.getState().appStarted();
    // Loaded at start, not only when the Inbox is shown, so the counts are right from any area.
    void useInboxStore.getState().inboxOpened();
    return disconnect;
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
          {(area === 'events' || area === 'subscriptions' || area === 'tenants') && (
            <PlaceholderView area={area} />
          )}
        </div>
      </main>
      <StatusBar />
    </div>
  );
}
