import { useEffect } from 'react';
import { useAppStore } from '../stores/app';

/** How long a confirmation stays. */
const TOAST_MS = 2000;

/** A short confirmation at the bottom of the window (e.g. after a keyboard copy), announced politely. */
export function Toast() {
  const toast = useAppStore((s) => s.toast);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => useAppStore.getState().toastExpired(toast.id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div className="toast" key={toast.id} data-testid="toast">
          {toast.text}
        </div>
      )}
    </div>
  );
}
