import type { SecretsStatus } from '../../../shared/signature-models';

/**
 * Where secrets (webhook signing secrets, later API keys) are kept, by key. Core only knows this interface: the
 * desktop app passes one backed by Electron's safeStorage, the CLI an encrypted file, tests a memory store.
 *
 * Errors a user can fix (no key configured, wrong key, no keyring) are thrown as `HookbenchError('unavailable', …)`
 * whose message says what to do. Values never appear in those messages.
 */
export interface SecretStore {
  /** The stored value, or undefined when nothing is stored under `key`. */
  get(key: string): string | undefined;
  /** Stores (or replaces) a value; done when the returned promise (if any) resolves. */
  set(key: string, value: string): void | Promise<void>;
  /** Forgets a value; nothing happens when there is none. */
  delete(key: string): void | Promise<void>;
  /** Where secrets go and whether `set` can work now. */
  status(): SecretsStatus;
}
