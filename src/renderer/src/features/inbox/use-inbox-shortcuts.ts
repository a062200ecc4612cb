import { useEffect } from 'react';
import { curlForCapture } from '../../lib/capture-commands';
import { copyText } from '../../lib/clipboard';
import { hasCommandModifier, isTypingTarget } from '../../lib/keyboard';
import { useAppStore } from '../../stores/app';
import { receiverUrl } from '../../stores/app/selectors';
import { useCaptureDetailStore } from '../../stores/capture-detail';
import { useInboxStore } from '../../stores/inbox';
import { SEARCH_INPUT_ID } from './filters-bar';

/** Copies the selected capture as curl and says whether it worked. */
async function copySelectedAsCurl(): Promise<void> {
  const id = useInboxStore.getState().selectedId;
  const entry = id === null ? undefined : useCaptureDetailStore.getState().entries[id];
  const toast = useAppStore.getState().toastShown;
  if (entry?.status !== 'ready') return;
  try {
    await copyText(curlForCapture(entry.detail, receiverUrl(useAppStore.getState())));
    toast(`Copied capture #${entry.detail.id} as curl`);
  } catch {
    toast('Copy failed: the browser refused access to the clipboard');
  }
}

/**
 * The Inbox's single-key shortcuts: `/` search, `r` replay, `c` copy as curl, `p` pin. None fires while typing in a
 * field or editor, inside a dialog or menu, or with Ctrl/Cmd/Alt held (those belong to the browser and the OS).
 */
export function useInboxShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || hasCommandModifier(event) || isTypingTarget(event.target)) return;
      const selectedId = useInboxStore.getState().selectedId;
      switch (event.key) {
        case '/': {
          const search = document.getElementById(SEARCH_INPUT_ID);
          if (!search) return;
          event.preventDefault();
          search.focus();
          return;
        }
        case 'r':
          if (selectedId === null) return;
          event.preventDefault();
          useCaptureDetailStore.getState().tabSelected('replay');
          return;
        case 'c':
          if (selectedId === null) return;
          event.preventDefault();
          void copySelectedAsCurl();
          return;
        case 'p':
          if (selectedId === null) return;
          event.preventDefault();
          void useInboxStore.getState().pinToggled(selectedId);
          return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
