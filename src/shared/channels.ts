/**
 * The names of every request channel and pushed event, as plain runtime data.
 *
 * Kept apart from the zod contract so the preload script can build its narrow bridge object from the list without
 * bundling zod; `contract.ts` checks at compile time that both lists match its schemas exactly.
 */
export const REQUEST_CHANNELS = [
  'app:info',
  'receiver:status',
  'settings:get',
  'settings:update',
  'inbox:list',
  'inbox:create',
  'inbox:update',
  'inbox:delete',
  'inbox:set-verification',
  'inbox:clear-verification',
  'secrets:status',
  'history:list',
  'history:get',
  'history:attempts',
  'history:pin',
  'history:delete',
  'history:clear',
  'history:replay',
  'history:export',
  'history:import',
  'catalog:list',
  'catalog:get',
  'catalog:import',
  'catalog:remove',
  'catalog:promote-example',
  'fire:sample',
  'fire:send',
  'fire:bulk',
  'fire:cancel',
  'scenario:list',
  'scenario:save',
  'scenario:delete',
  'scenario:run',
  'tunnel:status',
  'tunnel:start',
  'tunnel:stop',
  'tunnel:configure',
  'tenant:list',
  'tenant:save',
  'tenant:delete',
  'subscription:list',
  'subscription:get',
  'subscription:create',
  'subscription:update',
  'subscription:delete',
  'subscription:test',
  'subscription:cleanup',
  'composer:validate',
  'sandbox:start',
  'sandbox:stop',
  'sandbox:status',
  'sandbox:event',
  'check:payload',
  'check:capture',
  'check:recheck',
  'check:status',
  'check:summary',
  'check:drift',
  'check:observed-schema',
] as const;

/** Events the core pushes to the UI. */
export const EVENT_CHANNELS = [
  'capture:received',
  'capture:updated',
  'history:changed',
  'inbox:changed',
  'receiver:changed',
  'fire:progress',
  'tunnel:changed',
  'sandbox:changed',
  'check:progress',
] as const;

export type RequestChannel = (typeof REQUEST_CHANNELS)[number];
export type EventChannel = (typeof EVENT_CHANNELS)[number];

/** True when `name` is one of the request channels (used to reject unknown names from untrusted input). */
export function isRequestChannel(name: unknown): name is RequestChannel {
  return typeof name === 'string' && (REQUEST_CHANNELS as readonly string[]).includes(name);
}

/** True when `name` is one of the pushed events. */
export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && (EVENT_CHANNELS as readonly string[]).includes(name);
}
