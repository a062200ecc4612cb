import { randomUUID } from 'node:crypto';
import type { HeaderPair } from '../../../shared/models';
import type {
  InboxVerification,
  ResignInput,
  SignatureScheme,
  VerificationOptions,
  VerificationSetting,
} from '../../../shared/signature-models';
import { UNCONFIGURED, type StoredSignature } from '../../db/signature-columns';
import { HookbenchError } from '../errors';
import type { SecretStore } from '../secrets/secret-store';
import { findHeader } from './headers';
import { checkSecret, newMessageId, schemeOf, sign, verify } from './index';
import { maskSecret } from './mask-secret';
import type { VerifyRequest } from './scheme-types';
import type { VerifySpec } from './verify-spec';

/** The verification in force for an inbox, with its secret, or why its secret cannot be read. */
type Resolved =
  | {
      scheme: SignatureScheme;
      options: VerificationOptions;
      source: 'saved' | 'session';
      secret: string;
      problem: null;
    }
  | { scheme: SignatureScheme; options: VerificationOptions; source: 'saved'; secret: null; problem: string };

/** Replaces each header by name (first one in place, keeping its spelling; later duplicates dropped) or appends it. */
export function replaceHeaders(
  headers: readonly HeaderPair[],
  replacements: readonly HeaderPair[],
): HeaderPair[] {
  let result: HeaderPair[] = headers.map(([n, v]) => [n, v]);
  for (const [name, value] of replacements) {
    const lower = name.toLowerCase();
    const at = result.findIndex(([n]) => n.toLowerCase() === lower);
    if (at === -1) {
      result.push([name, value]);
      continue;
    }
    result = result.filter(([n], i) => i <= at || n.toLowerCase() !== lower);
    result[at] = [result[at]?.[0] ?? name, value];
  }
  return result;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Signature verification per inbox: which scheme and secret apply (a `--verify` flag for this run, else the saved
 * setting whose secret lives in the secret store), the check of each capture at arrival, saving and clearing an
 * inbox's setting, and re-signing replays. Secrets leave this service only masked.
 */
export class VerificationService {
  /** `--verify` flags of this run, by inbox slug: held in memory, never saved. */
  private readonly session = new Map<string, VerifySpec>();

  constructor(
    private readonly secrets: SecretStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** Verifies an inbox with this scheme and secret for this run only (a CLI `--verify` flag). */
  addSession(slug: string, spec: VerifySpec): void {
    this.session.set(slug, spec);
  }

  /** Keeps a session verification with its inbox when the inbox moves to a new slug. */
  moveSession(from: string, to: string): void {
    const spec = this.session.get(from);
    if (!spec) return;
    this.session.delete(from);
    this.session.set(to, spec);
  }

  private resolve(slug: string, setting: VerificationSetting | null): Resolved | null {
    const session = this.session.get(slug);
    if (session) return { ...session, source: 'session', problem: null };
    if (!setting) return null;
    const base = { scheme: setting.scheme, options: setting.options, source: 'saved' as const };
    try {
      const secret = this.secrets.get(setting.secretRef);
      if (secret !== undefined) return { ...base, secret, problem: null };
      return {
        ...base,
        secret: null,
        problem: 'Its secret is no longer in the secret store: set the verification again.',
      };
    } catch (error) {
      return { ...base, secret: null, problem: describe(error) };
    }
  }

  /** How an inbox verifies, the secret masked, for the contract's `Inbox`. */
  present(slug: string, setting: VerificationSetting | null): InboxVerification | null {
    const resolved = this.resolve(slug, setting);
    if (!resolved) return null;
    return {
      scheme: resolved.scheme,
      options: resolved.options,
      secretMasked: resolved.secret === null ? null : maskSecret(resolved.secret),
      source: resolved.source,
      problem: resolved.problem,
    };
  }

  /**
   * Checks one capture at arrival, from its raw headers and body bytes. Never throws: a check that cannot run is
   * recorded as `unconfigured` with the reason, and the capture is stored all the same.
   */
  check(slug: string, setting: VerificationSetting | null, request: VerifyRequest): StoredSignature {
    const resolved = this.resolve(slug, setting);
    if (!resolved) return UNCONFIGURED;
    const checkedAt = this.now();
    if (resolved.secret === null) {
      return {
        ...UNCONFIGURED,
        scheme: resolved.scheme,
        reason: `Not checked: this inbox verifies with ${resolved.scheme}, but its secret cannot be read. ${resolved.problem}`,
      };
    }
    try {
      const v = verify(resolved.scheme, { secret: resolved.secret, options: resolved.options }, request);
      return {
        scheme: v.scheme,
        verdict: v.verdict,
        reason: v.reason,
        cause: v.cause,
        detail: {
          signed: v.signed,
          expected: v.expected,
          received: v.received,
          secretMasked: maskSecret(resolved.secret),
          details: v.details,
          checkedAt,
        },
      };
    } catch (error) {
      return {
        ...UNCONFIGURED,
        scheme: resolved.scheme,
        reason: `Hookbench could not check the signature: ${describe(error)}`,
      };
    }
  }

  /**
   * Saves an inbox's verification: the secret into the secret store (kept when none is given), the rest returned as
   * the setting to save in the inbox. A session verification of the inbox ends: the latest choice wins.
   */
  async save(
    slug: string,
    current: VerificationSetting | null,
    input: { scheme: SignatureScheme; secret?: string | undefined; options: VerificationOptions },
  ): Promise<VerificationSetting> {
    let secret = input.secret;
    if (secret === undefined) {
      const kept = current ? this.secrets.get(current.secretRef) : undefined;
      if (kept === undefined)
        throw new HookbenchError('invalid_input', `secret: inbox "${slug}" has no saved secret; give one.`);
      secret = kept;
    }
    const problem = checkSecret(input.scheme, { secret, options: input.options });
    if (problem) throw new HookbenchError('invalid_input', `secret: ${problem}`);
    const secretRef = current?.secretRef ?? `verification/${randomUUID()}`;
    if (input.secret !== undefined) await this.secrets.set(secretRef, input.secret);
    this.session.delete(slug);
    return { scheme: input.scheme, options: input.options, secretRef };
  }

  /** Forgets an inbox's verification secret (best effort: a locked store keeps it, encrypted and unused). */
  async forget(slug: string, setting: VerificationSetting | null): Promise<void> {
    this.session.delete(slug);
    if (!setting) return;
    try {
      await this.secrets.delete(setting.secretRef);
    } catch {
      // The store cannot be opened (no key, no keyring): the entry stays encrypted and unused.
    }
  }

  /**
   * The headers of a replay signed again: a fresh timestamp and signature, the captured message id unless `newId`.
   * The secret and options default to those of the capture's inbox. Standard Webhooks keeps the spelling the capture
   * used (`svix-*` or `webhook-*`).
   */
  resign(
    slug: string,
    setting: VerificationSetting | null,
    headers: readonly HeaderPair[],
    body: Buffer,
    input: ResignInput,
  ): HeaderPair[] {
    const resolved = this.resolve(slug, setting);
    const secret = input.secret ?? resolved?.secret ?? null;
    if (secret === null) {
      throw new HookbenchError(
        'invalid_input',
        `resign.secret: give the secret to sign with, or set the verification of inbox "${slug}" (${resolved?.problem ?? 'it has none'}).`,
      );
    }
    const options = input.options ?? (resolved && resolved.scheme === input.scheme ? resolved.options : {});
    let scheme = input.scheme;
    if (scheme === 'standard-webhooks' || scheme === 'svix') {
      if (findHeader(headers, 'svix-signature', 'svix-id')) scheme = 'svix';
      else if (findHeader(headers, 'webhook-signature', 'webhook-id')) scheme = 'standard-webhooks';
    }
    const problem = checkSecret(scheme, { secret, options });
    if (problem) throw new HookbenchError('invalid_input', `resign.secret: ${problem}`);
    const kept = findHeader(headers, ...schemeOf(scheme).idHeaders(options))?.value;
    const id = input.newId || !kept ? newMessageId() : kept;
    try {
      const signed = sign(
        scheme,
        { secret, options },
        { id, timestamp: Math.floor(this.now() / 1000), body },
      );
      return replaceHeaders(headers, signed);
    } catch (error) {
      throw new HookbenchError('invalid_input', `resign: ${describe(error)}`);
    }
  }
}
