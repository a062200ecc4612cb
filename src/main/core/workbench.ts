import { EventEmitter } from 'node:events';
import type Database from 'better-sqlite3';
import type { EventChannel } from '../../shared/channels';
import type { EventPayload, Handlers } from '../../shared/contract';
import type { ReceiverStatus } from '../../shared/models';
import { CaptureRepository } from '../db/capture-repository';
import { openDatabase } from '../db/open-database';
import { HookbenchError } from './errors';
import { databasePathIn } from './paths';
import { createCaptureHandler } from './receiver/capture-pipeline';
import { DEFAULT_MAX_BODY_BYTES, ReceiverServer } from './receiver/receiver-server';

export type WorkbenchEvents = { [E in EventChannel]: [EventPayload<E>] };

export interface WorkbenchOptions {
  dataDir: string;
  mode: 'desktop' | 'browser';
  version: string;
  receiver?: {
    host?: string;
    /** Default 4545; 0 picks a free port. */
    port?: number;
    /** When the port is taken, listen on a free one instead of failing (the desktop app's default behaviour). */
    fallbackToFreePort?: boolean;
    maxBodyBytes?: number;
  };
  /** The better-sqlite3 addon for this runtime; see scripts/native-builds.mjs. */
  nativeBinding?: string;
}

export interface Workbench {
  readonly handlers: Handlers;
  readonly events: EventEmitter<WorkbenchEvents>;
  readonly dataDir: string;
  readonly databasePath: string;
  /** Starts the receiver; the status says where it listens or why it could not. */
  start(): Promise<ReceiverStatus>;
  status(): ReceiverStatus;
  close(): Promise<void>;
}

export const DEFAULT_RECEIVER_PORT = 4545;

function describeListenError(error: unknown, host: string, port: number): string {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE')
    return `Port ${port} on ${host} is already in use. Pick another port (0 picks a free one).`;
  if (code === 'EACCES')
    return `Not allowed to listen on port ${port}. Ports below 1024 need privileges; pick another.`;
  if (code === 'EADDRNOTAVAIL') return `The address ${host} does not belong to this machine.`;
  return `The receiver could not start on ${host}:${port}: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Builds every service from a data directory and returns the handlers of the contract. The Electron main process,
 * `hookbench serve` and `hookbench listen` all run exactly this.
 */
export function createWorkbench(options: WorkbenchOptions): Workbench {
  const databasePath = databasePathIn(options.dataDir);
  const db: Database.Database = openDatabase(
    databasePath,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  const captures = new CaptureRepository(db);
  const events = new EventEmitter<WorkbenchEvents>();
  const host = options.receiver?.host ?? '127.0.0.1';
  const port = options.receiver?.port ?? DEFAULT_RECEIVER_PORT;
  const maxBodyBytes = options.receiver?.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  let status: ReceiverStatus = { state: 'stopped', host, port, url: null, error: null };
  const setStatus = (next: ReceiverStatus): ReceiverStatus => {
    status = next;
    events.emit('receiver:changed', next);
    return next;
  };

  const handler = createCaptureHandler(
    captures,
    (summary) => events.emit('capture:received', summary),
    maxBodyBytes,
  );
  let receiver = new ReceiverServer(handler, { host, port, maxBodyBytes });

  async function start(): Promise<ReceiverStatus> {
    setStatus({ state: 'starting', host, port, url: null, error: null });
    try {
      const address = await receiver.listen();
      return setStatus({ state: 'listening', host, port: address.port, url: address.url, error: null });
    } catch (error) {
      const inUse = (error as { code?: string }).code === 'EADDRINUSE';
      if (inUse && options.receiver?.fallbackToFreePort && port !== 0) {
        receiver = new ReceiverServer(handler, { host, port: 0, maxBodyBytes });
        const address = await receiver.listen();
        return setStatus({ state: 'listening', host, port: address.port, url: address.url, error: null });
      }
      return setStatus({
        state: 'failed',
        host,
        port,
        url: null,
        error: describeListenError(error, host, port),
      });
    }
  }

  const handlers: Handlers = {
    'app:info': () => ({
      version: options.version,
      dataDir: options.dataDir,
      databasePath,
      mode: options.mode,
      receiver: status,
      captureCount: captures.count(),
    }),
    'receiver:status': () => status,
    'history:list': ({ limit, beforeId }) => ({
      items: captures.list(limit, beforeId),
      total: captures.count(),
    }),
    'history:get': ({ id }) => {
      const capture = captures.get(id);
      if (!capture) throw new HookbenchError('not_found', `There is no capture with id ${id}.`);
      return capture;
    },
  };

  return {
    handlers,
    events,
    dataDir: options.dataDir,
    databasePath,
    start,
    status: () => status,
    async close() {
      await receiver.close();
      setStatus({ ...status, state: 'stopped', url: null });
      db.close();
    },
  };
}
