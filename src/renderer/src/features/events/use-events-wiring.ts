import { useEffect } from 'react';
import { onEvent } from '../../lib/bridge';
import { useCatalogStore } from '../../stores/catalog';
import { useFireStore } from '../../stores/fire';
import { useScenariosStore } from '../../stores/scenarios';

/**
 * Keeps the Events area's stores in step: loads the catalogue, hands every newly selected event to the Fire panel,
 * and feeds `fire:progress` to the fire and scenario stores while the area is shown.
 */
export function useEventsWiring(): void {
  useEffect(() => {
    void useCatalogStore.getState().eventsOpened();
    const stop = onEvent('fire:progress', (progress) => {
      useFireStore.getState().progressReceived(progress);
      useScenariosStore.getState().progressReceived(progress);
    });
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
    return () => {
      stop();
      unsubscribe();
    };
  }, []);
}
