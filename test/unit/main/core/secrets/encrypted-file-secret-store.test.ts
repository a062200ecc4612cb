import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EncryptedFileSecretStore,
  SECRETS_FILE,
} from '../../../../../src/main/core/secrets/encrypted-file-secret-store';
import { makeTempDir } from '../../../../helpers/temp-dir';

const KEY = 'correct horse battery staple 42';
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

describe('EncryptedFileSecretStore (secrets.enc.json, HOOKBENCH_SECRET_KEY)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let path: string;
  beforeEach(() => {
    temp = makeTempDir();
    path = join(temp.dir, SECRETS_FILE);
  });
  afterEach(() => temp.remove());

  it('round-trips secrets through an AES-256-GCM file that does not hold them in clear', () => {
    const store = EncryptedFileSecretStore.inDataDir(temp.dir, { HOOKBENCH_SECRET_KEY: KEY });
    expect(store.get('a')).toBeUndefined();
    expect(existsSync(path)).toBe(false);
    store.set('a', SECRET);
    store.set('b', 'ünïcode ✓');
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('MfKQ9r8');
    expect(JSON.parse(text)).toMatchObject({ version: 1, kdf: { name: 'scrypt' } });
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);

    const reopened = new EncryptedFileSecretStore(path, KEY);
    expect(reopened.get('a')).toBe(SECRET);
    expect(reopened.get('b')).toBe('ünïcode ✓');
    reopened.delete('a');
    expect(new EncryptedFileSecretStore(path, KEY).get('a')).toBeUndefined();
    expect(reopened.status()).toEqual({ kind: 'encrypted-file', writable: true, problem: null });
  });

  it('a wrong key is a clear error, and nothing is overwritten', () => {
    new EncryptedFileSecretStore(path, KEY).set('a', SECRET);
    const before = readFileSync(path, 'utf8');
    const wrong = new EncryptedFileSecretStore(path, 'not the key that was used');
    expect(() => wrong.get('a')).toThrow(
      `HOOKBENCH_SECRET_KEY does not open ${path}: it is not the key the secrets were saved with.`,
    );
    expect(() => wrong.set('b', 'x')).toThrow(/not the key the secrets were saved with/);
    expect(wrong.status()).toMatchObject({
      writable: false,
      problem: expect.stringMatching(/does not open/) as unknown,
    });
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('without the key nothing can be saved: the error says to set HOOKBENCH_SECRET_KEY', () => {
    const store = EncryptedFileSecretStore.inDataDir(temp.dir, {});
    expect(store.get('a')).toBeUndefined(); // nothing saved yet, so nothing to read
    expect(() => store.set('a', SECRET)).toThrow(
      /set the HOOKBENCH_SECRET_KEY environment variable to a passphrase/,
    );
    expect(store.status()).toMatchObject({ kind: 'encrypted-file', writable: false });
    expect(existsSync(path)).toBe(false);
    // Once secrets are saved, reading without the key fails the same clear way.
    new EncryptedFileSecretStore(path, KEY).set('a', SECRET);
    expect(() => store.get('a')).toThrow(/HOOKBENCH_SECRET_KEY/);
    try {
      store.get('a');
    } catch (error) {
      expect(error).toMatchObject({ name: 'HookbenchError', code: 'unavailable' });
    }
  });

  it('refuses a short passphrase and names a damaged file', () => {
    expect(() => new EncryptedFileSecretStore(path, 'short').set('a', 'b')).toThrow(
      /too short: use a passphrase of at least 16/,
    );
    writeFileSync(path, '{not json');
    expect(() => new EncryptedFileSecretStore(path, KEY).get('a')).toThrow(
      `The secrets file ${path} is damaged (not valid JSON).`,
    );
    writeFileSync(path, JSON.stringify({ version: 7 }));
    expect(() => new EncryptedFileSecretStore(path, KEY).get('a')).toThrow(
      /not a Hookbench secrets file of version 1/,
    );
  });

  it('detects an entry moved to another name (each value is bound to its key)', () => {
    const store = new EncryptedFileSecretStore(path, KEY);
    store.set('a', 'first');
    store.set('b', 'second');
    const file = JSON.parse(readFileSync(path, 'utf8')) as { entries: Record<string, unknown> };
    file.entries.b = file.entries.a;
    writeFileSync(path, JSON.stringify(file));
    expect(() => new EncryptedFileSecretStore(path, KEY).get('a')).toThrow(/the entry "b" does not decrypt/);
  });
});
