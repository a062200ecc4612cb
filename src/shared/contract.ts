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
} satisfies Record<RequestChannel, { input: z.ZodType; output: z.ZodType }>;

/** Every event the core pushes, with its payload schema. */
export const eventContract = {
  'capture:received': captureSummary,
  /** A capture changed after it arrived (pinned, forwarded, replayed): refresh it if shown. */
  'capture:updated': captureSummary,
  /** Many captures went at once (delete, clear, import, retention): reload the list. */
  'history:changed': historyChanged,
  'inbox:changed': z.array(inbox),
  'receiver:changed': receiverStatus,
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
