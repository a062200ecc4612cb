import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SecretsStatus } from '../../../shared/signature-models';
import { HookbenchError } from '../errors';
import type { SecretStore } from './secret-store';

/** The environment variable holding the passphrase the secrets file is encrypted with. */
export const SECRET_KEY_ENV = 'HOOKBENCH_SECRET_KEY';
/** The secrets file's name in the data directory. */
export const SECRETS_FILE = 'secrets.enc.json';
const MIN_PASSPHRASE = 16;

interface Sealed {
  iv: string;
  tag: string;
  data: string;
}

interface SecretsFile {
  version: 1;
  kdf: { name: 'scrypt'; salt: string; N: number; r: number; p: number };
  /** A known text sealed with the key, so a wrong key is recognised even when no secret is stored. */
  check: Sealed;
  entries: Record<string, Sealed>;
}

interface Opened {
  key: Buffer;
  kdf: SecretsFile['kdf'];
  check: Sealed;
  values: Map<string, string>;
}

const CHECK_TEXT = 'hookbench secrets';
const KDF = { N: 2 ** 14, r: 8, p: 1 } as const;

function seal(key: Buffer, plain: string, label: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  // The entry's name is authenticated with it, so sealed values cannot be swapped between keys.
  cipher.setAAD(Buffer.from(label));
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

/** The plain text, or null when the key (or the label) is not the one it was sealed with. */
function unseal(key: Buffer, sealed: Sealed, label: string): string | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(label));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return null;
  }
}

function isSealed(value: unknown): value is Sealed {
  const v = value as Partial<Sealed> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.iv === 'string' &&
    typeof v.tag === 'string' &&
    typeof v.data === 'string'
  );
}

/**
 * Secrets in one AES-256-GCM encrypted JSON file (`secrets.enc.json` in the data directory), for the CLI and browser
 * mode. The key is derived with scrypt from the `HOOKBENCH_SECRET_KEY` passphrase and a random salt kept in the file.
 * Without the passphrase nothing can be saved (the error says how to set it); reading then finds nothing when no
 * file exists, and fails with the same advice when one does.
 */
export class EncryptedFileSecretStore implements SecretStore {
  private opened: Opened | null = null;

  constructor(
    readonly path: string,
    private readonly passphrase: string | undefined,
  ) {}

  /** The store for a data directory, keyed by `HOOKBENCH_SECRET_KEY` from this environment. */
  static inDataDir(dataDir: string, env: NodeJS.ProcessEnv): EncryptedFileSecretStore {
    return new EncryptedFileSecretStore(join(dataDir, SECRETS_FILE), env[SECRET_KEY_ENV] || undefined);
  }

  private missingKey(): HookbenchError {
    return new HookbenchError(
      'unavailable',
      `Secrets cannot be saved or read: set the ${SECRET_KEY_ENV} environment variable to a passphrase of at least ` +
        `${MIN_PASSPHRASE} characters (for example the output of \`openssl rand -base64 32\`) and start Hookbench ` +
        `again; secrets are encrypted with it in ${this.path}. A --verify secret on the command line works without ` +
        'it (kept in memory for that run only).',
    );
  }

  private open(): Opened {
    if (this.opened) return this.opened;
    const passphrase = this.passphrase;
    if (passphrase === undefined) throw this.missingKey();
    if (passphrase.length < MIN_PASSPHRASE) {
      throw new HookbenchError(
        'unavailable',
        `${SECRET_KEY_ENV} is too short: use a passphrase of at least ${MIN_PASSPHRASE} characters ` +
          '(for example the output of `openssl rand -base64 32`).',
      );
    }
    if (!existsSync(this.path)) {
      const kdf = { name: 'scrypt' as const, salt: randomBytes(16).toString('base64'), ...KDF };
      const key = this.derive(passphrase, kdf);
      this.opened = { key, kdf, check: seal(key, CHECK_TEXT, 'check'), values: new Map() };
      return this.opened;
    }
    const file = this.readFile();
    const key = this.derive(passphrase, file.kdf);
    if (unseal(key, file.check, 'check') !== CHECK_TEXT) {
      throw new HookbenchError(
        'unavailable',
        `${SECRET_KEY_ENV} does not open ${this.path}: it is not the key the secrets were saved with. Set the key ` +
          'used before, or move the file aside to start again without the saved secrets.',
      );
    }
    const values = new Map<string, string>();
    for (const [name, sealed] of Object.entries(file.entries)) {
      const plain = unseal(key, sealed, `entry:${name}`);
      if (plain === null) throw this.damaged(`the entry "${name}" does not decrypt`);
      values.set(name, plain);
    }
    this.opened = { key, kdf: file.kdf, check: file.check, values };
    return this.opened;
  }

  private damaged(what: string): HookbenchError {
    return new HookbenchError(
      'unavailable',
      `The secrets file ${this.path} is damaged (${what}). Move it aside to start again without the saved secrets.`,
    );
  }

  private readFile(): SecretsFile {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.path, 'utf8'));
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'EACCES' || code === 'EPERM')
        throw new HookbenchError('unavailable', `Cannot read ${this.path}: permission denied.`);
      throw this.damaged('not valid JSON');
    }
    const file = raw as Partial<SecretsFile> | null;
    const kdf = file?.kdf;
    if (
      file?.version !== 1 ||
      kdf?.name !== 'scrypt' ||
      typeof kdf.salt !== 'string' ||
      !isSealed(file.check) ||
      typeof file.entries !== 'object' ||
      !Object.values(file.entries).every(isSealed)
    ) {
      throw this.damaged('not a Hookbench secrets file of version 1');
    }
    return file as SecretsFile;
  }

  private derive(passphrase: string, kdf: SecretsFile['kdf']): Buffer {
    return scryptSync(passphrase, Buffer.from(kdf.salt, 'base64'), 32, {
      N: kdf.N,
      r: kdf.r,
      p: kdf.p,
      maxmem: 256 * 1024 * 1024,
    });
  }

  /** Writes beside the file and renames over it, readable by the owner only. */
  private save(opened: Opened): void {
    const entries: Record<string, Sealed> = {};
    for (const [name, value] of opened.values) entries[name] = seal(opened.key, value, `entry:${name}`);
    const file: SecretsFile = { version: 1, kdf: opened.kdf, check: opened.check, entries };
    mkdirSync(dirname(this.path), { recursive: true });
    const temp = `${this.path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      writeFileSync(temp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
      renameSync(temp, this.path);
      chmodSync(this.path, 0o600);
    } catch (error) {
      rmSync(temp, { force: true });
      throw new HookbenchError(
        'unavailable',
        `Cannot write ${this.path}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  get(key: string): string | undefined {
    if (this.passphrase === undefined && !existsSync(this.path)) return undefined;
    return this.open().values.get(key);
  }

  set(key: string, value: string): void {
    const opened = this.open();
    opened.values.set(key, value);
    this.save(opened);
  }

  delete(key: string): void {
    if (this.passphrase === undefined && !existsSync(this.path)) return;
    const opened = this.open();
    if (opened.values.delete(key)) this.save(opened);
  }

  status(): SecretsStatus {
    try {
      this.open();
      return { kind: 'encrypted-file', writable: true, problem: null };
    } catch (error) {
      return {
        kind: 'encrypted-file',
        writable: false,
        problem: error instanceof Error ? error.message : String(error),
      };
    }
  }
}
