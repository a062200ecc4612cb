import type Database from 'better-sqlite3';
import { inboxSettings, type InboxSettings } from '../../shared/inbox-models';

/** An inbox row as stored (the URL and counts are added by the service). */
export interface StoredInbox {
  slug: string;
  name: string;
  createdAt: number;
  settings: InboxSettings;
}

interface InboxRow {
  slug: string;
  name: string;
  created_at: number;
  settings: string;
}

/**
 * Reads settings JSON written by this or an older version; fields it lacks get their defaults. A row damaged by hand
 * falls back to the defaults rather than making the inbox unusable.
 */
function parseSettings(json: string): InboxSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    raw = {};
  }
  const parsed = inboxSettings.safeParse(raw);
  return parsed.success ? parsed.data : inboxSettings.parse({});
}

function toInbox(row: InboxRow): StoredInbox {
  return { slug: row.slug, name: row.name, createdAt: row.created_at, settings: parseSettings(row.settings) };
}

/** The only place with SQL for inboxes. */
export class InboxRepository {
  private readonly listStmt: Database.Statement;
  private readonly getStmt: Database.Statement;
  private readonly insertStmt: Database.Statement;
  private readonly updateStmt: Database.Statement;
  private readonly moveStmt: Database.Statement;
  private readonly moveCapturesStmt: Database.Statement;
  private readonly deleteStmt: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.listStmt = db.prepare("SELECT * FROM inboxes ORDER BY slug = 'default' DESC, created_at, slug");
    this.getStmt = db.prepare('SELECT * FROM inboxes WHERE slug = @slug');
    this.insertStmt = db.prepare(
      'INSERT INTO inboxes (slug, name, created_at, settings) VALUES (@slug, @name, @createdAt, @settings)',
    );
    this.updateStmt = db.prepare('UPDATE inboxes SET name = @name, settings = @settings WHERE slug = @slug');
    this.moveStmt = db.prepare('UPDATE inboxes SET slug = @newSlug WHERE slug = @slug');
    this.moveCapturesStmt = db.prepare('UPDATE captures SET inbox = @newSlug WHERE inbox = @slug');
    this.deleteStmt = db.prepare('DELETE FROM inboxes WHERE slug = @slug');
  }

  list(): StoredInbox[] {
    return (this.listStmt.all() as InboxRow[]).map(toInbox);
  }

  get(slug: string): StoredInbox | undefined {
    const row = this.getStmt.get({ slug }) as InboxRow | undefined;
    return row ? toInbox(row) : undefined;
  }

  insert(inbox: StoredInbox): void {
    this.insertStmt.run({
      slug: inbox.slug,
      name: inbox.name,
      createdAt: inbox.createdAt,
      settings: JSON.stringify(inbox.settings),
    });
  }

  /** Saves name and settings; moves the inbox and its captures to `newSlug` when given, all in one transaction. */
  update(slug: string, name: string, settings: InboxSettings, newSlug?: string): void {
    this.db.transaction(() => {
      this.updateStmt.run({ slug, name, settings: JSON.stringify(settings) });
      if (newSlug !== undefined && newSlug !== slug) {
        this.moveStmt.run({ slug, newSlug });
        this.moveCapturesStmt.run({ slug, newSlug });
      }
    })();
  }

  /** Removes the inbox row (its captures are removed by the caller in the same transaction). */
  delete(slug: string): void {
    this.deleteStmt.run({ slug });
  }
}
