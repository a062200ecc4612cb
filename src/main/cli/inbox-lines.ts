import type { Inbox } from '../../shared/inbox-models';
import type { Workbench } from '../core/workbench';

/** ` (verifies svix with whsec_MfKQ…(32 chars), from --verify)`, or why it cannot, or '' when the inbox does not verify. */
export function verificationNote(inbox: Pick<Inbox, 'verification'> | undefined): string {
  const v = inbox?.verification;
  if (!v) return '';
  if (v.problem) return ` (verifies ${v.scheme}, but: ${v.problem})`;
  return ` (verifies ${v.scheme} with ${v.secretMasked ?? 'its secret'}${v.source === 'session' ? ', from --verify' : ''})`;
}

/**
 * `Inbox <slug>: <url>` for each inbox named on the command line, in the order given, with how it verifies; followed
 * by `Inbox <slug> (public): <url>` while a public URL is online.
 */
export async function inboxLines(workbench: Workbench, slugs: readonly string[]): Promise<string[]> {
  if (slugs.length === 0) return [];
  const inboxes = new Map((await workbench.handlers['inbox:list']({})).map((i) => [i.slug, i]));
  return slugs.flatMap((slug) => {
    const inbox = inboxes.get(slug);
    const line = `Inbox ${slug}: ${inbox?.url ?? '(not listening)'}${verificationNote(inbox)}`;
    // While a public URL is online, the inbox is shown in both forms.
    return inbox?.publicUrl ? [line, `Inbox ${slug} (public): ${inbox.publicUrl}`] : [line];
  });
}
