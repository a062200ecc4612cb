import { useEffect } from 'react';
import { useCatalogStore } from '../../stores/catalog';
import { useFireStore } from '../../stores/fire';

/**
 * Keeps the Events area's stores in step: loads the catalogue and hands every newly selected event to the Fire panel
 * (`fire:progress` is followed for the whole session: see connect-fire-events.ts).
 */
export function useEventsWiring(): void {
  useEffect(() => {
    void useCatalogStore.getState().eventsOpened();
    let last = '';
    const choose = (): void => {
      const state = useCatalogStore.getState();
      const provider = state.providers.find((p) => p.id === state.selectedProvider);
      const key = `${state.selectedProvider ?? ''}/${state.selectedEvent ?? ''}`;
      if (key === last || !provider || state.selectedEvent === null) return;
      last = key;
      const fire = useFireStore.getState();
      if (fire.provider === provider.id && fire.event === state.selectedEvent && fire.body !== '') return;
      void fire.eventChosen(provider, state.selectedEvent);
    };
    choose();
    const unsubscribe = useCatalogStore.subscribe(choose);
    return unsubscribe;
  }, []);
}
