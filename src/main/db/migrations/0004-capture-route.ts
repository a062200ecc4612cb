import type { Migration } from './migration';

/**
 * How each capture reached the receiver: `direct`, through a tunnel Hookbench ran (`cloudflared`, `ngrok`), a URL the
 * user runs (`custom`) or Hookbench's relay client (`relay`). Captures stored before this arrived directly.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'capture-route',
  sql: `
    ALTER TABLE captures ADD COLUMN route TEXT NOT NULL DEFAULT 'direct';
  `,
};
