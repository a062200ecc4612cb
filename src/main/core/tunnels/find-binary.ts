import { accessSync, constants, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, delimiter, isAbsolute, join } from 'node:path';

/** Where a program was found, or why it was not. */
export type BinaryLookup =
  { found: true; path: string; source: 'configured' | 'path' } | { found: false; problem: string };

function isExecutableFile(path: string, platform: NodeJS.Platform): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    if (platform !== 'win32') accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Folders where the usual installers put these tools but which a desktop app started from the Dock, Finder or a menu
 * may not have on its PATH (Homebrew, snap, winget's links).
 */
export function usualInstallDirs(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string[] {
  if (platform === 'darwin') return ['/opt/homebrew/bin', '/usr/local/bin'];
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA ?? join(home, 'AppData', 'Local');
    return [
      join(local, 'Microsoft', 'WinGet', 'Links'),
      join(env.ProgramData ?? 'C:\\ProgramData', 'chocolatey', 'bin'),
    ];
  }
  return ['/usr/local/bin', '/usr/bin', '/snap/bin'];
}

export interface FindBinaryOptions {
  env: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** Searched after the PATH; default `usualInstallDirs()`. */
  extraDirs?: readonly string[];
}

/**
 * Finds a program: the configured path when one is set (and then only there: a wrong configured path is reported,
 * not silently replaced; its file name must start with the tool's name), else the first executable `name` on the PATH (with PATHEXT on Windows), else in the usual
 * install folders.
 */
export function findBinary(
  name: string,
  configured: string | null,
  options: FindBinaryOptions,
): BinaryLookup {
  const platform = options.platform ?? process.platform;
  if (configured) {
    if (!isAbsolute(configured))
      return { found: false, problem: `The configured path ${configured} is not absolute.` };
    // Only the tool itself (also a downloaded release such as cloudflared-linux-amd64): a path setting must not
    // become a way to run any program.
    if (!basename(configured).toLowerCase().startsWith(name))
      return {
        found: false,
        problem: `The configured program ${configured} is not ${name} (its name must start with ${name}).`,
      };
    return isExecutableFile(configured, platform)
      ? { found: true, path: configured, source: 'configured' }
      : {
          found: false,
          problem: `The configured program ${configured} does not exist or is not executable.`,
        };
  }
  const env = options.env;
  const pathValue = env.PATH ?? env.Path ?? '';
  const dirs = [
    ...pathValue.split(platform === 'win32' ? ';' : delimiter).filter((d) => d.length > 0),
    ...(options.extraDirs ?? usualInstallDirs(platform, env)),
  ];
  const extensions =
    platform === 'win32'
      ? (env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';').filter((e) => e.length > 0)
      : [''];
  const seen = new Set<string>();
  for (const dir of dirs) {
    if (seen.has(dir)) continue;
    seen.add(dir);
    for (const ext of extensions) {
      const candidate = join(dir, name + ext.toLowerCase());
      if (isExecutableFile(candidate, platform)) return { found: true, path: candidate, source: 'path' };
    }
  }
  return { found: false, problem: `${name} is not installed (not found on the PATH).` };
}
