import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isOwnRendererUrl, rendererTarget } from '../../../../src/main/renderer-target';

const root = join('/opt', 'hook bench');
const index = join(root, 'out', 'renderer', 'index.html');

describe('rendererTarget', () => {
  it('uses the built index file by default', () => {
    expect(rendererTarget(root, {}, false)).toEqual({ kind: 'file', path: index });
  });

  it('uses the electron-vite dev server when it is running', () => {
    expect(rendererTarget(root, { ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false)).toEqual({
      kind: 'url',
      url: 'http://localhost:5173',
    });
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app, so the environment cannot point it at a foreign page', () => {
    expect(rendererTarget(root, { ELECTRON_RENDERER_URL: 'https://evil.example' }, true)).toEqual({
      kind: 'file',
      path: index,
    });
  });
});

describe('isOwnRendererUrl', () => {
  const file = { kind: 'file', path: index } as const;
  const dev = { kind: 'url', url: 'http://localhost:5173' } as const;

  it('accepts the built index with any hash or query (the path is percent-encoded in URLs)', () => {
    const own = pathToFileURL(index).href;
    expect(own).toContain('hook%20bench');
    expect(isOwnRendererUrl(own, file)).toBe(true);
    expect(isOwnRendererUrl(`${own}#/captures/3`, file)).toBe(true);
    expect(isOwnRendererUrl(`${own}?x=1`, file)).toBe(true);
  });

  it('rejects any other file, other schemes and garbage', () => {
    expect(isOwnRendererUrl(pathToFileURL(join(root, 'out', 'renderer', 'other.html')).href, file)).toBe(
      false,
    );
    expect(isOwnRendererUrl(pathToFileURL('/etc/passwd').href, file)).toBe(false);
    expect(isOwnRendererUrl('file://evil-host/opt/hook%20bench/out/renderer/index.html', file)).toBe(false);
    expect(isOwnRendererUrl('https://example.com/index.html', file)).toBe(false);
    expect(isOwnRendererUrl('about:blank', file)).toBe(false);
    expect(isOwnRendererUrl('', file)).toBe(false);
  });

  it('in development accepts exactly the dev server origin', () => {
    expect(isOwnRendererUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isOwnRendererUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isOwnRendererUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isOwnRendererUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isOwnRendererUrl('http://localhost.evil.example:5173/', dev)).toBe(false);
    expect(isOwnRendererUrl('data:text/html,hi', dev)).toBe(false);
  });

  it('compares Windows paths without regard to case', () => {
    const windowsTarget = { kind: 'file', path: '/C/App/out/renderer/index.html' } as const;
    expect(isOwnRendererUrl('file:///c/app/out/renderer/index.html', windowsTarget, 'win32')).toBe(true);
    expect(isOwnRendererUrl('file:///c/app/out/renderer/index.html', windowsTarget, 'linux')).toBe(false);
  });
});
