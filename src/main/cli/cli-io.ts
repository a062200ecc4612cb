import { readFileSync } from 'node:fs';
/** Where a command writes and how it learns it must stop; injected so commands run in tests without a process. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  /** Aborted on SIGINT/SIGTERM (or by a test) to end long-running commands. */
  stop: AbortSignal;
  /** Folder of the built renderer, for `serve`. */
  rendererDir: string;
  /** The shipped provider catalogue (resources/catalog); default: found from the built module's folder. */
  catalogDir?: string;
  version: string;
  /** Everything on standard input, as bytes (for `hookbench sign -`). */
  readStdin(): Promise<Buffer>;
}

/** A bad command line: printed with a hint and exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command: string | null,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A failure while running (port taken, database unreadable): printed as is, exit code 1. */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}

/** Resolves when the signal aborts. */
export function untilStopped(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/**
 * Reads a command's input: the file's bytes, or standard input for `-`. A file that cannot be read becomes the error
 * `fail` builds from a sentence naming the file and why (each command decides its exit code).
 */
export function readInputFile(
  file: string,
  io: CliIo,
  fail: (message: string) => Error,
): Promise<Buffer> | Buffer {
  if (file === '-') return io.readStdin();
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why =
      code === 'ENOENT'
        ? 'there is no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : error instanceof Error
            ? error.message
            : String(error);
    throw fail(`Cannot read ${file}: ${why}`);
  }
}
