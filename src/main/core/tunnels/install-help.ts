import type { InstallOs, InstallStep } from '../../../shared/tunnel-models';

/** The OS names install help is written for. */
export function installOsOf(platform: NodeJS.Platform): InstallOs {
  if (platform === 'darwin') return 'macos';
  if (platform === 'win32') return 'windows';
  return 'linux';
}

const CLOUDFLARED: InstallStep[] = [
  { os: 'macos', label: 'Homebrew', commands: ['brew install cloudflared'] },
  { os: 'windows', label: 'winget', commands: ['winget install --id Cloudflare.cloudflared'] },
  {
    os: 'linux',
    label: "Debian/Ubuntu (Cloudflare's apt repository)",
    commands: [
      'sudo mkdir -p --mode=0755 /usr/share/keyrings',
      'curl -fsSL https://pkg.cloudflare.com/cloudflare-main.gpg | sudo tee /usr/share/keyrings/cloudflare-main.gpg >/dev/null',
      "echo 'deb [signed-by=/usr/share/keyrings/cloudflare-main.gpg] https://pkg.cloudflare.com/cloudflared any main' | sudo tee /etc/apt/sources.list.d/cloudflared.list",
      'sudo apt-get update && sudo apt-get install cloudflared',
    ],
  },
  {
    os: 'linux',
    label: "RHEL/Fedora (Cloudflare's rpm repository)",
    commands: [
      'curl -fsSL https://pkg.cloudflare.com/cloudflared-ascii.repo | sudo tee /etc/yum.repos.d/cloudflared.repo',
      'sudo yum update && sudo yum install cloudflared',
    ],
  },
];

const NGROK: InstallStep[] = [
  {
    os: 'macos',
    label: 'Homebrew',
    commands: ['brew install ngrok', 'ngrok config add-authtoken <your authtoken>'],
  },
  {
    os: 'windows',
    label: 'winget (or Chocolatey: choco install ngrok)',
    commands: ['winget install ngrok.ngrok', 'ngrok config add-authtoken <your authtoken>'],
  },
  {
    os: 'linux',
    label: "Debian/Ubuntu (ngrok's apt repository)",
    commands: [
      'curl -sSL https://ngrok-agent.s3.amazonaws.com/ngrok.asc | sudo tee /etc/apt/trusted.gpg.d/ngrok.asc >/dev/null',
      'echo "deb https://ngrok-agent.s3.amazonaws.com bookworm main" | sudo tee /etc/apt/sources.list.d/ngrok.list',
      'sudo apt-get update && sudo apt-get install ngrok',
      'ngrok config add-authtoken <your authtoken>',
    ],
  },
  {
    os: 'linux',
    label: 'snap',
    commands: ['sudo snap install ngrok', 'ngrok config add-authtoken <your authtoken>'],
  },
];

/** Install steps for a tool, the running OS's first. */
export function installHelp(tool: 'cloudflared' | 'ngrok', os: InstallOs): InstallStep[] {
  const steps = tool === 'cloudflared' ? CLOUDFLARED : NGROK;
  return [...steps.filter((s) => s.os === os), ...steps.filter((s) => s.os !== os)];
}

/** The install commands for the running OS as indented lines, for the CLI. */
export function installLines(tool: 'cloudflared' | 'ngrok', os: InstallOs): string[] {
  return installHelp(tool, os)
    .filter((s) => s.os === os)
    .flatMap((s) => [`  ${s.label}:`, ...s.commands.map((c) => `    ${c}`)]);
}

export const DOCS_URLS = {
  cloudflared:
    'https://developers.cloudflare.com/cloudflare-one/connections/connect-networks/do-more-with-tunnels/trycloudflare/',
  ngrok: 'https://ngrok.com/docs/getting-started/',
  relay: 'https://smee.io/',
} as const;
