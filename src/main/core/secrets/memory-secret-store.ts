import type { SecretsStatus } from '../../../shared/signature-models';
import type { SecretStore } from './secret-store';

/** Secrets held in memory only, gone when the process ends: for tests and for `--verify` secrets. */
export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>();

  get(key: string): string | undefined {
    return this.values.get(key);
  }

  set(key: string, value: string): void {
    this.values.set(key, value);
  }

  delete(key: string): void {
    this.values.delete(key);
  }

  status(): SecretsStatus {
    return { kind: 'memory', writable: true, problem: null };
  }
}
