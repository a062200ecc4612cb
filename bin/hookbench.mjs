#!/usr/bin/env node
// Hookbench command line: runs the same core as the desktop app under plain Node.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'out', 'main', 'cli.js');
if (!existsSync(entry)) {
  process.stderr.write(
    `hookbench: the CLI is not built (${entry} is missing). Run: npm install (or npm run build)\n`,
  );
  process.exit(1);
}
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const { runCli } = await import(pathToFileURL(entry).href);

// `hookbench catalog list | head` closes the pipe early: that is the reader being done, not a failure.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const stop = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => stop.abort());
}
try {
  const code = await runCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(line.endsWith('\n') ? line : `${line}\n`),
    err: (line) => process.stderr.write(line.endsWith('\n') ? line : `${line}\n`),
    env: process.env,
    stop: stop.signal,
    rendererDir: join(root, 'out', 'renderer'),
    catalogDir: join(root, 'resources', 'catalog'),
    version,
    readStdin: async () => {
      const chunks = [];
      for await (const chunk of process.stdin) chunks.push(chunk);
      return Buffer.concat(chunks);
    },
  });
  process.exitCode = code;
} catch (error) {
  process.stderr.write(`hookbench: unexpected failure: ${error?.stack ?? error}\n`);
  process.exitCode = 1;
}
