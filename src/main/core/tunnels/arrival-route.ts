import { randomBytes } from 'node:crypto';
import type { CaptureRoute, HeaderPair } from '../../../shared/models';
import type { TunnelKind } from '../../../shared/tunnel-models';
import { RELAY_HEADER } from './relay-client';

/** How a request arrived, and its headers as they are stored (without Hookbench's own relay marker). */
export interface Arrival {
  route: CaptureRoute;
  headers: HeaderPair[];
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const RELAY_MARKER = RELAY_HEADER.toLowerCase();

/** A Host header's name without port or IPv6 brackets, lower case. */
export function hostName(host: string): string {
  return host
    .trim()
    .replace(/:\d+$/, '')
    .replace(/^\[|\]$/g, '')
    .toLowerCase();
}

/**
 * Tells how each request reached the receiver. The receiver cannot see a tunnel, so: a request re-sent by Hookbench's
 * relay client carries `X-Hookbench-Relay: <this run's random token>` and comes from loopback (`relay`; the header is
 * removed before storing, and a wrong or outside one is kept and ignored); a request whose Host (or X-Forwarded-Host,
 * for proxies that rewrite Host) is the public host of the running tunnel is marked with its kind; anything else is
 * `direct`.
 */
export class ArrivalRoutes {
  /** The value the relay client sends in `X-Hookbench-Relay`; random per run so no outside sender can forge it. */
  readonly relayToken = randomBytes(18).toString('base64url');
  private publicHost: { host: string; kind: TunnelKind } | null = null;

  /** The public host of the running tunnel (null when none is online). */
  setPublicHost(host: string | null, kind: TunnelKind): void {
    this.publicHost = host ? { host: hostName(host), kind } : null;
  }

  /** The route of a request and the headers to store. Runs for every request: one pass, few lower-casings. */
  classify(headers: readonly HeaderPair[], remoteAddress: string | null): Arrival {
    const current = this.publicHost;
    let markers = 0;
    let markerValue: string | undefined;
    let viaTunnel = false;
    for (const [name, value] of headers) {
      // Only names of the right length are lower-cased: most headers are neither of these.
      if (name.length === RELAY_MARKER.length) {
        if (name.toLowerCase() === RELAY_MARKER) {
          markers++;
          markerValue = value;
        }
      } else if (current && !viaTunnel && (name.length === 4 || name.length === 16)) {
        const lower = name.toLowerCase();
        viaTunnel =
          (lower === 'host' || lower === 'x-forwarded-host') &&
          hostName(value.split(',')[0] ?? '') === current.host;
      }
    }
    if (
      markers === 1 &&
      markerValue === this.relayToken &&
      remoteAddress !== null &&
      LOOPBACK.has(remoteAddress)
    ) {
      return { route: 'relay', headers: headers.filter(([name]) => name.toLowerCase() !== RELAY_MARKER) };
    }
    // Nothing to remove: the same list (no one changes a received request's headers).
    return { route: viaTunnel && current ? current.kind : 'direct', headers: headers as HeaderPair[] };
  }
}

const LOOPBACK_BINDS = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * The receiver's Host allow-list. While a public host is online: that host, the user's `--allow-host` names and, when
 * the receiver binds beyond loopback, this machine's own addresses (loopback names are always accepted) — so the
 * tunnel works without setup and nothing else that can reach the port gets in. Otherwise the user's list alone (null
 * when empty: any host).
 */
export function allowedHostsFor(
  userHosts: readonly string[],
  publicHost: string | null,
  bindHost: string,
  machineAddresses: () => string[],
): string[] | null {
  if (publicHost === null) return userHosts.length > 0 ? [...userHosts] : null;
  const hosts = new Set([hostName(publicHost), ...userHosts]);
  if (bindHost === '0.0.0.0' || bindHost === '::' || bindHost === '') {
    for (const address of machineAddresses()) hosts.add(address.toLowerCase());
  } else if (!LOOPBACK_BINDS.has(bindHost)) {
    hosts.add(hostName(bindHost));
  }
  return [...hosts];
}
