/** Where a small preference lives: `localStorage` in the app, a fake in tests. */
export type ValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** Reads a remembered string; null when absent or when storage is unavailable (privacy modes throw). */
export function readSaved(storage: ValueStorage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Remembers a string; silently does nothing where storage is unavailable, since it is only a convenience. */
export function writeSaved(storage: ValueStorage | null, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // A preference that cannot be saved is simply asked for again next time.
  }
}

/** The page's localStorage, or null where the browser refuses access to it. */
export function pageStorage(): ValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
