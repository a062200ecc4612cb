import type { SecretsStatus } from '../../../shared/signature-models';
import { MemorySecretStore } from './memory-secret-store';
import type { SecretStore } from './secret-store';

/**
 * Keeps the secrets whose keys start with one of `prefixes` in memory and everything else in `primary`. The sandbox
 * tenant's credentials are local, regenerated demo keys: holding them for the session lets a consultant demo the
 * sandbox without first setting up a keyring or HOOKBENCH_SECRET_KEY, and nothing is ever written in clear.
 */
export class ScopedSecretStore implements SecretStore {
  private readonly session = new MemorySecretStore();

  constructor(
    private readonly primary: SecretStore,
    private readonly prefixes: readonly string[],
  ) {}

  private storeFor(key: string): SecretStore {
    return this.prefixes.some((p) => key.startsWith(p)) ? this.session : this.primary;
  }

  get(key: string): string | undefined {
    return this.storeFor(key).get(key);
  }

  set(key: string, value: string): void | Promise<void> {
    return this.storeFor(key).set(key, value);
  }

  delete(key: string): void | Promise<void> {
    return this.storeFor(key).delete(key);
  }

  status(): SecretsStatus {
    return this.primary.status();
  }
}
