// Starting and stopping the processes a benchmark measures, and reading what they cost.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (bench/lib/../..). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `node <args>` in the project root and resolves once it printed its first line (the URL, for
 * `hookbench listen` and bench/lib/bare-server.mjs). Its stdout goes to `stdoutFile`, not to a pipe: a process that
 * prints a line per capture must not depend on this process reading them while autocannon is busy.
 *
 * @param {string[]} args
 * @param {{ stdoutFile: string, timeoutMs?: number }} options
 */
export async function startNode(args, { stdoutFile, timeoutMs = 30_000 }) {
  const out = openSync(stdoutFile, 'w');
  const startedAt = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', out, 'pipe'] });
  closeSync(out);
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text) => (stderr += text));
  let exited = null;
  child.once('exit', (code, signal) => (exited = { code, signal }));
  for (;;) {
    const text = readFileSync(stdoutFile, 'utf8');
    const newline = text.indexOf('\n');
    if (newline !== -1) {
      return { child, firstLine: text.slice(0, newline).trim(), startupMs: performance.now() - startedAt };
    }
    if (exited) {
      throw new Error(
        `node ${args.join(' ')} exited (${JSON.stringify(exited)}) before printing a line:\n${stderr}`,
      );
    }
    if (performance.now() - startedAt > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`node ${args.join(' ')} printed nothing within ${timeoutMs} ms:\n${stderr}`);
    }
    await sleep(10);
  }
}

/**
 * Sends `signal` (SIGTERM: the CLI closes the workbench and the database) and resolves with the exit code once the
 * process is gone; kills it after `graceMs`.
 *
 * @param {import('node:child_process').ChildProcess} child
 */
export function stopNode(child, signal = 'SIGTERM', graceMs = 15_000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    child.kill(signal);
  });
}

/** CPU seconds (user + system) a process used so far, from /proc; null where /proc is not available. */
export function cpuSecondsOf(pid) {
  try {
    return ticksIn(`/proc/${pid}/stat`) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** User + system CPU ticks from a /proc `stat` file (a process's, or one thread's under /proc/<pid>/task). */
export function ticksIn(statFile) {
  const stat = readFileSync(statFile, 'utf8');
  // Fields after the command name (which may contain spaces) start at its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}
