import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { TunnelCallbacks, TunnelHandle } from './tunnel-handle';

/** What a line of a tool's output means. */
export type LineMeaning =
  | { kind: 'url'; url: string }
  /** The tool says it cannot work; `retry` false when starting again cannot help. */
  | { kind: 'fatal'; message: string; retry: boolean }
  | { kind: 'error'; message: string }
  | null;

export interface ProcessTunnelOptions {
  /** Names the tool in messages, e.g. `cloudflared`. */
  name: string;
  command: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  /** How long to wait for the public URL before giving up on this start. */
  urlTimeoutMs: number;
  /** Reads one line of stdout or stderr. */
  parseLine: (line: string) => LineMeaning;
  /** Makes a line fit to show (e.g. a JSON log line as its message); default: as printed. */
  showLine?: (line: string) => string;
  /** Called once the process is gone (to remove a temporary config file). */
  cleanup?: () => void;
  platform?: NodeJS.Platform;
}

const KEEP_ERRORS = 5;
const KILL_GRACE_MS = 3000;

/** Every tunnel process alive, so they end with Hookbench even when it exits without closing them. */
const alive = new Set<ChildProcess>();
let exitHookInstalled = false;

function killTree(child: ChildProcess, signal: NodeJS.Signals, platform: NodeJS.Platform): void {
  const pid = child.pid;
  if (pid === undefined) return;
  try {
    if (platform === 'win32') {
      spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
    } else {
      // The tool runs in its own process group (detached): a negative pid signals the whole group.
      process.kill(-pid, signal);
    }
  } catch {
    // Already gone.
  }
}

function installExitHook(platform: NodeJS.Platform): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of alive) killTree(child, 'SIGKILL', platform);
  });
}

/**
 * Runs a tunnel program and watches its output: the first public URL it prints makes it online; a fatal line, an
 * early exit or no URL within the time limit makes it fail with the tool's own last error lines (or last lines).
 * After it was online, an exit is a failure too. `stop()` ends the whole process tree (SIGTERM, then SIGKILL).
 */
export function startProcessTunnel(options: ProcessTunnelOptions, callbacks: TunnelCallbacks): TunnelHandle {
  const platform = options.platform ?? process.platform;
  let settled = false;
  let stopping = false;
  let online = false;
  const errors: string[] = [];
  const lastLines: string[] = [];

  const child = spawn(options.command, options.args, {
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: platform !== 'win32',
    windowsHide: true,
  });
  alive.add(child);
  installExitHook(platform);
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  let force: NodeJS.Timeout | undefined;
  const terminate = (): void => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    killTree(child, 'SIGTERM', platform);
    force ??= setTimeout(() => killTree(child, 'SIGKILL', platform), KILL_GRACE_MS);
  };

  const fail = (message: string, retry: boolean): void => {
    if (settled || stopping) return;
    settled = true;
    clearTimeout(timer);
    callbacks.failed(message, retry);
    terminate();
  };

  const timer = setTimeout(() => {
    const said = errors.length > 0 ? ` It said: ${errors.join(' | ')}` : '';
    fail(
      `${options.name} did not print a public URL within ${Math.round(options.urlTimeoutMs / 1000)} s.${said}`,
      true,
    );
  }, options.urlTimeoutMs);

  const onLine = (raw: string): void => {
    const line = raw.replace(/\s+$/, '');
    if (line === '') return;
    const shown = options.showLine ? options.showLine(line) : line;
    lastLines.push(shown);
    if (lastLines.length > KEEP_ERRORS) lastLines.shift();
    callbacks.output(shown);
    const meaning = options.parseLine(line);
    if (!meaning) return;
    if (meaning.kind === 'error') {
      errors.push(meaning.message);
      if (errors.length > KEEP_ERRORS) errors.shift();
    } else if (meaning.kind === 'fatal') {
      fail(meaning.message, meaning.retry);
    } else if (!online && !settled) {
      online = true;
      clearTimeout(timer);
      callbacks.online(meaning.url);
    }
  };
  createInterface({ input: child.stdout }).on('line', onLine);
  createInterface({ input: child.stderr }).on('line', onLine);

  child.once('error', (error: NodeJS.ErrnoException) => {
    alive.delete(child);
    const missing = error.code === 'ENOENT';
    fail(
      missing
        ? `${options.name} could not be started: ${options.command} was not found.`
        : `${options.name} could not be started: ${error.message}`,
      !missing && error.code !== 'EACCES',
    );
  });
  child.once('close', (code, signal) => {
    alive.delete(child);
    clearTimeout(force);
    options.cleanup?.();
    const how = signal ? `was stopped by ${signal}` : `exited with code ${code ?? '?'}`;
    const said = errors.length > 0 ? errors : lastLines;
    const tail = said.length > 0 ? `: ${said.join(' | ')}` : ' without printing anything.';
    fail(
      online
        ? `${options.name} ${how} after it was online${tail}`
        : `${options.name} ${how} before it printed a public URL${tail}`,
      true,
    );
  });

  return {
    async stop() {
      if (stopping) return exited;
      stopping = true;
      clearTimeout(timer);
      if (child.pid === undefined) return;
      terminate();
      await exited;
    },
  };
}
