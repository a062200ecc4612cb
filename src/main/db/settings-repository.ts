import type Database from 'better-sqlite3';

/** Key/value app settings stored as JSON; the service validates what it reads. */
export class SettingsRepository {
  private readonly getStmt: Database.Statement;
  private readonly setStmt: Database.Statement;

  constructor(db: Database.Database) {
    this.getStmt = db.prepare('SELECT value FROM settings WHERE key = @key');
    this.setStmt = db.prepare(
      'INSERT INTO settings (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  /** The parsed JSON value, or undefined when unset or unreadable. */
  get(key: string): unknown {
    const row = this.getStmt.get({ key }) as { value: string } | undefined;
    if (!row) return undefined;
    try {
      return JSON.parse(row.value) as unknown;
    } catch {
      return undefined;
    }
  }

  set(key: string, value: unknown): void {
    this.setStmt.run({ key, value: JSON.stringify(value) });
  }
}
