import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the window's page comes from: the dev server in development, the built file otherwise. */
export type RendererTarget = { kind: 'url'; url: string } | { kind: 'file'; path: string };

/**
 * Decides where the renderer is loaded from. electron-vite sets `ELECTRON_RENDERER_URL` when it runs the dev
 * server; a packaged app ignores it so an environment variable can never point the app at a foreign page.
 */
export function rendererTarget(
  appRoot: string,
  env: NodeJS.ProcessEnv = process.env,
  isPackaged = false,
): RendererTarget {
  const devUrl = env.ELECTRON_RENDERER_URL;
  if (devUrl && !isPackaged) return { kind: 'url', url: devUrl };
  return { kind: 'file', path: join(appRoot, 'out', 'renderer', 'index.html') };
}

function samePath(a: string, b: string, platform: NodeJS.Platform): boolean {
  // Windows paths are case-insensitive and Chromium may report the drive letter in either case.
  return platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/**
 * True when `url` is our own renderer page: same origin as the dev server, or exactly the built index file (any
 * query or hash). Used by the IPC sender check and by the navigation guard, so both trust the same thing.
 */
export function isOwnRendererUrl(
  url: string,
  target: RendererTarget,
  platform: NodeJS.Platform = process.platform,
): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (target.kind === 'url') {
    const own = new URL(target.url);
    // `origin` is the string "null" for opaque origins; never let two of those match.
    return own.origin !== 'null' && parsed.origin === own.origin;
  }
  if (parsed.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost')) return false;
  parsed.search = '';
  parsed.hash = '';
  let path: string;
  try {
    path = fileURLToPath(parsed);
  } catch {
    return false;
  }
  return samePath(resolve(path), resolve(target.path), platform);
}
