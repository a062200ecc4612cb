import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../../../helpers/temp-dir';

/** A stand-in for Electron's safeStorage: "encrypts" to base64 with a tag, so tests can see it ran. */
const fake = vi.hoisted(() => ({
  backend: 'gnome_libsecret',
  available: true,
  reEncrypt: false,
}));

vi.mock('electron', () => ({
  safeStorage: {
    getSelectedStorageBackend: () => fake.backend,
    isAsyncEncryptionAvailable: () => Promise.resolve(fake.available),
    encryptStringAsync: (text: string) =>
      Promise.resolve(Buffer.from(`sealed:${Buffer.from(text).toString('base64')}`)),
    decryptStringAsync: (sealed: Buffer) => {
      const text = sealed.toString();
      if (!text.startsWith('sealed:'))
        return Promise.reject(new Error('Error while decrypting the ciphertext'));
      return Promise.resolve({
        result: Buffer.from(text.slice('sealed:'.length), 'base64').toString(),
        shouldReEncrypt: fake.reEncrypt,
      });
    },
  },
}));

const { SafeStorageSecretStore, SAFE_SECRETS_FILE, BASIC_TEXT_PROBLEM } =
  await import('../../../../src/main/safe-storage-secret-store');

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

describe('SafeStorageSecretStore (Electron safeStorage, electron mocked)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
    Object.assign(fake, { backend: 'gnome_libsecret', available: true, reEncrypt: false });
  });
  afterEach(() => temp.remove());

  it('keeps each value encrypted by safeStorage and reads it back after a restart', async () => {
    const store = await SafeStorageSecretStore.open(temp.dir, undefined, 'linux');
    expect(store.status()).toEqual({ kind: 'safe-storage', writable: true, problem: null });
    await store.set('verification/a', SECRET);
    await store.set('verification/b', 'other');
    expect(store.get('verification/a')).toBe(SECRET);
    const text = readFileSync(join(temp.dir, SAFE_SECRETS_FILE), 'utf8');
    expect(text).not.toContain(SECRET);
    const reopened = await SafeStorageSecretStore.open(temp.dir, undefined, 'linux');
    expect(reopened.get('verification/a')).toBe(SECRET);
    await reopened.delete('verification/a');
    expect(
      (await SafeStorageSecretStore.open(temp.dir, undefined, 'linux')).get('verification/a'),
    ).toBeUndefined();
  });

  it("refuses Linux's basic_text backend with a message saying what to do", async () => {
    fake.backend = 'basic_text';
    const store = await SafeStorageSecretStore.open(temp.dir, undefined, 'linux');
    expect(store.status()).toEqual({ kind: 'safe-storage', writable: false, problem: BASIC_TEXT_PROBLEM });
    await expect(store.set('a', SECRET)).rejects.toMatchObject({
      name: 'HookbenchError',
      code: 'unavailable',
      message: expect.stringMatching(/"basic_text" backend.*Install and unlock a keyring/) as unknown,
    });
    expect(store.get('a')).toBeUndefined();
    // The same backend name is not a problem on other systems (it only exists on Linux).
    expect((await SafeStorageSecretStore.open(temp.dir, undefined, 'darwin')).status().writable).toBe(true);
  });

  it('says when secure storage is not available at all', async () => {
    fake.available = false;
    const store = await SafeStorageSecretStore.open(temp.dir, undefined, 'win32');
    expect(store.status().problem).toMatch(
      /secure storage \(Keychain, DPAPI or a keyring\) is not available/,
    );
    await expect(store.set('a', 'b')).rejects.toThrow(/not available/);
  });

  it('reports saved secrets it cannot decrypt instead of losing them', async () => {
    writeFileSync(
      join(temp.dir, SAFE_SECRETS_FILE),
      JSON.stringify({ version: 1, entries: { a: 'Z2FyYmFnZQ==' } }),
    );
    const store = await SafeStorageSecretStore.open(temp.dir, undefined, 'linux');
    expect(store.status().problem).toMatch(/cannot be read \(Error while decrypting the ciphertext\)/);
    expect(() => store.get('a')).toThrow(/cannot be read/);
  });

  it('re-encrypts when safeStorage says the key changed', async () => {
    const store = await SafeStorageSecretStore.open(temp.dir, undefined, 'linux');
    await store.set('a', SECRET);
    writeFileSync(
      join(temp.dir, SAFE_SECRETS_FILE),
      readFileSync(join(temp.dir, SAFE_SECRETS_FILE), 'utf8').replace('"version": 1', '"version": 1 '),
    );
    fake.reEncrypt = true;
    const before = readFileSync(join(temp.dir, SAFE_SECRETS_FILE), 'utf8');
    await SafeStorageSecretStore.open(temp.dir, undefined, 'linux');
    expect(readFileSync(join(temp.dir, SAFE_SECRETS_FILE), 'utf8')).not.toBe(before);
  });
});
