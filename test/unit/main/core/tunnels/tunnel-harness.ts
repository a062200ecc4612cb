import { MemorySecretStore } from '../../../../../src/main/core/secrets/memory-secret-store';
import {
  createWorkbench,
  type Workbench,
  type WorkbenchOptions,
} from '../../../../../src/main/core/workbench';
import type { TunnelSession, TunnelStatus } from '../../../../../src/shared/tunnel-models';
import { eventually } from '../../../../helpers/downstream-server';
import { makeTempDir } from '../../../../helpers/temp-dir';

/** Workbenches with real receivers on port 0 in temp folders, closed (with their tunnels) after each test. */
export function tunnelHarness() {
  const temps: ReturnType<typeof makeTempDir>[] = [];
  const open: Workbench[] = [];
  return {
    async start(
      tunnels: WorkbenchOptions['tunnels'],
      extra: Partial<WorkbenchOptions> = {},
    ): Promise<{ wb: Workbench; url: string; changes: TunnelStatus[] }> {
      const temp = makeTempDir();
      temps.push(temp);
      const wb = createWorkbench({
        dataDir: temp.dir,
        mode: 'browser',
        version: 't',
        receiver: { port: 0 },
        secrets: new MemorySecretStore(),
        tunnels: { extraSearchDirs: [], ngrokConfigPaths: [], ...tunnels },
        ...extra,
      });
      open.push(wb);
      const changes: TunnelStatus[] = [];
      wb.events.on('tunnel:changed', (s) => changes.push(s));
      const url = (await wb.start()).url!;
      return { wb, url, changes };
    },
    async cleanup(): Promise<void> {
      for (const wb of open.splice(0)) await wb.close();
      for (const t of temps.splice(0)) t.remove();
    },
  };
}

/** Waits until the last `tunnel:changed` shows the session in this state, and returns it. */
export async function sessionIn(
  changes: readonly TunnelStatus[],
  state: TunnelSession['state'],
  ms = 8000,
): Promise<TunnelSession> {
  let found: TunnelSession | null = null;
  await eventually(() => {
    const active = changes.at(-1)?.active ?? null;
    if (active?.state !== state) throw new Error(`state is ${active?.state ?? 'none'}, waiting for ${state}`);
    found = active;
  }, ms);
  return found as unknown as TunnelSession;
}

/** True while a process with this pid exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
