/** The tag Hookbench puts at the start of the descriptions of the subscriptions it creates. */
const TAG = /^\[hookbench inbox=([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)\]\s?/;

/** `[hookbench inbox=<slug>] <description>`. */
export function tagDescription(slug: string, description: unknown): string {
  const text = typeof description === 'string' ? description.replace(TAG, '') : '';
  return `[hookbench inbox=${slug}] ${text || `Hookbench inbox ${slug}`}`;
}

/** The inbox a description is tagged for, or null when Hookbench did not create it. */
export function taggedInbox(description: string | null): string | null {
  return description ? (TAG.exec(description)?.[1] ?? null) : null;
}
