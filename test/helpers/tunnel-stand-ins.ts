import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { makeTempDir } from './temp-dir';

/**
 * One script for both stand-ins (CommonJS: the temp folder has no package.json). It behaves like the real tool as
 * far as Hookbench can tell: prints the tool's start-up text, then proxies HTTP to the receiver from a local port of
 * its own (a real tunnel delivers from the internet; here the test sends to that port with the printed public host
 * in the Host header). Each run writes `runs/<tool>-<n>.json` ({port, args, config, pid}) before printing its URL.
 *
 * STANDIN_MODE: ok (default) | exit-early | silent | auth-error (ngrok)
 * STANDIN_CRASH_RUNS=n: the first n runs exit 1 shortly after printing their URL (to exercise restarts)
 * STANDIN_REQUIRE_TOKEN=t (ngrok): fail to authenticate unless a --config file holds authtoken t
 */
const SCRIPT = String.raw`#!/usr/bin/env node
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const tool = path.basename(process.argv[1]);
const args = process.argv.slice(2);
const env = process.env;
const mode = env.STANDIN_MODE || 'ok';
const stateDir = env.STANDIN_STATE_DIR;
const runsDir = path.join(stateDir, 'runs');
fs.mkdirSync(runsDir, { recursive: true });
const run = fs.readdirSync(runsDir).filter((f) => f.startsWith(tool + '-')).length + 1;
fs.writeFileSync(path.join(stateDir, 'started-' + tool + '-' + process.pid), '');
const stamp = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const cf = (level, text) => process.stderr.write(stamp() + ' ' + level + ' ' + text + '\n');
const ng = (record) => process.stdout.write(JSON.stringify({ t: new Date().toISOString(), ...record }) + '\n');
const after = (name) => { const i = args.indexOf(name); return i === -1 ? undefined : args[i + 1]; };
const target = tool === 'cloudflared' ? after('--url') : args[1];
const configFile = after('--config');
const config = configFile && fs.existsSync(configFile) ? fs.readFileSync(configFile, 'utf8') : null;
setInterval(() => {}, 60000);

function proxy(publicHost, onReady) {
  const upstream = new URL(target);
  const server = http.createServer((req, res) => {
    const headers = { ...req.headers, 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' };
    if (tool === 'cloudflared') headers['cf-connecting-ip'] = '203.0.113.7';
    const out = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
      (up) => { res.writeHead(up.statusCode, up.headers); up.pipe(res); },
    );
    out.on('error', () => { res.writeHead(502); res.end(tool + ' could not reach the origin'); });
    req.pipe(out);
  });
  server.listen(0, '127.0.0.1', () => {
    const state = { tool, run, pid: process.pid, port: server.address().port, args, config, publicHost };
    fs.writeFileSync(path.join(runsDir, tool + '-' + run + '.json'), JSON.stringify(state));
    onReady();
    if (run <= Number(env.STANDIN_CRASH_RUNS || 0)) {
      setTimeout(() => {
        if (tool === 'cloudflared') cf('ERR', 'Connection terminated error="connection with edge closed"');
        else ng({ lvl: 'eror', msg: 'session closed', obj: 'tunnels.session', err: 'connection reset' });
        process.exit(1);
      }, 150);
    }
  });
}

if (tool === 'cloudflared') {
  cf('INF', 'Thank you for trying Cloudflare Tunnel. Doing so, without a Cloudflare account, is a quick way to experiment and try it out. However, be aware that these account-less Tunnels have no uptime guarantee. If you intend to use Tunnels in production you should use a pre-created named tunnel by following: https://developers.cloudflare.com/cloudflare-one/connections/connect-apps');
  cf('INF', 'Requesting new quick Tunnel on trycloudflare.com...');
  if (mode === 'exit-early') {
    const why = 'failed to request quick Tunnel: Post "https://api.trycloudflare.com/tunnel": dial tcp: lookup api.trycloudflare.com on 127.0.0.53:53: no such host';
    cf('ERR', why);
    process.stderr.write(why + '\n');
    process.exit(1);
  }
  if (mode !== 'silent') {
    const host = env.STANDIN_PUBLIC_HOST || 'quick-test-' + (1233 + run) + '.trycloudflare.com';
    proxy(host, () => {
      const bar = '+' + '-'.repeat(92) + '+';
      cf('INF', bar);
      cf('INF', '|  Your quick Tunnel has been created! Visit it at (it may take some time to be reachable):  |');
      cf('INF', ('|  https://' + host).padEnd(93) + '|');
      cf('INF', bar);
      cf('INF', 'Cannot determine default configuration path. No file [config.yml config.yaml] in [~/.cloudflared ~/.cloudflare-warp ~/cloudflare-warp /etc/cloudflared /usr/local/etc/cloudflared]');
      cf('INF', 'Version 2024.6.1');
      cf('INF', 'Settings: map[ha-connections:1 no-autoupdate:true protocol:quic url:' + target + ']');
      cf('INF', 'Registered tunnel connection connIndex=0 connection=5c2a2b1e event=0 ip=198.41.192.7 location=ams08 protocol=quic');
    });
  }
} else {
  ng({ lvl: 'info', msg: 'no configuration paths supplied', obj: 'config' });
  ng({ addr: '127.0.0.1:4040', lvl: 'info', msg: 'starting web service', obj: 'web' });
  const required = env.STANDIN_REQUIRE_TOKEN;
  const tokenOk = !required || (config !== null && config.includes(JSON.stringify(required)));
  if (mode === 'auth-error' || !tokenOk) {
    const err = 'authentication failed: Usage of ngrok requires a verified account and authtoken.\n\nSign up for an account: https://dashboard.ngrok.com/signup\nInstall your authtoken: https://dashboard.ngrok.com/get-started/your-authtoken\r\n\r\nERR_NGROK_4018\r\n';
    ng({ lvl: 'eror', msg: 'failed to reconnect session', obj: 'tunnels.session', err });
    process.stderr.write('ERROR:  ' + err.replace(/\r/g, '') + '\n');
    process.exit(1);
  }
  if (mode === 'exit-early') {
    process.stderr.write('ERROR:  failed to start tunnel: listen tcp 127.0.0.1:4040: bind: address already in use\n');
    process.exit(1);
  }
  if (mode !== 'silent') {
    const host = env.STANDIN_PUBLIC_HOST || (run === 1 ? '1a2b-203-0-113-7' : 'run' + run + '-203-0-113-7') + '.ngrok-free.app';
    proxy(host, () => {
      ng({ lvl: 'info', msg: 'client session established', obj: 'tunnels.session' });
      ng({ lvl: 'info', msg: 'tunnel session started', obj: 'tunnels.session' });
      ng({ addr: target, lvl: 'info', msg: 'started tunnel', name: 'command_line', obj: 'tunnels', url: 'https://' + host });
    });
  }
}
`;

/** What one run of a stand-in wrote. */
export interface StandInRun {
  tool: string;
  run: number;
  pid: number;
  /** Its proxy port on 127.0.0.1: send here with the public host in the Host header. */
  port: number;
  args: string[];
  /** The text of the `--config` file it was given (ngrok), if any. */
  config: string | null;
  publicHost: string;
}

export interface StandIns {
  /** The folder holding the executables (put it first on the PATH). */
  bin: string;
  /** An environment whose PATH finds the stand-ins first (and still finds node), plus the given variables. */
  env(extra?: Record<string, string>): NodeJS.ProcessEnv;
  /** The pid of every process of a tool started so far (also those that never printed a URL). */
  startedPids(tool: 'cloudflared' | 'ngrok'): number[];
  /** Every run of a tool that printed its URL so far, in order. */
  runs(tool: 'cloudflared' | 'ngrok'): StandInRun[];
  remove(): void;
}

/** Writes executable `cloudflared` and `ngrok` stand-ins into a fresh temporary folder. */
export function makeStandIns(): StandIns {
  const temp = makeTempDir('hookbench-standins-');
  const bin = join(temp.dir, 'bin');
  const state = join(temp.dir, 'state');
  mkdirSync(bin);
  mkdirSync(state);
  for (const tool of ['cloudflared', 'ngrok']) {
    const file = join(bin, tool);
    writeFileSync(file, SCRIPT);
    chmodSync(file, 0o755);
  }
  return {
    bin,
    env: (extra = {}) => ({
      PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
      HOME: temp.dir,
      STANDIN_STATE_DIR: state,
      ...extra,
    }),
    startedPids: (tool) =>
      readdirSync(state)
        .filter((f) => f.startsWith(`started-${tool}-`))
        .map((f) => Number(f.slice(`started-${tool}-`.length))),
    runs: (tool) => {
      const dir = join(state, 'runs');
      if (!existsSync(dir)) return [];
      return readdirSync(dir)
        .filter((f) => f.startsWith(`${tool}-`))
        .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as StandInRun)
        .sort((a, b) => a.run - b.run);
    },
    remove: temp.remove,
  };
}
