import type { SecretsStatus } from '../../../../shared/signature-models';

export interface SecretsState {
  /** Where secrets are kept and whether one can be saved now; null until asked. */
  status: SecretsStatus | null;
  /** Why asking failed, in words for the user. */
  error: string | null;
}

export const initialSecretsState: SecretsState = { status: null, error: null };
