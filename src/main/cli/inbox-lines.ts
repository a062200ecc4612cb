import type { Workbench } from '../core/workbench';

/** `Inbox <slug>: <url>` for each inbox named on the command line, in the order given. */
export async function inboxLines(workbench: Workbench, slugs: readonly string[]): Promise<string[]> {
  if (slugs.length === 0) return [];
  const urls = new Map((await workbench.handlers['inbox:list']({})).map((i) => [i.slug, i.url]));
  return slugs.map((slug) => `Inbox ${slug}: ${urls.get(slug) ?? '(not listening)'}`);
}
