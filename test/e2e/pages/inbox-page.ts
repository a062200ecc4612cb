import type { Locator, Page } from '@playwright/test';

/** The Inbox area; every selector the E2E tests use lives here. */
export class InboxPage {
  readonly rows: Locator;
  readonly detail: Locator;
  readonly headersTable: Locator;
  readonly body: Locator;
  readonly receiverUrl: Locator;
  readonly emptyState: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('capture-row');
    this.detail = page.getByTestId('capture-detail');
    this.headersTable = page.getByTestId('detail-headers');
    this.body = page.getByTestId('detail-body');
    this.receiverUrl = page.getByTestId('receiver-url');
    this.emptyState = page.getByTestId('empty-inbox');
  }

  async open(uiUrl: string): Promise<void> {
    await this.page.goto(uiUrl);
  }

  /** The list row whose text contains `text`. */
  row(text: string): Locator {
    return this.rows.filter({ hasText: text });
  }

  async showTab(name: 'Body' | 'Headers' | 'Response'): Promise<void> {
    await this.detail.getByRole('tab', { name }).click();
  }
}
