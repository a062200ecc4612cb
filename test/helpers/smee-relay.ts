import { randomBytes } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SmeeRelay {
  /** Base URL, e.g. `http://127.0.0.1:5678`. */
  url: string;
  /** `GET` it to get a new channel by redirect, as `https://smee.io/new` does. */
  newChannelUrl: string;
  /** The URL of a channel with this id. */
  channel(id: string): string;
  /** How many clients listen to a channel now. */
  listeners(id: string): number;
  /** Cuts every client's event stream (to exercise reconnection). */
  dropClients(): void;
  close(): Promise<void>;
}

/**
 * A local relay speaking smee.io's protocol: `GET /new` redirects to a fresh channel; `GET /<channel>` with
 * `Accept: text/event-stream` opens the stream (a `ready` event, then `ping`s); `POST /<channel>` parses the body as
 * smee does (JSON and form bodies into objects, anything else `{}`) and sends one message event
 * `{...lower-case headers, body, query, timestamp}` to every listener.
 */
export async function startSmeeRelay(): Promise<SmeeRelay> {
  const clients = new Map<string, Set<ServerResponse>>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://relay.local');
    const id = url.pathname.slice(1);
    const base = `http://${req.headers.host ?? ''}`;
    if (req.method === 'GET' && id === 'new') {
      res.writeHead(307, { Location: `${base}/${randomBytes(8).toString('hex')}` });
      res.end();
      return;
    }
    if (req.method === 'GET' && (req.headers.accept ?? '').includes('text/event-stream')) {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-cache',
        Connection: 'keep-alive',
      });
      res.write('event: ready\ndata: {}\n\n');
      res.write('event: ping\ndata: {}\n\n');
      const set = clients.get(id) ?? new Set();
      set.add(res);
      clients.set(id, set);
      res.on('close', () => set.delete(res));
      return;
    }
    if (req.method === 'POST') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const type = req.headers['content-type'] ?? '';
        let body: unknown = {};
        try {
          if (type.includes('json')) body = JSON.parse(text) as unknown;
          else if (type.includes('x-www-form-urlencoded'))
            body = Object.fromEntries(new URLSearchParams(text));
        } catch {
          res.writeHead(400);
          res.end('Bad JSON');
          return;
        }
        const message = {
          ...req.headers,
          body,
          query: Object.fromEntries(url.searchParams),
          timestamp: Date.now(),
        };
        for (const client of clients.get(id) ?? []) client.write(`data: ${JSON.stringify(message)}\n\n`);
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end('OK');
      });
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    newChannelUrl: `${url}/new`,
    channel: (id) => `${url}/${id}`,
    listeners: (id) => clients.get(id)?.size ?? 0,
    dropClients: () => {
      for (const set of clients.values()) for (const client of set) client.destroy();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
