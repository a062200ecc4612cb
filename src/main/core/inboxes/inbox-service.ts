import type { Inbox, InboxSettings } from '../../../shared/inbox-models';
import type { InboxVerification, VerificationSetting } from '../../../shared/signature-models';
import { inboxSettings, inboxSlug } from '../../../shared/inbox-models';
import type { CaptureRepository } from '../../db/capture-repository';
import type { InboxRepository, StoredInbox } from '../../db/inbox-repository';
import { HookbenchError } from '../errors';

export const DEFAULT_INBOX = 'default';

/** The path prefix every inbox URL starts with. */
export const HOOKS_PREFIX = '/hooks/';

export interface InboxServiceDeps {
  inboxes: InboxRepository;
  captures: CaptureRepository;
  /** The receiver's base URL, or null while it does not listen. */
  receiverUrl: () => string | null;
  /** The inbox's URL on the public URL (tunnel, relay) while one is online, else null. */
  publicUrl?: (slug: string) => string | null;
  /** How an inbox verifies signatures right now, the secret masked (null: it does not). */
  describeVerification?: (inbox: StoredInbox) => InboxVerification | null;
  now?: () => number;
}

/**
 * Inboxes: named places webhooks are sent to (`/hooks/<slug>`), each with its own response rule, failure simulation
 * and forwarding. Keeps them in memory so the receiver resolves a request's inbox without a query.
 */
export class InboxService {
  private cache = new Map<string, StoredInbox>();

  constructor(private readonly deps: InboxServiceDeps) {
    this.reload();
  }

  private reload(): void {
    this.cache = new Map(this.deps.inboxes.list().map((i) => [i.slug, i]));
  }

  /** The inbox a request path belongs to, and whether it matched one (else it goes to `default`, marked). */
  route(path: string): { inbox: StoredInbox; matched: boolean } {
    if (path.startsWith(HOOKS_PREFIX)) {
      const rest = path.slice(HOOKS_PREFIX.length);
      const end = rest.indexOf('/');
      const slug = end === -1 ? rest : rest.slice(0, end);
      const found = this.cache.get(slug);
      if (found) return { inbox: found, matched: true };
    }
    return { inbox: this.require(DEFAULT_INBOX), matched: false };
  }

  /** The stored inbox or a not_found error naming the slug. */
  require(slug: string): StoredInbox {
    const found = this.cache.get(slug);
    if (!found) throw new HookbenchError('not_found', `There is no inbox "${slug}".`);
    return found;
  }

  private present(stored: StoredInbox, counts: ReadonlyMap<string, number>): Inbox {
    const base = this.deps.receiverUrl();
    return {
      ...stored,
      url: base ? `${base}${HOOKS_PREFIX}${stored.slug}` : null,
      publicUrl: this.deps.publicUrl?.(stored.slug) ?? null,
      captureCount: counts.get(stored.slug) ?? 0,
      verification: this.deps.describeVerification?.(stored) ?? null,
    };
  }

  list(): Inbox[] {
    const counts = this.deps.captures.countsByInbox();
    return [...this.cache.values()].map((i) => this.present(i, counts));
  }

  get(slug: string): Inbox {
    return this.present(this.require(slug), this.deps.captures.countsByInbox());
  }

  create(slug: string, name?: string, settings?: Partial<InboxSettings>): Inbox {
    if (this.cache.has(slug)) throw new HookbenchError('invalid_input', `An inbox "${slug}" already exists.`);
    const stored: StoredInbox = {
      slug,
      name: name ?? slug,
      createdAt: (this.deps.now ?? Date.now)(),
      // Verification is set with its secret through setVerification, never with the other settings.
      settings: { ...inboxSettings.parse(settings ?? {}), verification: null },
    };
    this.deps.inboxes.insert(stored);
    this.reload();
    return this.get(slug);
  }

  /** Makes sure an inbox exists (creating it with default settings); false when the slug is not a valid one. */
  ensure(slug: string): boolean {
    if (this.cache.has(slug)) return true;
    if (!inboxSlug.safeParse(slug).success) return false;
    this.create(slug);
    return true;
  }

  update(slug: string, changes: { name?: string; newSlug?: string; settings?: InboxSettings }): Inbox {
    const current = this.require(slug);
    const { newSlug } = changes;
    if (newSlug !== undefined && newSlug !== slug) {
      if (slug === DEFAULT_INBOX)
        throw new HookbenchError('invalid_input', 'The default inbox keeps its slug.');
      if (this.cache.has(newSlug))
        throw new HookbenchError('invalid_input', `An inbox "${newSlug}" already exists.`);
    }
    const settings = changes.settings
      ? { ...changes.settings, verification: current.settings.verification }
      : current.settings;
    this.deps.inboxes.update(slug, changes.name ?? current.name, settings, newSlug);
    if (newSlug !== undefined && newSlug !== slug) this.deps.captures.inboxMoved(slug, newSlug);
    this.reload();
    return this.get(newSlug ?? slug);
  }

  /** Saves (or with null, removes) how the inbox verifies signatures; the secret is already in the secret store. */
  setVerification(slug: string, verification: VerificationSetting | null): Inbox {
    const current = this.require(slug);
    this.deps.inboxes.update(slug, current.name, { ...current.settings, verification });
    this.reload();
    return this.get(slug);
  }

  /** Deletes an inbox with its captures (pinned ones too: the inbox is gone); `default` cannot be deleted. */
  delete(slug: string): number {
    this.require(slug);
    if (slug === DEFAULT_INBOX) throw new HookbenchError('invalid_input', 'The default inbox always exists.');
    const deleted = this.deps.captures.clear({ inbox: slug, pinned: undefined }, true);
    this.deps.inboxes.delete(slug);
    this.reload();
    return deleted;
  }
}
