import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { safeStorage } from 'electron';
import { HookbenchError } from './core/errors';
import type { SecretStore } from './core/secrets/secret-store';
import type { SecretsStatus } from '../shared/signature-models';

/** The secrets file of the desktop app, in the data directory. */
export const SAFE_SECRETS_FILE = 'secrets.safe.json';

/** The part of Electron's `safeStorage` this store uses (its asynchronous API). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  getSelectedStorageBackend(): string;
}

export const BASIC_TEXT_PROBLEM =
  "Secrets cannot be saved: this desktop offers no keyring to Hookbench (Electron's safeStorage fell back to its " +
  '"basic_text" backend, which encrypts with a key written in the program, so anyone who copies the file could read ' +
  'your secrets). Install and unlock a keyring (GNOME Keyring or KWallet) and restart Hookbench, or start it with ' +
  '--password-store=gnome-libsecret. A --verify secret given to `hookbench listen` works meanwhile.';

export const NO_ENCRYPTION_PROBLEM =
  "Secrets cannot be saved: the system's secure storage (Keychain, DPAPI or a keyring) is not available to " +
  'Hookbench. Unlock it and restart Hookbench.';

interface SafeFile {
  version: 1;
  /** Base64 of each value encrypted by safeStorage. */
  entries: Record<string, string>;
}

/**
 * Secrets of the desktop app, each encrypted with Electron's safeStorage (Keychain on macOS, DPAPI on Windows,
 * libsecret or KWallet on Linux) in `secrets.safe.json`. Linux's `basic_text` fallback is refused: its key is
 * public, so it would only pretend to protect. Values are decrypted once at start and kept in memory, so a capture
 * is verified without waiting for the keyring.
 */
export class SafeStorageSecretStore implements SecretStore {
  private writes: Promise<void> = Promise.resolve();

  private constructor(
    private readonly path: string,
    private readonly storage: SafeStorageLike,
    private readonly values: Map<string, string>,
    private readonly problem: string | null,
  ) {}

  /** Opens the store of a data directory; call after the app is ready. A store that cannot work says why. */
  static async open(
    dataDir: string,
    storage: SafeStorageLike = safeStorage,
    platform: NodeJS.Platform = process.platform,
  ): Promise<SafeStorageSecretStore> {
    const path = join(dataDir, SAFE_SECRETS_FILE);
    let problem: string | null = null;
    if (platform === 'linux' && storage.getSelectedStorageBackend() === 'basic_text')
      problem = BASIC_TEXT_PROBLEM;
    else if (!(await storage.isAsyncEncryptionAvailable())) problem = NO_ENCRYPTION_PROBLEM;
    const values = new Map<string, string>();
    let reEncrypt = false;
    if (problem === null && existsSync(path)) {
      try {
        const file = JSON.parse(await readFile(path, 'utf8')) as Partial<SafeFile>;
        if (file.version !== 1 || typeof file.entries !== 'object') throw new Error('not version 1');
        for (const [key, sealed] of Object.entries(file.entries)) {
          const { result, shouldReEncrypt } = await storage.decryptStringAsync(Buffer.from(sealed, 'base64'));
          values.set(key, result);
          reEncrypt ||= shouldReEncrypt;
        }
      } catch (error) {
        problem =
          `The saved secrets in ${path} cannot be read (${error instanceof Error ? error.message : String(error)}); ` +
          'the keyring may have changed. Move the file aside and set the secrets again.';
      }
    }
    const store = new SafeStorageSecretStore(path, storage, values, problem);
    if (reEncrypt) await store.persist();
    return store;
  }

  private unavailable(): HookbenchError {
    return new HookbenchError('unavailable', this.problem ?? 'Secrets are unavailable.');
  }

  get(key: string): string | undefined {
    if (this.problem !== null && existsSync(this.path)) throw this.unavailable();
    return this.values.get(key);
  }

  async set(key: string, value: string): Promise<void> {
    if (this.problem !== null) throw this.unavailable();
    this.values.set(key, value);
    await this.persist();
  }

  async delete(key: string): Promise<void> {
    if (this.problem !== null) throw this.unavailable();
    if (this.values.delete(key)) await this.persist();
  }

  status(): SecretsStatus {
    return { kind: 'safe-storage', writable: this.problem === null, problem: this.problem };
  }

  /** Writes every value encrypted, beside the file then renamed over it; writes run one after another. */
  private persist(): Promise<void> {
    const write = async (): Promise<void> => {
      const entries: Record<string, string> = {};
      for (const [key, value] of this.values)
        entries[key] = (await this.storage.encryptStringAsync(value)).toString('base64');
      const file: SafeFile = { version: 1, entries };
      await mkdir(dirname(this.path), { recursive: true });
      const temp = `${this.path}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
        await rename(temp, this.path);
      } catch (error) {
        await rm(temp, { force: true });
        throw new HookbenchError(
          'unavailable',
          `Cannot save secrets to ${this.path}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    };
    const next = this.writes.then(write, write);
    this.writes = next.catch(() => undefined);
    return next;
  }
}
