import type { CliIo } from '../../src/main/cli/index';

/** A CLI io for running commands in-process: collects stdout/stderr lines; `stop` ends long-running commands. */
export function fakeIo(env: NodeJS.ProcessEnv = {}, stdin: Buffer | string = Buffer.alloc(0)) {
  const out: string[] = [];
  const err: string[] = [];
  const stop = new AbortController();
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env,
    stop: stop.signal,
    rendererDir: '/nonexistent',
    version: '1.2.3',
    readStdin: () => Promise.resolve(Buffer.from(stdin)),
  };
  return { io, out, err, stop };
}
