import type { CaptureRoute } from '../../../../shared/models';
import type { InstallOs, InstallStep, TunnelSession } from '../../../../shared/tunnel-models';

const ROUTE_TITLES: Record<CaptureRoute, string> = {
  direct: 'Sent straight to the receiver',
  cloudflared: 'Arrived through the Cloudflare quick tunnel',
  ngrok: 'Arrived through the ngrok tunnel',
  relay: 'Re-sent by the relay client (a relay may re-serialize JSON bodies, which breaks signatures)',
  custom: 'Arrived through your custom public URL',
};

/** How a capture arrived, in a sentence for a tooltip. */
export function routeTitle(route: CaptureRoute): string {
  return ROUTE_TITLES[route];
}

const OS_LABELS: Record<InstallOs, string> = { macos: 'macOS', windows: 'Windows', linux: 'Linux' };

/** An OS as people name it. */
export function osLabel(os: InstallOs): string {
  return OS_LABELS[os];
}

/** Install steps with those of the running OS first (stable otherwise). */
export function stepsForOs(steps: readonly InstallStep[], os: InstallOs): InstallStep[] {
  return [...steps.filter((s) => s.os === os), ...steps.filter((s) => s.os !== os)];
}

/** The state of the running public URL in a few words. */
export function describeSession(session: TunnelSession, now: number): string {
  switch (session.state) {
    case 'starting':
      return session.restarts > 0 ? `Restarting (attempt ${session.restarts + 1})…` : 'Starting…';
    case 'online':
      return 'Online';
    case 'stopped':
      return 'Stopped';
    case 'failed':
      if (session.nextRetryAt === null) return 'Failed — gave up restarting';
      return `Failed — restarting in ${Math.max(0, Math.ceil((session.nextRetryAt - now) / 1000))} s`;
  }
}
