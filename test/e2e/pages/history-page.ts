import type { Locator, Page } from '@playwright/test';
import { InboxPage } from './inbox-page';

/** The History features of the Inbox area: inboxes, filters, list actions, detail actions, replay, export/import. */
export class HistoryPage extends InboxPage {
  readonly switcher: Locator;
  readonly inboxBar: Locator;
  readonly inboxUrl: Locator;
  readonly search: Locator;
  readonly total: Locator;
  readonly noMatches: Locator;
  readonly transferNotice: Locator;
  readonly attempts: Locator;
  readonly replayPanel: Locator;
  readonly replayResult: Locator;
  readonly importInput: Locator;

  constructor(page: Page) {
    super(page);
    this.switcher = page.getByTestId('inbox-switcher');
    this.inboxBar = page.getByTestId('inbox-bar');
    this.inboxUrl = page.getByTestId('inbox-url');
    this.search = page.getByRole('searchbox', { name: 'Search bodies, headers and URLs' });
    this.total = page.getByTestId('capture-total');
    this.noMatches = page.getByTestId('no-matches');
    this.transferNotice = page.getByTestId('transfer-notice');
    this.attempts = page.getByTestId('attempt');
    this.replayPanel = page.getByTestId('replay-panel');
    this.replayResult = page.getByTestId('replay-result');
    this.importInput = page.getByTestId('import-file');
  }

  /** Picks an inbox in the switcher; null shows all inboxes. */
  async showInbox(slug: string | null): Promise<void> {
    await this.switcher.click();
    const menu = this.page.getByRole('menu');
    if (slug === null) await menu.getByRole('menuitemradio', { name: /All inboxes/ }).click();
    else await menu.getByRole('menuitemradio', { name: new RegExp(`^${slug}\\b`) }).click();
  }

  /** Creates an inbox through the switcher's "New inbox…" dialog. */
  async createInbox(slug: string): Promise<void> {
    await this.switcher.click();
    await this.page.getByRole('menuitem', { name: 'New inbox…' }).click();
    const dialog = this.page.getByTestId('create-inbox-dialog');
    await dialog.getByLabel('Slug').fill(slug);
    await dialog.getByRole('button', { name: 'Create inbox' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Opens the settings dialog of the inbox shown in the bar. */
  async openInboxSettings(): Promise<Locator> {
    await this.inboxBar.getByRole('button', { name: /^Settings of inbox/ }).click();
    return this.page.getByTestId('inbox-settings-dialog');
  }

  /** Opens an item of the list's "more" menu (Export…, Import…, Clear…). */
  async listMenu(item: 'Export…' | 'Import…' | 'Clear…'): Promise<void> {
    await this.page.getByRole('button', { name: 'More: export, import, clear' }).click();
    await this.page.getByRole('menuitem', { name: item }).click();
  }

  /** The toolbar button of the detail pane with this name. */
  detailAction(name: 'Pin' | 'Unpin' | 'Replay' | 'Delete'): Locator {
    return this.detail
      .getByRole('toolbar', { name: 'Capture actions' })
      .getByRole('button', { name, exact: true });
  }

  /** The body view switcher's button with this label. */
  bodyView(name: 'Pretty' | 'Decoded' | 'Form fields' | 'Raw' | 'Hex'): Locator {
    return this.detail
      .getByRole('group', { name: 'request body view' })
      .getByRole('button', { name, exact: true });
  }

  async showDetailTab(name: 'Body' | 'Headers' | 'Response' | 'Attempts' | 'Replay'): Promise<void> {
    await this.detail.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  }

  /** Filters the list by text and waits for the search to run. */
  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
  }
}
