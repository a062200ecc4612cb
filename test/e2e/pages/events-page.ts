import type { Locator, Page } from '@playwright/test';

/** The Events area (catalogue, Fire panel, scenarios); every selector the E2E tests use lives here. */
export class EventsPage {
  readonly view: Locator;
  readonly detail: Locator;
  readonly firePanel: Locator;
  readonly payloadEditor: Locator;
  readonly sendButton: Locator;
  readonly sendResult: Locator;
  readonly bulkSection: Locator;
  readonly bulkSummary: Locator;
  readonly scenarioDetail: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('events-view');
    this.detail = page.getByTestId('event-detail');
    this.firePanel = page.getByTestId('fire-panel');
    this.payloadEditor = page.getByTestId('payload-editor');
    this.sendButton = this.firePanel.getByRole('button', { name: 'Send', exact: true });
    this.sendResult = page.getByTestId('send-result');
    this.bulkSection = page.getByTestId('bulk-section');
    this.bulkSummary = page.getByTestId('bulk-summary');
    this.scenarioDetail = page.getByTestId('scenario-detail');
  }

  /** Opens the app and goes to the Events area. */
  async open(uiUrl: string): Promise<void> {
    await this.page.goto(uiUrl);
    await this.page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('button', { name: /^Events/ })
      .click();
    await this.view.waitFor();
  }

  async pickProvider(title: string): Promise<void> {
    await this.page
      .getByRole('region', { name: 'Providers' })
      .getByRole('button', { name: new RegExp(`^${title}`) })
      .click();
  }

  async pickEvent(name: string): Promise<void> {
    await this.page
      .getByTestId('event-row')
      .filter({ hasText: new RegExp(`^${name}`) })
      .click();
  }

  /** The text the payload editor shows. */
  async payloadText(): Promise<string> {
    const lines = await this.payloadEditor.locator('.cm-line').allTextContents();
    return lines.join('\n');
  }

  async showScenarios(): Promise<void> {
    await this.page
      .getByRole('group', { name: 'Events view' })
      .getByRole('button', { name: 'Scenarios' })
      .click();
  }

  async setTheme(theme: 'light' | 'dark'): Promise<void> {
    await this.page.emulateMedia({ colorScheme: theme });
  }
}
