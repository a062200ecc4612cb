import { z } from 'zod';
import type { EventChannel, RequestChannel } from './channels';
import {
  appSettings,
  attemptsInput,
  clearInput,
  deletedOutput,
  deleteInput,
  exportInput,
  exportOutput,
  historyChanged,
  importInput,
  importOutput,
  pinInput,
  replayInput,
  settingsUpdateInput,
} from './history-models';
import {
  inbox,
  inboxCreateInput,
  inboxDeleteOutput,
  inboxSlug,
  inboxUpdateInput,
  setVerificationInput,
} from './inbox-models';
import {
  appInfo,
  captureDetail,
  captureIdInput,
  captureSummary,
  downstreamExchange,
  historyListInput,
  historyListOutput,
  receiverStatus,
} from './models';
import { secretsStatus } from './signature-models';
import {
  catalogImportInput,
  catalogImportOutput,
  catalogRemoveOutput,
  providerDetail,
  providerIdInput,
  providerSummary,
} from './catalog-models';
import {
  fireBulkInput,
  fireBulkOutput,
  fireCancelOutput,
  fireProgress,
  fireSampleInput,
  fireSampleOutput,
  fireSendInput,
  fireSendOutput,
  runIdInput,
  scenario,
  scenarioDeleteOutput,
  scenarioInfo,
  scenarioRunInput,
  scenarioRunOutput,
} from './fire-models';

import { tunnelConfigureInput, tunnelStartInput, tunnelStatus } from './tunnel-models';
import {
  composerValidateInput,
  composerValidateOutput,
  sandboxEventInput,
  sandboxEventOutput,
  sandboxStatus,
  subscription,
  subscriptionCleanupInput,
  subscriptionCleanupOutput,
  subscriptionCreateInput,
  subscriptionCreateOutput,
  subscriptionRefInput,
  subscriptionTestInput,
  subscriptionTestOutput,
  subscriptionUpdateInput,
  tenantIdInput,
  tenantProfile,
  tenantSaveInput,
} from './subscription-models';
import {
  captureCheckOutput,
  checkHistorySummary,
  checkPayloadInput,
  checkProgress,
  checkRecheckInput,
  checkRecheckOutput,
  checkResult,
  checkStatus,
  driftInput,
  driftReport,
  observedSchemaInput,
  observedSchemaOutput,
  promoteExampleInput,
  promoteExampleOutput,
} from './check-models';

const noInput = z.object({}).strict().default({});

/**
 * Every request channel with the schema of its input and of its output. Both transports (Electron IPC and browser
 * mode's HTTP) parse inputs with these schemas; types everywhere are inferred from them.
 */
export const requestContract = {
  'app:info': { input: noInput, output: appInfo },
  'receiver:status': { input: noInput, output: receiverStatus },
  'settings:get': { input: noInput, output: appSettings },
  'settings:update': { input: settingsUpdateInput, output: appSettings },
  'inbox:list': { input: noInput, output: z.array(inbox) },
  'inbox:create': { input: inboxCreateInput, output: inbox },
  'inbox:update': { input: inboxUpdateInput, output: inbox },
  'inbox:delete': { input: z.object({ slug: inboxSlug }), output: inboxDeleteOutput },
  /** Saves how an inbox verifies; the secret goes to the secret store and comes back masked. */
  'inbox:set-verification': { input: setVerificationInput, output: inbox },
  /** Stops verifying an inbox and deletes its secret. */
  'inbox:clear-verification': { input: z.object({ slug: inboxSlug }), output: inbox },
  /** Where secrets are kept and whether they can be saved now (e.g. HOOKBENCH_SECRET_KEY missing). */
  'secrets:status': { input: noInput, output: secretsStatus },
  'history:list': { input: historyListInput, output: historyListOutput },
  'history:get': { input: captureIdInput, output: captureDetail },
  'history:attempts': { input: attemptsInput, output: z.array(captureSummary) },
  'history:pin': { input: pinInput, output: captureSummary },
  'history:delete': { input: deleteInput, output: deletedOutput },
  'history:clear': { input: clearInput, output: deletedOutput },
  'history:replay': { input: replayInput, output: downstreamExchange },
  'history:export': { input: exportInput, output: exportOutput },
  'history:import': { input: importInput, output: importOutput },
  /** Every provider of the catalogue (shipped and imported), without events. */
  'catalog:list': { input: noInput, output: z.array(providerSummary) },
  /** One provider with its events (description, schema, examples, deprecation, notes) and subscription API. */
  'catalog:get': { input: providerIdInput, output: providerDetail },
  /** Validates a user's OpenAPI 3.1 file with `webhooks` and keeps it in the data directory's catalogue. */
  'catalog:import': { input: catalogImportInput, output: catalogImportOutput },
  /** Deletes an imported provider (shipped ones cannot be removed). */
  'catalog:remove': { input: providerIdInput, output: catalogRemoveOutput },
  /** Keeps a capture's body as an example of its event, labelled observed with its date (data directory overlay). */
  'catalog:promote-example': { input: promoteExampleInput, output: promoteExampleOutput },
  /** A realistic payload for an event: fresh ids in the provider's format, current timestamps, the envelope. */
  'fire:sample': { input: fireSampleInput, output: fireSampleOutput },
  /** Sends one event (retrying on the schedule when asked; later attempts arrive as `fire:progress`). */
  'fire:send': { input: fireSendInput, output: fireSendOutput },
  /** Sends N events at concurrency C; answers with counts and latency percentiles when done. */
  'fire:bulk': { input: fireBulkInput, output: fireBulkOutput },
  /** Stops a retrying send, a bulk fire or a scenario run. */
  'fire:cancel': { input: runIdInput, output: fireCancelOutput },
  'scenario:list': { input: noInput, output: z.array(scenarioInfo) },
  /** Creates or replaces a user scenario (built-in ids are refused). */
  'scenario:save': { input: scenario, output: scenarioInfo },
  'scenario:delete': { input: z.object({ id: z.string().min(1) }), output: scenarioDeleteOutput },
  /** Plays a scenario to a target and answers when every step is sent. */
  'scenario:run': { input: scenarioRunInput, output: scenarioRunOutput },
  /** Every way to get a public URL (installed or not, with install help and warnings) and the one running. */
  'tunnel:status': { input: noInput, output: tunnelStatus },
  /** Starts a public URL for the receiver; answers at once (`starting`), progress comes as `tunnel:changed`. */
  'tunnel:start': { input: tunnelStartInput, output: tunnelStatus },
  /** Stops the public URL (the tunnel's process and its children). */
  'tunnel:stop': { input: noInput, output: tunnelStatus },
  /** Sets program paths and the ngrok authtoken (kept in the secret store). */
  'tunnel:configure': { input: tunnelConfigureInput, output: tunnelStatus },
  /** Tenant profiles (provider, server, tenant, key header); API keys only masked. */
  'tenant:list': { input: noInput, output: z.array(tenantProfile) },
  /** Creates or updates a profile; the API key goes to the secret store (absent on update: kept). */
  'tenant:save': { input: tenantSaveInput, output: tenantProfile },
  'tenant:delete': { input: tenantIdInput, output: z.object({ deleted: z.boolean() }) },
  /** The tenant's subscriptions, with Hookbench's tag, orphan status and (v1) delivery stats. */
  'subscription:list': { input: tenantIdInput, output: z.array(subscription) },
  'subscription:get': { input: subscriptionRefInput, output: subscription },
  /** Creates one (tagged for the inbox); a timed-out create is checked against the list, never blindly retried. */
  'subscription:create': { input: subscriptionCreateInput, output: subscriptionCreateOutput },
  'subscription:update': { input: subscriptionUpdateInput, output: subscription },
  'subscription:delete': { input: subscriptionRefInput, output: z.object({ deleted: z.boolean() }) },
  /** The v1 platform's test endpoint (POST /api/v1/webhooks/test/). */
  'subscription:test': { input: subscriptionTestInput, output: subscriptionTestOutput },
  /** Lists (dryRun) or deletes the subscriptions Hookbench made for inboxes that no longer exist. */
  'subscription:cleanup': { input: subscriptionCleanupInput, output: subscriptionCleanupOutput },
  /** Validation and lint citing the documents, the body in sync, the exact request (secrets masked) and curl. */
  'composer:validate': { input: composerValidateInput, output: composerValidateOutput },
  /** Runs the sandbox tenant in-process on a free port, with a tenant profile per provider pointing at it. */
  'sandbox:start': { input: noInput, output: sandboxStatus },
  'sandbox:stop': { input: noInput, output: sandboxStatus },
  'sandbox:status': { input: noInput, output: sandboxStatus },
  /** Makes an event happen in the running sandbox: delivered to every matching subscription. */
  'sandbox:event': { input: sandboxEventInput, output: sandboxEventOutput },
  /** Identifies a payload and checks it against the documented shape (nothing stored). */
  'check:payload': { input: checkPayloadInput, output: checkResult },
  /** A capture's check (re-run when pending or stale) with the documented shape and the payload as one tree. */
  'check:capture': { input: captureIdInput, output: captureCheckOutput },
  /** Re-checks the history in the background; progress comes as `check:progress`. */
  'check:recheck': { input: checkRecheckInput, output: checkRecheckOutput },
  /** The running re-check job, the catalogue version and how many captures wait for their check. */
  'check:status': { input: noInput, output: checkStatus },
  /** Counts per verdict and per event type, and the most frequent findings, over the stored history. */
  'check:summary': { input: noInput, output: checkHistorySummary },
  /** Per event type over the whole history: fields seen vs documented, with counts and first/last seen. */
  'check:drift': { input: driftInput, output: driftReport },
  /** A JSON Schema (2020-12) inferred from the payloads received for one event. */
  'check:observed-schema': { input: observedSchemaInput, output: observedSchemaOutput },
} satisfies Record<RequestChannel, { input: z.ZodType; output: z.ZodType }>;

/** Every event the core pushes, with its payload schema. */
export const eventContract = {
  'capture:received': captureSummary,
  /** A capture changed after it arrived (pinned, forwarded, replayed, checked): refresh it if shown. */
  'capture:updated': captureSummary,
  /** Many captures went at once (delete, clear, import, retention): reload the list. */
  'history:changed': historyChanged,
  'inbox:changed': z.array(inbox),
  'receiver:changed': receiverStatus,
  /** A send's retry attempt, a bulk fire's counts (about every 100 ms) or a scenario step. */
  'fire:progress': fireProgress,
  /** The public URL started, came online, failed (with the tool's message), is restarting or stopped. */
  'tunnel:changed': tunnelStatus,
  /** The sandbox tenant started or stopped. */
  'sandbox:changed': sandboxStatus,
  /** A background re-check advanced or finished (reload the list when `state` is `done`). */
  'check:progress': checkProgress,
} satisfies Record<EventChannel, z.ZodType>;

// Compile-time proof that the runtime name lists and the schema maps list the same channels.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const contractNamesMatch: [
  Exact<keyof typeof requestContract, RequestChannel>,
  Exact<keyof typeof eventContract, EventChannel>,
] = [true, true];

export type RequestInput<C extends RequestChannel> = z.input<(typeof requestContract)[C]['input']>;
export type ParsedInput<C extends RequestChannel> = z.output<(typeof requestContract)[C]['input']>;
export type RequestOutput<C extends RequestChannel> = z.output<(typeof requestContract)[C]['output']>;
export type EventPayload<E extends EventChannel> = z.output<(typeof eventContract)[E]>;

/** What the core implements: one function per channel, taking the parsed input. */
export type Handlers = {
  [C in RequestChannel]: (input: ParsedInput<C>) => Promise<RequestOutput<C>> | RequestOutput<C>;
};
