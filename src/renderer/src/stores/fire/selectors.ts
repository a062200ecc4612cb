import type { FireTarget } from '../../../../shared/fire-models';
import type { HeaderPair } from '../../../../shared/models';
import { filledHeaderRows, headerRowsProblem } from '../../components/header-rows-editor';
import type { FireState, TargetForm } from './initial-state';

/** What is wrong with the payload as JSON, with its line and column when the engine says where, or null. */
export function jsonProblem(body: string): string | null {
  if (body.trim() === '') return 'The payload is empty.';
  try {
    JSON.parse(body);
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    if (!at) return `The payload is not valid JSON: ${message}`;
    const before = body.slice(0, Number(at[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return `The payload is not valid JSON (line ${line}, column ${column}): ${message.replace(/\s*\(line.*$/, '')}`;
  }
}

/** What is wrong with the target, or null. */
export function targetProblem(target: TargetForm): string | null {
  if (target.kind === 'inbox' && target.inbox === '') return 'Choose an inbox to fire to.';
  if (target.kind === 'url') {
    if (target.url.trim() === '') return 'Enter the URL to fire to.';
    if (!/^https?:\/\/[^\s/]+/i.test(target.url.trim()))
      return 'The URL must start with http:// or https://.';
  }
  if (target.kind === 'subscriptions' && target.tenant.trim() === '') return 'Enter the tenant.';
  return null;
}

/** The reason Send (and Bulk) cannot run now, or null when they can. */
export function sendBlocker(state: FireState): string | null {
  if (state.provider === null || state.event === null) return 'Pick an event first.';
  if (state.sample.status === 'loading') return 'The sample is still loading.';
  return (
    jsonProblem(state.body) ??
    targetProblem(state.target) ??
    headerRowsProblem(state.headers) ??
    (state.sign.enabled && state.sign.secret === '' ? 'Enter the signing secret, or turn signing off.' : null)
  );
}

/** The contract's target for the form. */
export function fireTarget(target: TargetForm): FireTarget {
  if (target.kind === 'url') return { kind: 'url', url: target.url.trim() };
  if (target.kind === 'subscriptions') return { kind: 'subscriptions', tenant: target.tenant.trim() };
  return { kind: 'inbox', inbox: target.inbox };
}

/** The parts of a send every kind of fire shares: target, envelope, headers and signing. */
export function deliveryOptions(state: FireState): {
  target: FireTarget;
  envelope: { prefix: string | null; suffix: string | null };
  headers: HeaderPair[];
  sign?: { scheme: FireState['sign']['scheme']; secret: string };
} {
  return {
    target: fireTarget(state.target),
    envelope: { prefix: state.prefix.trim() || null, suffix: state.suffix.trim() || null },
    headers: filledHeaderRows(state.headers),
    ...(state.sign.enabled ? { sign: { scheme: state.sign.scheme, secret: state.sign.secret } } : {}),
  };
}

/** The bulk progress as a fraction from 0 to 1. */
export function bulkFraction(state: FireState): number {
  const p = state.bulk.progress;
  if (state.bulk.result) return 1;
  if (!p || p.total === 0) return 0;
  return Math.min(1, p.done / p.total);
}
