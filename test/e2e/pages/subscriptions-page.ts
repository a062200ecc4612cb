import type { Locator, Page } from '@playwright/test';

/** The Tenants and Subscriptions areas; every selector the subscriptions E2E test uses lives here. */
export class SubscriptionsPage {
  readonly sandboxCard: Locator;
  readonly sandboxSwitch: Locator;
  readonly sandboxUrl: Locator;
  readonly tenantRows: Locator;
  readonly tenantPicker: Locator;
  readonly rows: Locator;
  readonly composer: Locator;
  readonly preview: Locator;
  readonly notice: Locator;
  readonly triggerResult: Locator;

  constructor(readonly page: Page) {
    this.sandboxCard = page.getByTestId('sandbox-card');
    this.sandboxSwitch = page.getByRole('switch', { name: 'Run the sandbox tenant' });
    this.sandboxUrl = page.getByTestId('sandbox-url');
    this.tenantRows = page.getByTestId('tenant-row');
    this.tenantPicker = page.getByLabel('Tenant', { exact: true });
    this.rows = page.getByTestId('subscription-row');
    this.composer = page.getByTestId('composer');
    this.preview = page.getByTestId('request-preview');
    this.notice = page.getByTestId('subs-notice');
    this.triggerResult = page.getByTestId('trigger-result');
  }

  async openArea(name: 'Inbox' | 'Subscriptions' | 'Tenants'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name }).click();
  }

  /** The composer's control of one attribute. */
  field(name: string): Locator {
    return this.composer.getByTestId(`field-${name}`);
  }
}
